/*
 * libatxf running for real: the ATXF program of test_runtime_prog.c, linked
 * with crt0.o and libatxf.a, runs under the scripted kernel of
 * test_runtime_emu.c. Start-up (with good, missing, bad start info and a
 * misaligned stack), exit, the console, the heap, port I/O on both paths,
 * the name client and every argument register are checked against what
 * the program did and which system calls it made. Skipped where ptrace is
 * not allowed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/errors.h>
#include <atxf/proc.h>
#include <atxf/proto/name.h>
#include <atxf/syscalls.h>
#include "test_runtime_emu.h"

#define PROG RT_PROG ".atxf.elf"

static struct emu emu;

static int setup(void **state)
{
	(void)state;
	memset(&emu, 0, sizeof(emu));
	return 0;
}

/* Runs the program; skips the test where it cannot be traced. */
static void run(const char *const *argv)
{
	emu.argv = argv;
	if (emu_run(&emu, PROG) < 0 || !emu.ran)
		skip();
	printf("status %d, console:\n%s", emu.status, emu.out);
	if (emu.io_len)
		printf("ports:\n%s", emu.io);
}

/* ---- start-up and exit */

static void start_with_arguments(void **state)
{
	const char *const argv[] = { "prog", "args", "x y", NULL };

	(void)state;
	run(argv);
	assert_non_null(strstr(emu.out, "argc=3 argv0=set ctor=1 aligned=1\n"));
	assert_non_null(strstr(emu.out, "argv[0]=prog\nargv[1]=args\nargv[2]=x y\n"));
	assert_int_equal(emu.status, 43);
	/* It ended through SYS_EXIT with main's value. */
	assert_int_equal(emu_count(&emu, SYS_EXIT), 1);
	assert_int_equal(emu_find(&emu, SYS_EXIT, 0)->a[0], 43);
}

static void start_without_start_info(void **state)
{
	(void)state;
	run(NULL);
	assert_string_equal(emu.out, "argc=0 argv0=null ctor=1 aligned=1\n");
	assert_int_equal(emu.status, 3);
}

static void start_with_bad_magic(void **state)
{
	const char *const argv[] = { "prog", "args", NULL };

	(void)state;
	emu.bad_magic = 1;
	run(argv);
	assert_string_equal(emu.out, "argc=0 argv0=null ctor=1 aligned=1\n");
	assert_int_equal(emu.status, 3);
}

static void start_with_misaligned_stack(void **state)
{
	const char *const argv[] = { "prog", NULL };

	(void)state;
	emu.misalign = 1;
	run(argv);
	assert_non_null(strstr(emu.out, "aligned=1"));
	assert_int_equal(emu.status, 41);
}

static void exit_from_deep_inside(void **state)
{
	const char *const argv[] = { "prog", "exit", NULL };

	(void)state;
	run(argv);
	assert_string_equal(emu.out, "leaving\n");
	assert_int_equal(emu.status, 7);
}

/* ---- port I/O: which path each access takes */

static void io_direct_and_syscall_paths(void **state)
{
	const char *const argv[] = { "prog", "io", NULL };
	char expect[128];

	(void)state;
	emu.caps[2] = (struct atxf_cap_info){ ATXF_CAP_IOPORT, ATXF_RIGHTS_ALL, 0x3f8, 8 };
	emu.caps[3] = (struct atxf_cap_info){ ATXF_CAP_IOPORT, ATXF_RIGHT_READ, 0x60, 1 };
	emu.caps[4] = (struct atxf_cap_info){ ATXF_CAP_IOPORT, ATXF_RIGHT_WRITE, 0x64, 1 };
	run(argv);
	assert_int_equal(emu.status, 0);
	assert_string_equal(emu.io,
			    "in1 0x3fd direct\n"
			    "out1 0x3f8=0x41 direct\n"
			    "in1 0x60 syscall\n"
			    "out1 0x64=0xfe syscall\n"
			    "in2 0x80 refused\n"
			    "in4 0x3fc direct\n"
			    "in4 0x3fe refused\n"
			    "in1 0x3fd refused\n");
	snprintf(expect, sizeof(expect), "0x%x 0x%x 0xffff 0x%x 0xffffffff 0xff\n",
		 emu_port_value(0x3fd, 1), emu_port_value(0x60, 1), emu_port_value(0x3fc, 4));
	assert_string_equal(emu.out, expect);
	/* The map was built once on first use, and once more on refresh. */
	assert_int_equal(emu_count(&emu, SYS_CAP_QUERY), 2 * ATXF_MAX_HANDLES);
}

