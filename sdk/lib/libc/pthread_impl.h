/*
 * The inside of a thread, private to the libc: its control block, which
 * %fs points at, and the TLS layout around it.
 *
 * x86-64 TLS (System V ABI, "variant II"): the thread pointer (%fs base)
 * points at the control block, whose first word holds the pointer itself
 * (code reads %fs:0 to learn it); the TLS block of the program's
 * __thread variables ends just below it, at tp - round_up(size, align).
 * GCC's stack protector, when a user turns it on, reads %fs:0x28.
 *
 * A thread made by pthread_create() owns one mapping: its stack at the
 * bottom, then its TLS block and control block at the top.
 */
#ifndef ATXF_LIBC_PTHREAD_IMPL_H
#define ATXF_LIBC_PTHREAD_IMPL_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#define THREAD_STACK_DEFAULT (256u * 1024)     /* pthread_attr_t stack_size 0 */

enum { DETACH_JOINABLE, DETACH_DETACHED, DETACH_EXITED };

struct tsd_slot {
	void *value;
	unsigned gen;                   /* the key's generation it was set under */
};

struct __pthread {
	struct __pthread *self;         /* %fs:0 */
	uintptr_t abi_reserved[4];
	uintptr_t canary;               /* %fs:0x28 */
	void *(*start)(void *);
	void *arg;
	void *result;                   /* what it ended with */
	uint32_t alive;                 /* 1 until the kernel clears it at its end */
	uint32_t detach;                /* DETACH_*: who frees the mapping */
	void *map;                      /* the mapping holding it (NULL: none) */
	size_t map_len;
	struct __pthread *next_ending;  /* on pthread_stack.c's list of ending ones */
	struct tsd_slot tsd[PTHREAD_KEYS_MAX];
};

/* The calling thread's control block. */
static inline struct __pthread *__atxf_self(void)
{
	struct __pthread *t;

	__asm__("mov %%fs:0, %0" : "=r"(t));
	return t;
}

/* The stack protector's canary (ssp.c), set once before the first thread's
 * control block; every block's canary field is a copy. */
extern uintptr_t __stack_chk_guard;
void __atxf_ssp_init(void);

/* Bytes a TLS block and control block need, alignment slack included. */
size_t __atxf_tls_need(void);
/* Lays out the TLS block (the program's initial image, then zeros) and a
 * zeroed control block at the top of [base, base + len), which must hold
 * __atxf_tls_need() bytes. Returns the control block; *low gets the lowest
 * byte they use, below which the stack may go. */
struct __pthread *__atxf_tls_place(char *base, size_t len, char **low);
/* Sets up the first thread's TLS; crt0's start calls it before anything
 * else. Ends the process if there is no memory for it. */
void __atxf_tls_init_main(void);
/* A thread's mapping of len bytes, fresh (zeroed) or reused: NULL if none
 * (pthread_stack.c). Reused ones hold old bytes: __atxf_tls_place() clears
 * what must start zero. */
void *__atxf_thread_map(size_t len);
/* The mapping of a thread that has been collected (joined). */
void __atxf_thread_unmap(void *map, size_t len);
/* A detached thread t is about to end: collect its mapping once it has. */
void __atxf_thread_ending(struct __pthread *t);
/* Runs the calling thread's key destructors (pthread_key.c). */
void __atxf_tsd_run_destructors(struct __pthread *t);
/* Nanoseconds on atxf_clock_ns()'s clock at abstime (0 if before boot). */
uint64_t __atxf_abstime_ns(const struct timespec *abstime);

#endif /* ATXF_LIBC_PTHREAD_IMPL_H */
