/*
 * Built-in self-tests, selected with ktest=NAME on the kernel command line
 * and checked by tests/qemu. Each test runs in the kinit thread after boot,
 * logs what it measured, and returns 0 (pass) or -1 (fail, after logging
 * why). The kernel then powers QEMU off with the result.
 */
#ifndef TEST_KTEST_H
#define TEST_KTEST_H

struct ktest {
	const char *name;
	const char *what;       /* one line for the log */
	int (*run)(void);
};

_Noreturn void ktest_run_and_exit(const char *name);

/* The tests, in test/test_*.c. */
int ktest_boot(void);
int ktest_lib(void);
int ktest_mm(void);
int ktest_fault_ud(void);
int ktest_fault_pf(void);
int ktest_use_after_free(void);
int ktest_stack_overflow(void);
int ktest_threads(void);
int ktest_priority(void);
int ktest_sleep(void);
int ktest_irq(void);
int ktest_vectors(void);
int ktest_proc(void);
int ktest_ipc(void);
int ktest_dma(void);

/* Logs "ktest: check failed: ..." and returns -1 from the calling test. */
#define KTEST_CHECK(cond, ...)                                           \
	do {                                                             \
		if (!(cond)) {                                           \
			klog("ktest: check failed: " __VA_ARGS__);       \
			return -1;                                       \
		}                                                        \
	} while (0)

#endif
