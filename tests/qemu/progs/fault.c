/*
 * fault.atxf: does one thing a user program must not do, for the fault
 * containment scenarios. The kernel is to end this process alone, log one
 * line about it and report the exit (128 + vector) to init.
 *
 *   fault.atxf KIND
 *
 *   pf-null    read address 0                          #PF (14)
 *   pf-kernel  read 0xffffffff80000000 (kernel text)   #PF (14)
 *   gp         read non-canonical 0x8000000000000000   #GP (13)
 *   ud         execute ud2                             #UD (6)
 *   de         integer divide by zero                  #DE (0)
 *   priv       execute cli in ring 3                   #GP (13)
 *   io         inb from port 0x60 with no capability   #GP (13)
 *   wx         write into its own text                 #PF (14)
 *   nx         jump to a ret in a data buffer          #PF (14)
 *
 * Prints "fault KIND: about to fault" first. If the CPU lets the program go
 * on, it prints "fault KIND: still alive" and exits 99; an unknown KIND is a
 * usage error, exit 2. Each access is inline assembly or goes through
 * volatile objects, so the compiler can neither fold it away nor turn it
 * into a different trap (gcc makes a known NULL dereference a ud2).
 */
#include <stdint.h>
#include <string.h>
#include <atxf/log.h>

#define EXIT_ALIVE 99
#define EXIT_USAGE 2

static void read_at(uintptr_t addr)
{
	uint64_t v;

	__asm__ volatile("movq (%1), %0" : "=r"(v) : "r"(addr) : "memory");
}

static void fault_pf_null(void)   { read_at(0); }
static void fault_pf_kernel(void) { read_at(0xffffffff80000000ul); }
static void fault_gp(void)        { read_at(0x8000000000000000ul); }
static void fault_ud(void)        { __asm__ volatile("ud2"); }
static void fault_priv(void)      { __asm__ volatile("cli"); }

static void fault_de(void)
{
	volatile int dividend = 1, divisor = 0;
	volatile int quotient;

	quotient = dividend / divisor;
	(void)quotient;
}

/* The direct `in`, not atxf_inb(): that one would fall back to a system call. */
static void fault_io(void)
{
	uint8_t v;

	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"((uint16_t)0x60));
	(void)v;
}

/* Text is mapped read+execute: a write to it must fault (W^X). */
static void fault_wx(void)
{
	uintptr_t text = (uintptr_t)&fault_wx;

	__asm__ volatile("movb $0xc3, (%0)" : : "r"(text) : "memory");
}

/*
 * Data is mapped read+write, never execute (NX): a ret there must not run.
 * The ret is stored at run time: clang makes a static array that is never
 * written a constant in .rodata, which is executable text.
 */
static uint8_t ret_in_data[16];

static void fault_nx(void)
{
	void (*fn)(void) = (void (*)(void))(uintptr_t)ret_in_data;

	*(volatile uint8_t *)ret_in_data = 0xc3;

	fn();
}

static const struct {
	const char *kind;
	void (*run)(void);
} kinds[] = {
	{ "pf-null",   fault_pf_null },
	{ "pf-kernel", fault_pf_kernel },
	{ "gp",        fault_gp },
	{ "ud",        fault_ud },
	{ "de",        fault_de },
	{ "priv",      fault_priv },
	{ "io",        fault_io },
	{ "wx",        fault_wx },
	{ "nx",        fault_nx },
};

int main(int argc, char **argv)
{
	const char *kind = argc > 1 ? argv[1] : "";

	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		if (strcmp(kind, kinds[i].kind) != 0)
			continue;
		atxf_log("fault %s: about to fault\n", kind);
		kinds[i].run();
		atxf_log("fault %s: still alive\n", kind);
		return EXIT_ALIVE;
	}
	atxf_log("fault: unknown kind '%s' (pf-null pf-kernel gp ud de priv io wx nx)\n", kind);
	return EXIT_USAGE;
}
