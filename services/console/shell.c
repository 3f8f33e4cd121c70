/*
 * The shell: splits a line into words and runs the command named by the
 * first. The commands that list or control the system live in
 * shell_list.c, shell_ctl.c and shell_mouse.c.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "shell_cmds.h"

struct shell_cmd {
	const char *name;
	const char *usage;          /* name and arguments, as help shows them */
	const char *what;
	shell_cmd_fn *run;
};

static shell_cmd_fn cmd_help, cmd_echo;

static const struct shell_cmd commands[] = {
	{ "help", "help", "list the commands", cmd_help },
	{ "ps", "ps", "list the processes", cmd_ps },
	{ "devices", "devices", "list the devices devmgr found", cmd_devices },
	{ "drivers", "drivers", "list the driver instances devmgr runs", cmd_drivers },
	{ "kill", "kill PID", "kill a driver process (devmgr restarts it)", cmd_kill },
	{ "restart", "restart DRIVER", "restart a driver instance at once", cmd_restart },
	{ "lspci", "lspci", "list the PCI functions", cmd_lspci },
	{ "echo", "echo ARGS...", "print the arguments", cmd_echo },
	{ "mouse", "mouse", "show mouse events until a key is pressed", cmd_mouse },
	{ "serial", "serial", "the serial line's byte counts and overruns", cmd_serial },
	{ "lsblk", "lsblk", "list the disks and their partitions", cmd_lsblk },
	{ "blkcheck", "blkcheck DEV", "read a block device end to end (no writes)", cmd_blkcheck },
	{ "fbinfo", "fbinfo", "the screen's display driver, mode and pitch", cmd_fbinfo },
	{ "mode", "mode WxH", "set the screen's mode, e.g. mode 1280x800", cmd_mode },
	{ "dmesg", "dmesg", "the kernel's recent log lines", cmd_dmesg },
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

void shell_init(struct shell *sh, const struct shell_env *env)
{
	*sh = (struct shell){ .env = env };
}

void shell_printf(struct shell *sh, const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(buf))
		n = sizeof(buf) - 1;
	sh->env->write(sh->env->ctx, buf, (size_t)n);
}

void shell_prompt(struct shell *sh)
{
	sh->env->write(sh->env->ctx, SHELL_PROMPT, strlen(SHELL_PROMPT));
}

static void cmd_help(struct shell *sh, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	for (size_t i = 0; i < NCOMMANDS; i++)
		shell_printf(sh, "  %-14s %s\n", commands[i].usage, commands[i].what);
}

static void cmd_echo(struct shell *sh, int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		shell_printf(sh, "%s%s", i > 1 ? " " : "", argv[i]);
	shell_printf(sh, "\n");
}

/* Splits line in place at spaces and tabs; returns the number of words. */
static int split(char *line, char **argv)
{
	int argc = 0;
	char *p = line;

	while (*p && argc < SHELL_ARGS_MAX) {
		while (*p == ' ' || *p == '\t')
			*p++ = '\0';
		if (!*p)
			break;
		argv[argc++] = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
		if (*p)
			*p++ = '\0';
	}
	return argc;
}

void shell_run(struct shell *sh, char *line)
{
	char *argv[SHELL_ARGS_MAX + 1];
	int argc = split(line, argv);
	size_t i;

	argv[argc] = NULL;
	if (argc > 0) {
		for (i = 0; i < NCOMMANDS && strcmp(commands[i].name, argv[0]); i++)
			;
		if (i < NCOMMANDS)
			commands[i].run(sh, argc, argv);
		else
			shell_printf(sh, "%s: unknown command; type help\n", argv[0]);
	}
	if (!sh->mouse_mode)
		shell_prompt(sh);
}