/* ---- the name client against a scripted name service */

struct name_script {
	unsigned lookups;           /* LOOKUP_WAIT requests seen */
	int registered;
	int bad;                    /* a request that broke the protocol */
};

#define UART0_AT_NS 30000000ull     /* when "uart0" is registered, on the emulated clock */

/*
 * LOOKUP_WAIT as the service answers it: "uart0" the moment it is
 * registered (the clock moves there), any other name missing when the
 * whole wait has passed.
 */
static long name_lookup_wait(struct emu *e, struct name_script *s, const struct atxf_msg *req,
			     struct atxf_msg *reply)
{
	uint64_t wait;

	s->lookups++;
	s->bad |= req->ncaps != 0 || req->len <= ATXF_NAME_WAIT_HEADER;
	memcpy(&wait, req->data, sizeof(wait));
	if (req->len == ATXF_NAME_WAIT_HEADER + 5 &&
	    !memcmp(req->data + ATXF_NAME_WAIT_HEADER, "uart0", 5) &&
	    e->clock_ns + wait >= UART0_AT_NS) {
		if (e->clock_ns < UART0_AT_NS)
			e->clock_ns = UART0_AT_NS;
		reply->ncaps = 1;
		reply->caps[0] = 11;
		return 0;
	}
	e->clock_ns += wait;
	reply->type = (uint32_t)-ATXF_ENOENT;
	return 0;
}

static long name_service(struct emu *e, long port, const struct atxf_msg *req,
			 struct atxf_msg *reply)
{
	struct name_script *s = e->ctx;

	if (port != ATXF_HANDLE_NAMESERVICE)
		return -ATXF_EBADH;
	switch (req->type) {
	case ATXF_NAME_LOOKUP_WAIT:
		return name_lookup_wait(e, s, req, reply);
	case ATXF_NAME_REGISTER:
		/* The derived send right, not the port itself. */
		s->bad |= req->ncaps != 1 || req->caps[0] != 20 || req->len != 4 ||
			  memcmp(req->data, "drv0", 4) != 0;
		s->registered = 1;
		return 0;
	case ATXF_NAME_UNREGISTER:
		s->bad |= req->ncaps != 0 || !s->registered;
		return 0;
	default:
		s->bad = 1;
		reply->type = (uint32_t)-ATXF_ENOSYS;
		return 0;
	}
}

static void name_client(void **state)
{
	const char *const argv[] = { "prog", "names", NULL };
	struct name_script script = { 0 };
	const struct emu_call *derive;

	(void)state;
	emu.caps[5] = (struct atxf_cap_info){ ATXF_CAP_PORT, ATXF_RIGHTS_ALL, 1234, 1 };
	emu.ipc = name_service;
	emu.ctx = &script;
	run(argv);
	assert_int_equal(emu.status, 0);
	assert_string_equal(emu.out,
			    "lookup=11 register=0 unregister=0 missing=-2 invalid=-3\n");
	assert_false(script.bad);
	/* One held request each: uart0 answered when it was registered at
	 * 30 ms, "gone" missing after its whole 25 ms. "a b" never reached
	 * the service. */
	assert_int_equal(script.lookups, 2);
	assert_int_equal(emu.clock_ns, UART0_AT_NS + 25000000);
	/* register: a WRITE|GRANT right derived from the port, dropped after. */
	derive = emu_find(&emu, SYS_CAP_DERIVE, 0);
	assert_non_null(derive);
	assert_int_equal(derive->a[0], 5);
	assert_int_equal(derive->a[1], 1234);
	assert_int_equal(derive->a[2], 1);
	assert_int_equal(derive->a[3], ATXF_RIGHT_WRITE | ATXF_RIGHT_GRANT);
	assert_int_equal(emu_find(&emu, SYS_CAP_DROP, 0)->a[0], 20);
}

/* ---- atxf_call checks who answered */

/* The first reply comes from the process that received the request; the
 * second names another sender, as a forged reply would. */
