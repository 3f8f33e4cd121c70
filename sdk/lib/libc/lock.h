/*
 * The libc's own lock, under malloc and the pthread mutexes: one futex
 * word, 0 free, 1 held, 2 held and maybe waited for. Taking a free lock and
 * giving back one nobody waits for are one atomic instruction each; only
 * contention enters the kernel (the scheme is the second mutex of Ulrich
 * Drepper's "Futexes Are Tricky"). Private to the libc.
 */
#ifndef ATXF_LIBC_LOCK_H
#define ATXF_LIBC_LOCK_H

#include <stdint.h>

struct atxf_lock {
	uint32_t state;         /* 0 free, 1 held, 2 held with (maybe) waiters */
};

#define ATXF_LOCK_INIT { 0 }

void __atxf_lock_take(struct atxf_lock *l);
/* 1 if taken, 0 if it was held. */
int __atxf_lock_try(struct atxf_lock *l);
/* Gives up at deadline (atxf_clock_ns() time): 0 taken, or ETIMEDOUT. */
int __atxf_lock_take_until(struct atxf_lock *l, uint64_t deadline_ns);
void __atxf_lock_give(struct atxf_lock *l);

#endif /* ATXF_LIBC_LOCK_H */
