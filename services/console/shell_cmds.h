/* The shell's commands, one function each: shell.c's table calls them. */
#ifndef CONSOLE_SHELL_CMDS_H
#define CONSOLE_SHELL_CMDS_H

#include "shell.h"

#define SHELL_ARGS_MAX 16

typedef void shell_cmd_fn(struct shell *sh, int argc, char **argv);

shell_cmd_fn cmd_ps, cmd_devices, cmd_drivers, cmd_lspci;   /* shell_list.c */
shell_cmd_fn cmd_kill, cmd_restart;                         /* shell_ctl.c */
shell_cmd_fn cmd_mouse;                                     /* shell_mouse.c */
shell_cmd_fn cmd_serial;                                    /* shell_serial.c */
shell_cmd_fn cmd_lsblk, cmd_blkcheck;                       /* shell_blk.c */
shell_cmd_fn cmd_fbinfo, cmd_mode;                          /* shell_display.c */
shell_cmd_fn cmd_dmesg;                                     /* shell_dmesg.c */

/* The name of DEVICE index, or its number when devmgr does not say. */
void shell_device_name(struct shell *sh, uint32_t index, char *out, size_t size);

#endif
