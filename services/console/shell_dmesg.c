/*
 * dmesg: the kernel's recent log lines (SYS_LOG_READ through the shell's
 * klog_read), as the serial line showed them at boot, timestamps and all:
 * the way to see them on the screen, where the kernel log never goes.
 */
#include <atxf/errors.h>
#include <atxf/sys.h>
#include "shell_cmds.h"

static char lines[SHELL_KLOG_MAX];

void cmd_dmesg(struct shell *sh, int argc, char **argv)
{
	long n;

	(void)argv;
	if (argc != 1) {
		shell_printf(sh, "dmesg: usage: dmesg\n");
		return;
	}
	n = sh->env->klog_read(sh->env->ctx, lines, sizeof(lines));
	if (n == -ATXF_EBADH || n == -ATXF_EPERM)
		shell_printf(sh, "dmesg: the console holds no klog capability with read "
			     "(boot.cfg: start console.atxf with klog:r)\n");
	else if (n < 0)
		shell_printf(sh, "dmesg: %s\n", atxf_strerror((int)n));
	else
		sh->env->write(sh->env->ctx, lines, (size_t)n);
}
