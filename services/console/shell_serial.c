/*
 * serial: the figures of the serial line the shell runs on, from its
 * driver (char protocol STATS): bytes each way, overruns (bytes the UART
 * itself lost; 0 on a line that is read in time) and how often input was
 * held back by flow control while the console was busy.
 */
#include <atxf/errors.h>
#include <atxf/sys.h>
#include "shell_cmds.h"

void cmd_serial(struct shell *sh, int argc, char **argv)
{
	char instance[DEVMGR_NAME_MAX];
	struct atxf_char_stats st;
	int err;

	(void)argv;
	if (argc != 1) {
		shell_printf(sh, "serial: usage: serial\n");
		return;
	}
	err = sh->env->serial_stats(sh->env->ctx, instance, sizeof(instance), &st);
	if (err < 0) {
		shell_printf(sh, "serial: no figures from the serial driver: %s\n",
			     atxf_strerror(err));
		return;
	}
	shell_printf(sh, "serial: %s: received %llu bytes, sent %llu, overruns %llu, "
		     "input held back %llu times\n", instance, (unsigned long long)st.rx_bytes,
		     (unsigned long long)st.tx_bytes, (unsigned long long)st.overruns,
		     (unsigned long long)st.rx_held);
}
