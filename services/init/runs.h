/*
 * init's run service (<atxf/proto/run.h>): starts a program for a caller
 * and answers it when the program ends.
 */
#ifndef INIT_RUNS_H
#define INIT_RUNS_H

#include <stdint.h>
#include <atxf/ipc.h>
#include "programs.h"

/* Where runs find their programs; until this, every START is -ATXF_ENOENT. */
void runs_init(const struct archive *fs);
/* Serves one START request (req->type == ATXF_RUN_START). */
void runs_serve(const struct atxf_msg *req);
/* pid ended with status: answers its caller if a run started it. */
void runs_ended(uint32_t pid, int status);
/* How many programs runs started since the last call: init has children
 * to reap again. */
unsigned runs_take_started(void);

#endif
