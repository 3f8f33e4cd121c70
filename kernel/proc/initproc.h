/* Starting the first process, init, from the boot archive (docs/boot.md). */
#ifndef PROC_INITPROC_H
#define PROC_INITPROC_H

/* Loads init (`init=NAME` on the command line, else init.atxf) from the
 * boot archive and starts it with the root capability and the archive
 * mapped read-only. Failures are logged; the kernel goes on without it. */
void initproc_start(void);

#endif
