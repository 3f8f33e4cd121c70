/*
 * The run protocol (ATXF_PROTO_RUN): a process asks init to start a program
 * from the boot archive and gets the answer when that program ends. The
 * libc's system() is its client (sdk/lib/runtime/system.c); init serves it
 * on the name service's port, which every process reaches through handle
 * ATXF_HANDLE_NAMESERVICE (<atxf/proc.h>).
 *
 *   START  data[0..len) = the command, no NUL: a boot archive member and
 *          its arguments, separated by spaces (no quoting, no shell).
 *          The reply comes when the program has ended: status 0 and data =
 *          struct atxf_run_result. Refused at once with -ATXF_EINVAL (no
 *          word, more than ATXF_SPAWN_MAX_ARGS words, a control
 *          character), -ATXF_ENOENT (no such member), -ATXF_EBUSY
 *          (ATXF_RUN_PENDING_MAX runs are under way) or spawn's error.
 *
 * The program started holds nothing but a send right to the name service
 * (handle ATXF_HANDLE_NAMESERVICE; its ATXF_HANDLE_PARENT is empty), with
 * init's environment (boot.cfg's env lines), so a caller gains no
 * capability by it. A caller that stops waiting loses only the answer.
 */
#ifndef ATXF_PROTO_RUN_H
#define ATXF_PROTO_RUN_H

#include <stdint.h>
#include <atxf/ipc.h>

#define ATXF_RUN_START        ATXF_REQUEST(ATXF_PROTO_RUN, 1)
#define ATXF_RUN_PENDING_MAX  16

struct atxf_run_result {
	uint32_t pid;           /* the program's process id */
	int32_t status;         /* its exit status (128 + vector after a fault) */
};
_Static_assert(sizeof(struct atxf_run_result) == 8, "run result layout");

#endif