static long two_replies(struct emu *e, long port, const struct atxf_msg *req,
			struct atxf_msg *reply)
{
	int *calls = e->ctx;

	(void)port;
	(void)req;
	reply->type = 3;
	if ((*calls)++ == 1)
		reply->sender = EMU_SERVER_PID + 76;
	return 0;
}

static void call_checks_the_sender(void **state)
{
	const char *const argv[] = { "prog", "call-sender", NULL };
	int calls = 0;

	(void)state;
	emu.ipc = two_replies;
	emu.ctx = &calls;
	run(argv);
	assert_int_equal(emu.status, 0);
	assert_string_equal(emu.out, "answered=3 other-sender=-19\n");
	assert_int_equal(calls, 2);
}

/* ---- every register of the trap, and the wrappers' argument order */

static void assert_call(long nr, long a0, long a1, long a2, long a3)
{
	const struct emu_call *c = emu_find(&emu, nr, 0);

	assert_non_null(c);
	assert_int_equal(c->a[0], a0);
	assert_int_equal(c->a[1], a1);
	assert_int_equal(c->a[2], a2);
	assert_int_equal(c->a[3], a3);
}

static void raw_calls(void **state)
{
	const char *const argv[] = { "prog", "calls", NULL };
	const struct emu_call *c;

	(void)state;
	run(argv);
	assert_int_equal(emu.status, 0);
	assert_string_equal(emu.out, "-9 20 0 0x12340000 map=ok "
			    "operation not permitted: no capability grants it\n");
	c = emu_find(&emu, 200, 0);
	assert_non_null(c);
	for (int i = 0; i < 6; i++)
		assert_int_equal(c->a[i], i + 1);
	assert_call(SYS_CAP_DERIVE, 3, 0x1000, 0x20, ATXF_RIGHT_READ);
	assert_call(SYS_PCI_CONFIG_WRITE, 4, 0x3c, 2, 0xabcd);
	assert_call(SYS_REGISTER_IRQ_HANDLER, 6, 7, 3, 0);
	assert_int_equal(emu_find(&emu, SYS_DMA_ALLOC, 0)->a[1], 5000);
	assert_int_equal(emu_find(&emu, SYS_SLEEP, 0)->a[0], 123);
	/* Start-up maps the first thread's TLS block (sdk/lib/libc/tls.c) and
	 * sets %fs to it; the program's own mapping is the second. */
	assert_int_equal(emu_find(&emu, SYS_MEM_MAP, 0)->a[1], 4096);
	assert_non_null(emu_find(&emu, SYS_TLS_SET, 0));
	c = emu_find(&emu, SYS_MEM_MAP, 1);
	assert_non_null(c);
	assert_int_equal(c->a[0], 0);
	assert_int_equal(c->a[1], 8192);
	assert_int_equal(c->a[2], ATXF_PROT_READ | ATXF_PROT_WRITE);
}

/* ---- the libc on top of the runtime */

static void libc_output_heap_and_exit_flush(void **state)
{
	const char *const argv[] = { "prog", "libc", NULL };

	(void)state;
	run(argv);
	assert_int_equal(emu.status, 0);
	assert_string_equal(emu.out, "printf 42 beef snprintf-1\ntail without newline");
	/* The heap grew through SYS_MEM_MAP, in whole pages. */
	assert_true(emu_count(&emu, SYS_MEM_MAP) >= 1);
	assert_int_equal(emu_find(&emu, SYS_MEM_MAP, 0)->a[1] % 4096, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(start_with_arguments, setup),
		cmocka_unit_test_setup(start_without_start_info, setup),
		cmocka_unit_test_setup(start_with_bad_magic, setup),
		cmocka_unit_test_setup(start_with_misaligned_stack, setup),
		cmocka_unit_test_setup(exit_from_deep_inside, setup),
		cmocka_unit_test_setup(io_direct_and_syscall_paths, setup),
		cmocka_unit_test_setup(name_client, setup),
		cmocka_unit_test_setup(call_checks_the_sender, setup),
		cmocka_unit_test_setup(raw_calls, setup),
		cmocka_unit_test_setup(libc_output_heap_and_exit_flush, setup),
	};

	return cmocka_run_group_tests_name("runtime: an ATXF program under a scripted kernel",
					   tests, NULL, NULL);
}
