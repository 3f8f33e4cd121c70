/*
 * The shell's listings: ps (the kernel's process table), and devices,
 * drivers and lspci (devmgr's DEVICE and DRIVER queries).
 */
#include <stdio.h>
#include <string.h>
#include <atxf/errors.h>
#include <atxf/sys.h>
#include "shell_cmds.h"

#define PS_CHUNK 16
#define BUS_LEGACY 1
#define BUS_PCI    2

static const char *const proc_states[] = {
	[ATXF_PROC_RUNNING] = "running", [ATXF_PROC_READY] = "ready",
	[ATXF_PROC_BLOCKED] = "blocked", [ATXF_PROC_ZOMBIE] = "zombie",
};

static const char *const driver_states[] = {
	[1] = "starting", [2] = "running", [3] = "restarting", [4] = "stopped", [5] = "failed",
};

#define WORD(table, i) \
	((i) < sizeof(table) / sizeof(table[0]) && (table)[i] ? (table)[i] : "?")

void cmd_ps(struct shell *sh, int argc, char **argv)
{
	struct atxf_proc_info p[PS_CHUNK];
	uint32_t index = 0;
	int n;

	(void)argc;
	(void)argv;
	shell_printf(sh, "  PID PARENT STATE      CPU(ms) NAME\n");
	while ((n = sh->env->proc_info(sh->env->ctx, index, p, PS_CHUNK)) > 0) {
		for (int i = 0; i < n; i++)
			shell_printf(sh, "%5u %6u %-10s %7llu %.*s\n", p[i].pid, p[i].parent,
				     WORD(proc_states, p[i].state),
				     (unsigned long long)(p[i].cpu_ns / 1000000),
				     (int)sizeof(p[i].name), p[i].name);
		index += (uint32_t)n;
	}
	if (n < 0)
		shell_printf(sh, "ps: %s\n", atxf_strerror(n));
}

/* Says why a devmgr listing ended early; nothing at its normal end. */
static void list_error(struct shell *sh, const char *cmd, int err)
{
	if (err != -ATXF_ENOENT)
		shell_printf(sh, "%s: devmgr: %s\n", cmd, atxf_strerror(err));
}

void cmd_devices(struct shell *sh, int argc, char **argv)
{
	static const char row[] = "%5s %-16.16s %-7s %-10s %s\n";
	struct devmgr_device d;
	char idx[12], id[16], what[16];
	uint32_t i;
	int err;

	(void)argc;
	(void)argv;
	shell_printf(sh, row, "IDX", "NAME", "BUS", "ID", "CLASS/PROBE");
	for (i = 0; (err = sh->env->device(sh->env->ctx, i, &d)) == 0; i++) {
		if (d.bus == BUS_PCI) {
			snprintf(id, sizeof(id), "%04x:%04x", d.vendor, d.device);
			snprintf(what, sizeof(what), "%02x:%02x:%02x", d.class_code, d.subclass,
				 d.prog_if);
		} else {
			snprintf(id, sizeof(id), "-");
			snprintf(what, sizeof(what), "%s", d.present ? "present" : "absent");
		}
		snprintf(idx, sizeof(idx), "%u", i);
		shell_printf(sh, row, idx, d.name,
			     d.bus == BUS_PCI ? "pci" : "legacy", id, what);
	}
	list_error(sh, "devices", err);
}

void shell_device_name(struct shell *sh, uint32_t index, char *out, size_t size)
{
	struct devmgr_device d;

	if (sh->env->device(sh->env->ctx, index, &d) == 0)
		snprintf(out, size, "%.*s", (int)sizeof(d.name), d.name);
	else
		snprintf(out, size, "%u", index);
}

void cmd_drivers(struct shell *sh, int argc, char **argv)
{
	static const char row[] = "  %-16s %-22s %-7s %-10s %4s %4s %8s\n";
	struct devmgr_driver d;
	char dev[20], pid[12], gen[12], restarts[12], driver[ATXF_MANIFEST_NAME_MAX];
	int err;

	(void)argc;
	(void)argv;
	shell_printf(sh, row, "DRIVER", "INSTANCE", "DEVICE", "STATE", "PID", "GEN", "RESTARTS");
	for (uint32_t i = 0; (err = sh->env->driver(sh->env->ctx, i, &d)) == 0; i++) {
		shell_device_name(sh, d.device, dev, sizeof(dev));
		snprintf(pid, sizeof(pid), "%u", d.pid);
		snprintf(gen, sizeof(gen), "%u", d.generation);
		snprintf(restarts, sizeof(restarts), "%u", d.restarts);
		devmgr_driver_name(&d, driver, sizeof(driver));
		d.instance[sizeof(d.instance) - 1] = '\0';
		shell_printf(sh, row, driver, d.instance, dev, WORD(driver_states, d.state),
			     pid, gen, restarts);
	}
	list_error(sh, "drivers", err);
}

/* PCI base class, subclass, programming interface (0xff: any) -> a few words. */
static const struct {
	uint8_t cls, sub, pi;
	const char *name;
} pci_names[] = {
	{ 0x01, 0x01, 0xff, "IDE controller" },
	{ 0x01, 0x06, 0x01, "SATA controller (AHCI)" },
	{ 0x01, 0x08, 0x02, "NVMe controller" },
	{ 0x01, 0xff, 0xff, "storage controller" },
	{ 0x02, 0x00, 0xff, "Ethernet controller" },
	{ 0x02, 0xff, 0xff, "network controller" },
	{ 0x03, 0x00, 0xff, "VGA display" },
	{ 0x03, 0xff, 0xff, "display controller" },
	{ 0x04, 0xff, 0xff, "multimedia device" },
	{ 0x06, 0x00, 0xff, "host bridge" },
	{ 0x06, 0x01, 0xff, "ISA bridge" },
	{ 0x06, 0x04, 0xff, "PCI bridge" },
	{ 0x06, 0xff, 0xff, "bridge" },
	{ 0x0c, 0x03, 0x00, "USB controller (UHCI)" },
	{ 0x0c, 0x03, 0x20, "USB controller (EHCI)" },
	{ 0x0c, 0x03, 0x30, "USB controller (xHCI)" },
	{ 0x0c, 0x03, 0xff, "USB controller" },
	{ 0x0c, 0x05, 0xff, "SMBus" },
};

static const char *pci_class_name(const struct devmgr_device *d)
{
	for (size_t i = 0; i < sizeof(pci_names) / sizeof(pci_names[0]); i++)
		if (pci_names[i].cls == d->class_code &&
		    (pci_names[i].sub == 0xff || pci_names[i].sub == d->subclass) &&
		    (pci_names[i].pi == 0xff || pci_names[i].pi == d->prog_if))
			return pci_names[i].name;
	return "other";
}

void cmd_lspci(struct shell *sh, int argc, char **argv)
{
	struct devmgr_device d;
	unsigned found = 0;
	int err;

	(void)argc;
	(void)argv;
	for (uint32_t i = 0; (err = sh->env->device(sh->env->ctx, i, &d)) == 0; i++) {
		if (d.bus != BUS_PCI)
			continue;
		shell_printf(sh, "%.*s %04x:%04x class %02x:%02x:%02x %s\n", (int)sizeof(d.name),
			     d.name, d.vendor, d.device, d.class_code, d.subclass, d.prog_if,
			     pci_class_name(&d));
		found++;
	}
	if (err != -ATXF_ENOENT)
		list_error(sh, "lspci", err);
	else if (!found)
		shell_printf(sh, "lspci: no PCI functions\n");
}
