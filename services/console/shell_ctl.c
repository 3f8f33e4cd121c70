/*
 * The shell's controls over devmgr's drivers: kill PID (as a crash would
 * end it; devmgr restarts it with backoff) and restart DRIVER (at once).
 */
#include <stdio.h>
#include <string.h>
#include <atxf/errors.h>
#include <atxf/sys.h>
#include "shell_cmds.h"

/* A decimal pid, 1..UINT32_MAX; 0 if s is anything else. */
static uint32_t parse_pid(const char *s)
{
	uint64_t v = 0;

	if (!*s)
		return 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return 0;
		v = v * 10 + (uint64_t)(*s - '0');
		if (v > UINT32_MAX)
			return 0;
	}
	return (uint32_t)v;
}

/* The instance whose process is pid, into out ("" when none is). */
static void instance_of(struct shell *sh, uint32_t pid, char *out, size_t size)
{
	struct devmgr_driver d;

	out[0] = '\0';
	for (uint32_t i = 0; sh->env->driver(sh->env->ctx, i, &d) == 0; i++)
		if (d.pid == pid) {
			snprintf(out, size, "%.*s", (int)sizeof(d.instance), d.instance);
			return;
		}
}

void cmd_kill(struct shell *sh, int argc, char **argv)
{
	char inst[DEVMGR_NAME_MAX];
	uint32_t pid = argc == 2 ? parse_pid(argv[1]) : 0;
	int err;

	if (!pid) {
		shell_printf(sh, "kill: usage: kill PID\n");
		return;
	}
	instance_of(sh, pid, inst, sizeof(inst));
	err = sh->env->kill(sh->env->ctx, pid);
	if (err == 0 && inst[0])
		shell_printf(sh, "kill: pid %u (%s) killed; devmgr restarts it\n", pid, inst);
	else if (err == 0)
		shell_printf(sh, "kill: pid %u killed; devmgr restarts it\n", pid);
	else if (err == -ATXF_ENOENT)
		shell_printf(sh, "kill: pid %u is not a running driver "
			     "(the shell kills only drivers devmgr started)\n", pid);
	else
		shell_printf(sh, "kill: pid %u: %s\n", pid, atxf_strerror(err));
}

/*
 * The instance named by name: an instance name, or a driver name with
 * exactly one instance. 1 found (in out), 0 none, or the number of
 * instances of an ambiguous driver name.
 */
static int find_instance(struct shell *sh, const char *name, char *out, size_t size)
{
	struct devmgr_driver d;
	int matches = 0;

	for (uint32_t i = 0; sh->env->driver(sh->env->ctx, i, &d) == 0; i++) {
		char driver[ATXF_MANIFEST_NAME_MAX];

		d.instance[sizeof(d.instance) - 1] = '\0';
		devmgr_driver_name(&d, driver, sizeof(driver));
		if (!strcmp(d.instance, name)) {
			snprintf(out, size, "%s", d.instance);
			return 1;
		}
		if (!strcmp(driver, name) && matches++ == 0)
			snprintf(out, size, "%s", d.instance);
	}
	return matches;
}

/* Names every instance of driver: the choices after an ambiguous name. */
static void list_instances(struct shell *sh, const char *driver)
{
	struct devmgr_driver d;

	for (uint32_t i = 0; sh->env->driver(sh->env->ctx, i, &d) == 0; i++) {
		char name[ATXF_MANIFEST_NAME_MAX];

		devmgr_driver_name(&d, name, sizeof(name));
		d.instance[sizeof(d.instance) - 1] = '\0';
		if (!strcmp(name, driver))
			shell_printf(sh, " %s", d.instance);
	}
	shell_printf(sh, "\n");
}

void cmd_restart(struct shell *sh, int argc, char **argv)
{
	char inst[DEVMGR_NAME_MAX];
	int n, err;

	if (argc != 2) {
		shell_printf(sh, "restart: usage: restart DRIVER (an instance or driver name)\n");
		return;
	}
	n = find_instance(sh, argv[1], inst, sizeof(inst));
	if (n == 0) {
		shell_printf(sh, "restart: no such driver: %s (type drivers for the list)\n",
			     argv[1]);
		return;
	}
	if (n > 1) {
		shell_printf(sh, "restart: %s is ambiguous; name one instance:", argv[1]);
		list_instances(sh, argv[1]);
		return;
	}
	err = sh->env->restart(sh->env->ctx, inst);
	if (err == 0)
		shell_printf(sh, "restart: %s restarted\n", inst);
	else
		shell_printf(sh, "restart: %s: %s\n", inst, atxf_strerror(err));
}
