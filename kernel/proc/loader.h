/*
 * The ATXF loader: validates an image with the one reader (sdk/format,
 * <atxf/reader.h>, the same code atxfdump runs) and maps it into a new
 * process by the load rule of docs/atxf-format.md §3.
 */
#ifndef PROC_LOADER_H
#define PROC_LOADER_H

#include <stdint.h>

struct process;
struct start_args;

/*
 * Loads the ATXF file file[0..size) (kernel-readable memory) into the
 * EMBRYO p and sets p->entry. A refused image logs one line,
 * "loader: NAME: refused: REASON", and gives -ATXF_ENOEXEC; -ATXF_ENOMEM
 * when memory runs out. On failure the caller destroys p.
 */
int loader_load(struct process *p, const void *file, uint64_t size);

/*
 * Loads the image into the EMBRYO p (as loader_load), writes its start
 * stack (proc/startinfo.h) and starts it at priority. Whatever else p gets
 * (capabilities, mappings) the caller gives it before. 0 or -ATXF_E*; on
 * failure p is still an EMBRYO, for the caller to destroy.
 */
int loader_exec(struct process *p, const void *file, uint64_t size,
		const struct start_args *args, unsigned priority);

/*
 * Before the caller copies an image of `size` bytes into the kernel: one
 * over ATXF_MAX_FILE_SIZE is refused here (with the reader's own message
 * for it, and the same log line) instead of being copied first. 0 or
 * -ATXF_ENOEXEC.
 */
int loader_check_size(const char *name, uint64_t size);

#endif
