/*
 * Futexes: a thread sleeps on a 32-bit word of its process's memory until
 * another thread of the process wakes that address. The kernel keeps no
 * state for a word nobody waits on; user space (the libc's mutexes and
 * condition variables) owns the value and its protocol.
 */
#ifndef PROC_FUTEX_H
#define PROC_FUTEX_H

#include <stdint.h>

struct process;

/* If the u32 at uaddr still holds expected, sleeps until woken, timed out
 * (ATXF_TIMEOUT_*) or p is killed. 0 when woken, -ATXF_EAGAIN (the value
 * differed, or a kill interrupted the wait), -ATXF_ETIMEDOUT, -ATXF_EFAULT
 * or -ATXF_EINVAL (uaddr not 4-byte aligned). */
int futex_wait(struct process *p, uint64_t uaddr, uint32_t expected, uint64_t timeout_ns);
/* Wakes up to n of p's threads waiting on uaddr; returns how many. */
int futex_wake(struct process *p, uint64_t uaddr, uint32_t n);

#endif
