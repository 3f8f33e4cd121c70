/*
 * The C half of program start-up, called by _start (crt0.S): record what
 * the kernel passed, set environ (<unistd.h>), run the constructors, call
 * main, and exit with what it returns. exit() flushes stdio first (exit.c).
 */
#include <stdlib.h>
#include <unistd.h>
#include <atxf/proc.h>
#include "start.h"
#include "../libc/pthread_impl.h"

typedef void (*atxf_ctor_fn)(void);

/* ldscripts/atxf.ld brackets .init_array with these. */
extern const atxf_ctor_fn __init_array_start[] __attribute__((visibility("hidden")));
extern const atxf_ctor_fn __init_array_end[] __attribute__((visibility("hidden")));

int main(int argc, char **argv);

static void run_constructors(void)
{
	for (const atxf_ctor_fn *fn = __init_array_start; fn < __init_array_end; fn++)
		(*fn)();
}

_Noreturn void __atxf_start(const struct atxf_start_info *si)
{
	const struct atxf_start_info *info;

	__atxf_tls_init_main();         /* errno and every __thread need it */
	info = __atxf_start_record(si);
	environ = (char **)(uintptr_t)info->envp;
	run_constructors();
	exit(main((int)info->argc, (char **)(uintptr_t)info->argv));
}
