/*
 * The console calls (docs/syscalls.md). SYS_DEBUG_WRITE(buf, len): the
 * program's output, its bytes as they are (proc/output.h keeps a partial
 * line whole); at most DEBUG_WRITE_MAX bytes are taken per call, and the
 * result is how many were. SYS_LOG_WRITE(text, len): one kernel log line
 * "name[pid]: text", whatever the text holds.
 */
#include <atxf/errors.h>
#include <atxf/log.h>
#include "arch/x86_64/usermode.h"
#include "lib/log.h"
#include "mm/heap.h"
#include "proc/output.h"
#include "proc/process.h"
#include "syscall/syscall.h"

#define DEBUG_WRITE_MAX 4096            /* too big for the kernel stack */

long sys_debug_write(const struct syscall_args *args)
{
	size_t n = args->a[1] < DEBUG_WRITE_MAX ? args->a[1] : DEBUG_WRITE_MAX;
	char *buf = kmalloc(n ? n : 1);
	long ret;

	if (!buf)
		return -ATXF_ENOMEM;
	ret = copy_from_user(buf, args->a[0], n);
	if (!ret)
		ret = output_write(process_current(), buf, n);
	kfree(buf);
	return ret;
}

/* One line, so control characters (an inner newline above all, which
 * would start a line that looks like the kernel's) become spaces. */
static void one_line(char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			s[i] = ' ';
}

long sys_log_write(const struct syscall_args *args)
{
	size_t n = args->a[1] < ATXF_LOG_MAX ? args->a[1] : ATXF_LOG_MAX;
	char text[ATXF_LOG_MAX];
	const struct process *p = process_current();
	int err = copy_from_user(text, args->a[0], n);

	if (err)
		return err;
	if (n && text[n - 1] == '\n')
		n--;
	one_line(text, n);
	klog("%s[%u]: %.*s", p->name, p->pid, (int)n, text);
	return 0;
}
