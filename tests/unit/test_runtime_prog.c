/*
 * An ATXF program, built for the TARGET with the staged x86_64-atxf-gcc
 * (crt0.o + libatxf.a + atxf.ld), not a host test: test_runtime_link checks
 * the file, test_runtime_exec runs it under ptrace with a scripted kernel
 * (test_runtime_emu.c). argv[1] picks what it exercises; it reports on the
 * debug console and by exit status.
 */
#include <stddef.h>
#include <stdint.h>
#include <atxf/hw.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/sys.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int ctor_ran;

__attribute__((constructor)) static void note_ctor(void)
{
	ctor_ran = 1;
}

/* ---- output without the libc: the runtime alone must be enough */

static void put(const char *s)
{
	unsigned long n = 0;

	while (s[n])
		n++;
	atxf_debug_write(s, n);
}

static void put_hex(uint64_t v)
{
	char buf[19];
	int i = 18;

	buf[i] = '\0';
	do {
		buf[--i] = "0123456789abcdef"[v % 16];
		v /= 16;
	} while (v);
	buf[--i] = 'x';
	buf[--i] = '0';
	put(&buf[i]);
}

static void put_dec(long v)
{
	char buf[24];
	int i = 23;
	unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;

	buf[i] = '\0';
	do {
		buf[--i] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		buf[--i] = '-';
	put(&buf[i]);
}

static int streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

/* ---- modes */

/* With frame pointers, rbp is 16-aligned iff the stack was at the call. */
static int show_start(int argc, char **argv)
{
	int aligned = ((uintptr_t)__builtin_frame_address(0) & 15) == 0;

	put("argc=");
	put_dec(argc);
	put(argv[0] == NULL ? " argv0=null" : " argv0=set");
	put(ctor_ran ? " ctor=1" : " ctor=0");
	put(aligned ? " aligned=1\n" : " aligned=0\n");
	for (int i = 0; i < argc; i++) {
		put("argv[");
		put_dec(i);
		put("]=");
		put(argv[i]);
		put("\n");
	}
	return argc == 0 ? 3 : 40 + argc;
}

__attribute__((noinline)) static void leave_from_deep_inside(int status)
{
	put("leaving\n");
	atxf_exit(status);
}

static int io_paths(void)
{
	put_hex(atxf_inb(0x3fd));               /* RW cap: direct */
	atxf_outb(0x3f8, 'A');                  /* RW cap: direct */
	put(" ");
	put_hex(atxf_inb(0x60));                /* read-only cap: syscall */
	atxf_outb(0x64, 0xfe);                  /* write-only cap: syscall */
	put(" ");
	put_hex(atxf_inw(0x80));                /* no cap: refused, all ones */
	put(" ");
	put_hex(atxf_inl(0x3fc));               /* RW cap: direct */
	put(" ");
	put_hex(atxf_inl(0x3fe));               /* runs past the cap: refused */
	/* The capability goes away; after a refresh the port is refused. */
	atxf_cap_drop(2);
	atxf_io_refresh();
	put(" ");
	put_hex(atxf_inb(0x3fd));
	put("\n");
	return 0;
}

static int names(void)
{
	put("lookup=");
	put_dec(atxf_name_lookup("uart0", 1000000000ull));
	put(" register=");
	put_dec(atxf_name_register("drv0", 5));
	put(" unregister=");
	put_dec(atxf_name_unregister("drv0"));
	put(" missing=");
	put_dec(atxf_name_lookup("gone", 25000000ull));
	put(" invalid=");
	put_dec(atxf_name_lookup("a b", 0));
	put("\n");
	return 0;
}

/* atxf_call's answer: the server's status, unless the reply came from
 * another process than the one the kernel says received the request. */
static int call_sender(void)
{
	struct atxf_msg req, reply;

	atxf_msg_init(&req, 1);
	put("answered=");
	put_dec(atxf_call(5, &req, &reply, 1000000ull));
	put(" other-sender=");
	put_dec(atxf_call(5, &req, &reply, 1000000ull));
	put("\n");
	return 0;
}

/* Every argument register, and the wrappers' argument order. */
static int raw_calls(void)
{
	struct atxf_dma_tag tag = { .pci = 4, .addr_bits = 32 };
	struct atxf_dma dma;
	volatile uint32_t *mem;

	put_dec(atxf_syscall(200, 1, 2, 3, 4, 5, 6));
	put(" ");
	put_dec(atxf_cap_derive(3, 0x1000, 0x20, ATXF_RIGHT_READ));
	atxf_pci_write16(4, 0x3c, 0xabcd);
	atxf_irq_bind(6, 7, 3);
	put(" ");
	put_dec(atxf_dma_alloc(&tag, 5000, &dma));
	put(" ");
	put_hex(dma.bus_addr);
	atxf_sleep_ns(123);
	mem = atxf_mem_map(NULL, 8192, ATXF_PROT_READ | ATXF_PROT_WRITE);
	if (mem != NULL) {
		mem[2047] = 0x5a5a;
		put(mem[2047] == 0x5a5a ? " map=ok" : " map=bad");
	}
	put(" ");
	put(atxf_strerror(-ATXF_EPERM));
	put("\n");
	return 0;
}

static int libc(void)
{
	char buf[32];
	char *p = malloc(200000);               /* more than one heap growth */

	if (p == NULL)
		return 1;
	memset(p, 'z', 200000);
	snprintf(buf, sizeof(buf), "%s-%d", "snprintf", p[199999] == 'z');
	printf("printf %d %x %s\n", 42, 0xbeefu, buf);
	free(p);
	printf("tail without newline");         /* exit() must flush it */
	return 0;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";

	if (streq(mode, "exit"))
		leave_from_deep_inside(7);
	if (streq(mode, "io"))
		return io_paths();
	if (streq(mode, "names"))
		return names();
	if (streq(mode, "calls"))
		return raw_calls();
	if (streq(mode, "call-sender"))
		return call_sender();
	if (streq(mode, "libc"))
		return libc();
	return show_start(argc, argv);
}
