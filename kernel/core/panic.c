/*
 * panic(): the kernel found itself in a state it cannot continue from. It
 * prints one PANIC line and a backtrace, stops taking interrupts and halts;
 * with panic=exit on the command line (the QEMU tests), it powers QEMU off
 * with QEMU_EXIT_PANIC instead, so a test sees the panic as a status.
 */
#include <stdarg.h>
#include "arch/x86_64/backtrace.h"
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/qemu_exit.h"
#include "core/panic.h"
#include "lib/log.h"
#include "lib/printf.h"

static bool exit_on_panic;
static volatile int panicking;

void panic_set_exit(bool on)
{
	exit_on_panic = on;
}

static _Noreturn void stop(void)
{
	klog("kernel halted");
	if (exit_on_panic)
		qemu_exit(QEMU_EXIT_PANIC);
	cpu_halt_forever();
}

static _Noreturn void vpanic(bool backtrace, const char *fmt, va_list ap)
{
	char msg[LOG_LINE_MAX];

	irq_disable();
	if (__atomic_fetch_add(&panicking, 1, __ATOMIC_SEQ_CST))
		stop();                         /* a panic while panicking */
	klog_panic_mode();
	kvsnprintf(msg, sizeof(msg), fmt, ap);
	klog("PANIC: %s", msg);
	if (backtrace)
		backtrace_log_here();
	stop();
}

_Noreturn void panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vpanic(true, fmt, ap);
}

_Noreturn void panic_reported(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vpanic(false, fmt, ap);
}
