/*
 * libatxf's system call layer: one typed C function per call in
 * <atxf/syscalls.h>. Each returns what the kernel returned: a value >= 0 on
 * success or a negative ATXF_E* code. Programs rarely need these directly;
 * <atxf/hw.h>, <atxf/port.h> and the driver framework wrap them.
 */
#ifndef ATXF_SYS_H
#define ATXF_SYS_H

#include <stddef.h>
#include <stdint.h>
#include <atxf/cap.h>
#include <atxf/errors.h>
#include <atxf/ipc.h>
#include <atxf/proc.h>
#include <atxf/syscalls.h>

/* The raw trap: number and up to six arguments. */
long atxf_syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6);

_Noreturn void atxf_exit(int status);
void atxf_yield(void);
int atxf_sleep_ns(uint64_t ns);
uint64_t atxf_clock_ns(void);
uint64_t atxf_wallclock_ns(void);      /* UTC nanoseconds since 1970-01-01 */
uint64_t atxf_cpu_ns(void);            /* CPU time this process has used */
long atxf_debug_write(const char *buf, unsigned long len);
/* One kernel log line "NAME[PID]: text" (<atxf/log.h> formats): 0 or -ATXF_E*. */
int atxf_log_write(const char *text, unsigned long len);
/* The kernel's newest whole log lines that fit in len bytes (SYS_LOG_READ,
 * with an ATXF_CAP_KLOG handle): the byte count, or -ATXF_EBADH (not such
 * a handle), -ATXF_EPERM (no READ), -ATXF_EFAULT. */
long atxf_log_read(atxf_handle_t klog, char *buf, unsigned long len);

void *atxf_mem_map(void *hint, size_t len, unsigned prot);   /* NULL on failure */
int atxf_mem_unmap(void *addr, size_t len);
int atxf_mem_info(struct atxf_mem_info *info);
int atxf_kernel_counts(struct atxf_kernel_counts *out);

/* Kernel threads of this process (docs/syscalls.md §7); programs use
 * <pthread.h> or <threads.h>, which are built on these. */
long atxf_thread_create(void (*entry)(void *), void *arg, void *stack_top, void *tls);
_Noreturn void atxf_thread_exit(uint32_t *clear, void *unmap, size_t unmap_len);
long atxf_thread_self(void);                                  /* -> tid */
int atxf_tls_set(void *tp);
int atxf_futex_wait(uint32_t *addr, uint32_t expected, uint64_t timeout_ns);
int atxf_futex_wake(uint32_t *addr, uint32_t n);            /* -> threads woken */

int atxf_cap_query(atxf_handle_t h, struct atxf_cap_info *info);
atxf_handle_t atxf_cap_derive(atxf_handle_t h, uint64_t base, uint64_t size, uint32_t rights);
atxf_handle_t atxf_cap_grant(atxf_handle_t h, uint32_t pid, uint32_t rights);
int atxf_cap_drop(atxf_handle_t h);
/*
 * Takes the pages of [offset, offset + len) (rounded out to whole pages)
 * away from an MMIO capability for good, in it and every copy made of it
 * later: SYS_MMIO_MAP refuses a range that lies wholly in them and leaves
 * them unmapped in a larger one. devmgr holes a BAR's MSI-X table and PBA
 * before granting it. 0, or -ATXF_ENOSPC (two holes already).
 */
int atxf_mmio_hole(atxf_handle_t mmio, uint64_t offset, uint64_t len);

long atxf_proc_spawn(const struct atxf_spawn *spawn);         /* -> pid */
int atxf_proc_wait(uint32_t pid, int *status, uint64_t timeout_ns);
int atxf_proc_kill(uint32_t pid);
/* Each time a child of the caller ends, bits are notified on port (a send
 * right of the caller's); atxf_proc_wait(pid, &status, 0) on its children
 * then collects the ended ones. Bits 0 clears the watch. */
int atxf_proc_watch(atxf_handle_t port, uint64_t bits);
int atxf_proc_info(uint32_t index, struct atxf_proc_info *out, uint32_t n);

/* Copies up to len bytes of the ACPI table with that signature ("DSDT",
 * "APIC", ...) into buf; returns the table's full length, or -ATXF_E*.
 * Needs ROOT. */
long atxf_acpi_table(const char sig[4], void *buf, size_t len);

/* The sentence for an error code (positive or negative). */
const char *atxf_strerror(int err);

/* What crt0 received from the kernel; valid for the program's life. */
const struct atxf_start_info *atxf_start_info(void);

#endif
