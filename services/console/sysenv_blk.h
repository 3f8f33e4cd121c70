/* The shell's disks on the real system (sysenv_blk.c): struct shell_env's disk calls. */
#ifndef CONSOLE_SYSENV_BLK_H
#define CONSOLE_SYSENV_BLK_H

#include "shell.h"

int env_property(void *ctx, uint32_t node, uint32_t i, char *out, size_t size);
int env_block_info(void *ctx, const char *name, struct atxf_block_info *out);
int env_block_open(void *ctx, const char *name, struct atxf_block_info *out);
int env_block_read(void *ctx, uint64_t sector, uint32_t count, void *dst);
void env_block_close(void *ctx);

#endif
