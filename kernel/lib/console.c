/*
 * The console (lib/console.h): the lock that keeps writers' bytes apart,
 * and the one fact that keeps lines apart, whether the console is in the
 * middle of someone's line.
 */
#include <stdbool.h>
#include "arch/x86_64/serial.h"
#include "lib/bootscreen.h"
#include "lib/console.h"
#include "lib/logring.h"
#include "sched/spinlock.h"

static struct spinlock lock = SPINLOCK_INIT("console");
static bool panic_mode;
static bool mid_line;           /* the last byte out was not a '\n' */
static uint32_t line_writer;    /* whose line that is, while mid_line */

uint64_t console_lock(void)
{
	return spin_lock_irqsave(&lock);
}

void console_unlock(uint64_t flags)
{
	spin_unlock_irqrestore(&lock, flags);
}

void console_put_locked(uint32_t writer, const char *s, size_t n)
{
	if (!n)
		return;
	if (mid_line && writer != line_writer)
		serial_write("\n", 1);
	serial_write(s, n);
	mid_line = s[n - 1] != '\n';
	line_writer = writer;
}

/* The screen first: once the serial line shows a line, so does the screen. */
static void kernel_line_locked(const char *line, size_t n)
{
	logring_put_locked(line, n);
	bootscreen_line_locked(line, n);
	console_put_locked(CONSOLE_KERNEL, line, n);
}

void console_kernel_line(const char *line, size_t n)
{
	uint64_t flags;

	if (panic_mode) {
		kernel_line_locked(line, n);
		return;
	}
	flags = console_lock();
	kernel_line_locked(line, n);
	console_unlock(flags);
}

void console_panic_mode(void)
{
	panic_mode = true;
}
