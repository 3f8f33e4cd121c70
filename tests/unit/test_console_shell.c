/*
 * The console's shell (services/console/shell*.c) against a scripted
 * system: a process table, devmgr's devices and drivers, and recorded
 * kill and restart requests. Each case checks the exact terminal output.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/errors.h>
#include <atxf/manifest.h>
#include "shell.h"

#define P "atxf> "

/* ---- the scripted system ---------------------------------------------- */

static struct world {
	char out[8192];
	size_t len;
	struct atxf_proc_info procs[40];
	uint32_t nprocs;
	int proc_chunks;                    /* proc_info calls */
	struct devmgr_device devices[8];
	uint32_t ndevices;
	struct devmgr_driver drivers[8];
	uint32_t ndrivers;
	int query_error;                    /* devmgr DEVICE/DRIVER answer, if nonzero */
	int kill_result, restart_result, mouse_result;
	uint32_t killed[4];
	int nkilled;
	char restarted[4][DEVMGR_NAME_MAX];
	int nrestarted;
	int mouse_on, mouse_off;
	int serial_result;                  /* STATS answer, if nonzero */
	struct atxf_char_stats serial;
	int display_result;                 /* no screen, if nonzero */
	struct atxf_display_info display;
	uint32_t mode_w, mode_h;            /* the last SET_MODE asked */
	int mode_result;
	const char *klog;                   /* the kernel's lines dmesg reads */
	long klog_result;                   /* its error, if nonzero */
	size_t klog_len;                    /* the room the shell gave */
} w;

static void w_write(void *ctx, const char *s, size_t n)
{
	(void)ctx;
	assert_true(w.len + n < sizeof(w.out));
	memcpy(w.out + w.len, s, n);
	w.len += n;
	w.out[w.len] = '\0';
}

static int w_proc_info(void *ctx, uint32_t index, struct atxf_proc_info *out, uint32_t n)
{
	uint32_t k = 0;

	(void)ctx;
	w.proc_chunks++;
	for (; k < n && index + k < w.nprocs; k++)
		out[k] = w.procs[index + k];
	return (int)k;
}

static int w_device(void *ctx, uint32_t index, struct devmgr_device *out)
{
	(void)ctx;
	if (w.query_error)
		return w.query_error;
	if (index >= w.ndevices)
		return -ATXF_ENOENT;
	*out = w.devices[index];
	return 0;
}

static int w_driver(void *ctx, uint32_t index, struct devmgr_driver *out)
{
	(void)ctx;
	if (w.query_error)
		return w.query_error;
	if (index >= w.ndrivers)
		return -ATXF_ENOENT;
	*out = w.drivers[index];
	return 0;
}

static int w_kill(void *ctx, uint32_t pid)
{
	(void)ctx;
	w.killed[w.nkilled++] = pid;
	return w.kill_result;
}

static int w_restart(void *ctx, const char *instance)
{
	(void)ctx;
	snprintf(w.restarted[w.nrestarted++], DEVMGR_NAME_MAX, "%s", instance);
	return w.restart_result;
}

static int w_mouse(void *ctx, bool on)
{
	(void)ctx;
	if (on)
		w.mouse_on++;
	else
		w.mouse_off++;
	return on ? w.mouse_result : 0;
}

static int w_serial_stats(void *ctx, char *instance, size_t size, struct atxf_char_stats *out)
{
	(void)ctx;
	if (w.serial_result)
		return w.serial_result;
	snprintf(instance, size, "uart16550.com1");
	*out = w.serial;
	return 0;
}

static int w_display_info(void *ctx, char *instance, size_t size, struct atxf_display_info *out)
{
	(void)ctx;
	if (w.display_result)
		return w.display_result;
	snprintf(instance, size, "bochs.00-01.0");
	*out = w.display;
	return 0;
}

/* A device that shows up to 1600x1200. */
static int w_display_mode(void *ctx, uint32_t width, uint32_t height)
{
	(void)ctx;
	w.mode_w = width;
	w.mode_h = height;
	if (w.mode_result)
		return w.mode_result;
	if (width > 1600 || height > 1200)
		return -ATXF_ERANGE;
	w.display.width = width;
	w.display.height = height;
	w.display.pitch = width * 4;
	return 0;
}

static long w_klog_read(void *ctx, char *buf, size_t len)
{
	size_t n = w.klog ? strlen(w.klog) : 0;

	(void)ctx;
	w.klog_len = len;
	if (w.klog_result)
		return w.klog_result;
	n = n < len ? n : len;
	memcpy(buf, w.klog, n);
	return (long)n;
}

static const struct shell_env env = {
	.write = w_write, .proc_info = w_proc_info, .device = w_device, .driver = w_driver,
	.kill = w_kill, .restart = w_restart, .mouse = w_mouse, .serial_stats = w_serial_stats,
	.display_info = w_display_info, .display_mode = w_display_mode,
	.klog_read = w_klog_read,
};

static void add_proc(uint32_t pid, uint32_t parent, uint32_t state, uint64_t cpu_ms,
		     const char *name)
{
	struct atxf_proc_info *p = &w.procs[w.nprocs++];

	*p = (struct atxf_proc_info){ .pid = pid, .parent = parent, .state = state,
				      .cpu_ns = cpu_ms * 1000000 + 999 };
	snprintf(p->name, sizeof(p->name), "%s", name);
}

static void add_legacy(const char *name, int present)
{
	struct devmgr_device *d = &w.devices[w.ndevices++];

	*d = (struct devmgr_device){ .bus = 1, .present = (uint8_t)present };
	snprintf(d->name, sizeof(d->name), "%s", name);
}

static void add_pci(const char *name, uint16_t vendor, uint16_t device, uint8_t cls,
		    uint8_t sub, uint8_t pi)
{
	struct devmgr_device *d = &w.devices[w.ndevices++];

	*d = (struct devmgr_device){ .bus = 2, .vendor = vendor, .device = device,
				     .class_code = cls, .subclass = sub, .prog_if = pi };
	memcpy(d->name, name, strlen(name));
}

static void add_driver(const char *driver, const char *instance, uint16_t device,
		       uint8_t state, uint8_t cls, uint32_t pid, uint32_t gen, uint32_t restarts)
{
	struct devmgr_driver *d = &w.drivers[w.ndrivers++];

	*d = (struct devmgr_driver){ .device = device, .state = state, .device_class = cls,
				     .pid = pid, .generation = gen, .restarts = restarts };
	snprintf(d->instance, sizeof(d->instance), "%s", instance);
	d->driver_len = (uint8_t)strlen(driver);
}

/* The reference system: i8042 with keyboard and mouse, two COM ports, PCI. */
static int setup(void **state)
{
	(void)state;
	memset(&w, 0, sizeof(w));
	add_proc(1, 0, ATXF_PROC_BLOCKED, 12, "init");
	add_proc(2, 1, ATXF_PROC_RUNNING, 0, "names");
	add_proc(3, 1, ATXF_PROC_READY, 1234, "devmgr");
	add_proc(4, 3, ATXF_PROC_ZOMBIE, 5, "ps2-keyboard");
	add_legacy("i8042", 1);
	add_legacy("COM1", 1);
	add_legacy("COM2", 0);
	add_pci("00:00.0", 0x8086, 0x1237, 0x06, 0x00, 0x00);
	add_pci("00:01.0", 0x8086, 0x7000, 0x06, 0x01, 0x00);
	add_pci("00:03.0", 0x8086, 0x100e, 0x02, 0x00, 0x00);
	add_pci("00:04.0", 0x1af4, 0x1005, 0x00, 0xff, 0x00);
	add_driver("ps2-keyboard", "ps2-keyboard.i8042", 0, 2, ATXF_CLASS_INPUT, 7, 1, 0);
	add_driver("ps2-mouse", "ps2-mouse.i8042", 0, 2, ATXF_CLASS_INPUT, 8, 2, 1);
	add_driver("uart16550", "uart16550.com1", 1, 2, ATXF_CLASS_CHAR, 9, 1, 0);
	add_driver("uart16550", "uart16550.com2", 2, 5, ATXF_CLASS_CHAR, 0, 1, 5);
	add_driver("virtio-rng", "virtio-rng.00-04.0", 6, 3, ATXF_CLASS_RNG, 0, 3, 2);
	return 0;
}

static void clear_out(void)
{
	w.len = 0;
	w.out[0] = '\0';
}

/* Runs line through a fresh shell; returns everything it wrote. */
static const char *run(struct shell *sh, const char *line)
{
	char buf[256];

	snprintf(buf, sizeof(buf), "%s", line);
	clear_out();
	shell_run(sh, buf);
	return w.out;
}

static const char *run1(const char *line)
{
	static struct shell sh;

	shell_init(&sh, &env);
	return run(&sh, line);
}

/* ---- the commands ------------------------------------------------------ */

static void empty_line_is_a_new_prompt(void **state)
{
	(void)state;
	assert_string_equal(run1(""), P);
	assert_string_equal(run1("   "), P);
}

static void help_lists_every_command(void **state)
{
	(void)state;
	assert_string_equal(run1("help"),
		"  help           list the commands\n"
		"  ps             list the processes\n"
		"  devices        list the devices devmgr found\n"
		"  drivers        list the driver instances devmgr runs\n"
		"  kill PID       kill a driver process (devmgr restarts it)\n"
		"  restart DRIVER restart a driver instance at once\n"
		"  lspci          list the PCI functions\n"
		"  echo ARGS...   print the arguments\n"
		"  mouse          show mouse events until a key is pressed\n"
		"  serial         the serial line's byte counts and overruns\n"
		"  lsblk          list the disks and their partitions\n"
		"  blkcheck DEV   read a block device end to end (no writes)\n"
		"  fbinfo         the screen's display driver, mode and pitch\n"
		"  mode WxH       set the screen's mode, e.g. mode 1280x800\n"
		"  dmesg          the kernel's recent log lines\n" P);
}

static void dmesg_prints_the_kernel_lines_or_why_not(void **state)
{
	(void)state;
	w.klog = "[    0.000001] ATXF kernel 0.1\n[    0.002000] kernel ready: 2.0 ms\n";
	assert_string_equal(run1("dmesg"), "[    0.000001] ATXF kernel 0.1\n"
			    "[    0.002000] kernel ready: 2.0 ms\n" P);
	assert_int_equal(w.klog_len, 16384);                /* the whole ring fits */
	assert_string_equal(run1("dmesg -c"), "dmesg: usage: dmesg\n" P);
	w.klog_result = -ATXF_EBADH;
	assert_string_equal(run1("dmesg"), "dmesg: the console holds no klog capability with "
			    "read (boot.cfg: start console.atxf with klog:r)\n" P);
	w.klog_result = -ATXF_EFAULT;
	assert_string_equal(run1("dmesg"), "dmesg: bad address: a pointer or length leaves the caller's memory\n" P);
}

static void fbinfo_names_driver_mode_and_pitch(void **state)
{
	(void)state;
	w.display = (struct atxf_display_info){ .width = 1024, .height = 768, .pitch = 4096,
						.bpp = 32, .format = ATXF_PIXEL_XRGB8888 };
	assert_string_equal(run1("fbinfo"),
		"fbinfo: bochs.00-01.0 (driver bochs): 1024x768, 32 bpp XRGB8888, pitch 4096\n" P);
	assert_string_equal(run1("fbinfo now"), "fbinfo: usage: fbinfo\n" P);
	w.display_result = -ATXF_ENODEV;
	assert_string_equal(run1("fbinfo"), "fbinfo: no screen: no such device\n" P);
}

static void mode_sets_a_size_or_says_why_not(void **state)
{
	(void)state;
	w.display = (struct atxf_display_info){ .width = 1024, .height = 768, .pitch = 4096,
						.bpp = 32 };
	assert_string_equal(run1("mode 1280x800"), "mode: bochs.00-01.0: 1280x800, pitch 5120\n" P);
	assert_int_equal(w.mode_w, 1280);
	assert_int_equal(w.mode_h, 800);
	w.mode_w = 0;
	/* Malformed sizes never reach the driver. */
	static const char *const bad[] = { "mode", "mode 1280", "mode 1280x", "mode x800",
		"mode 0x800", "mode 1280x0", "mode 70000x800", "mode 1280x800x32", "mode -1x5",
		"mode 1280x800 now" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_string_equal(run1(bad[i]),
				    "mode: usage: mode WIDTHxHEIGHT (e.g. mode 1280x800)\n" P);
	assert_int_equal(w.mode_w, 0);
	assert_string_equal(run1("mode 4000x3000"),
		"mode: 4000x3000: out of range: outside the capability's range or a limit\n" P);
	assert_int_equal(w.display.width, 1280);
}

static void serial_shows_the_line_figures(void **state)
{
	(void)state;
	w.serial = (struct atxf_char_stats){ .rx_bytes = 65536, .tx_bytes = 131080,
					     .overruns = 0, .rx_held = 12 };
	assert_string_equal(run1("serial"),
		"serial: uart16550.com1: received 65536 bytes, sent 131080, overruns 0, "
		"input held back 12 times\n" P);
	assert_string_equal(run1("serial now"), "serial: usage: serial\n" P);
	w.serial_result = -ATXF_ENODEV;
	assert_string_equal(run1("serial"),
		"serial: no figures from the serial driver: no such device\n" P);
}

static void echo_joins_with_single_spaces(void **state)
{
	(void)state;
	assert_string_equal(run1("echo hello   world  "), "hello world\n" P);
	assert_string_equal(run1("  echo  A!@#$%^&*()_+{}|:\"<>?~ -=[]\\;',./`"),
			    "A!@#$%^&*()_+{}|:\"<>?~ -=[]\\;',./`\n" P);
	assert_string_equal(run1("echo"), "\n" P);
}

static void unknown_command(void **state)
{
	(void)state;
	assert_string_equal(run1("frobnicate now"), "frobnicate: unknown command; type help\n" P);
	assert_string_equal(run1("Echo x"), "Echo: unknown command; type help\n" P);
}

static void ps_lists_processes(void **state)
{
	(void)state;
	assert_string_equal(run1("ps"),
		"  PID PARENT STATE      CPU(ms) NAME\n"
		"    1      0 blocked         12 init\n"
		"    2      1 running          0 names\n"
		"    3      1 ready         1234 devmgr\n"
		"    4      3 zombie           5 ps2-keyboard\n" P);
}

static void ps_reads_in_chunks_to_the_end(void **state)
{
	char name[16];
	const char *out;
	int lines = 0;

	(void)state;
	w.nprocs = 0;
	for (uint32_t i = 1; i <= 37; i++) {
		snprintf(name, sizeof(name), "proc%u", i);
		add_proc(i, 1, ATXF_PROC_BLOCKED, 0, name);
	}
	out = run1("ps");
	for (const char *p = out; *p; p++)
		lines += *p == '\n';
	assert_int_equal(lines, 38);
	/* 16 + 16 + 5, then an empty answer. */
	assert_int_equal(w.proc_chunks, 4);
	assert_non_null(strstr(out, "   37      1 blocked          0 proc37\n" P));
}

static void devices_lists_legacy_and_pci(void **state)
{
	(void)state;
	assert_string_equal(run1("devices"),
		"  IDX NAME             BUS     ID         CLASS/PROBE\n"
		"    0 i8042            legacy  -          present\n"
		"    1 COM1             legacy  -          present\n"
		"    2 COM2             legacy  -          absent\n"
		"    3 00:00.0          pci     8086:1237  06:00:00\n"
		"    4 00:01.0          pci     8086:7000  06:01:00\n"
		"    5 00:03.0          pci     8086:100e  02:00:00\n"
		"    6 00:04.0          pci     1af4:1005  00:ff:00\n" P);
}

static void drivers_lists_instances(void **state)
{
	(void)state;
	assert_string_equal(run1("drivers"),
		"  DRIVER           INSTANCE               DEVICE  STATE       PID  GEN RESTARTS\n"
		"  ps2-keyboard     ps2-keyboard.i8042     i8042   running       7    1        0\n"
		"  ps2-mouse        ps2-mouse.i8042        i8042   running       8    2        1\n"
		"  uart16550        uart16550.com1         COM1    running       9    1        0\n"
		"  uart16550        uart16550.com2         COM2    failed        0    1        5\n"
		"  virtio-rng       virtio-rng.00-04.0     00:04.0 restarting    0    3        2\n" P);
}

static void devmgr_errors_are_reported(void **state)
{
	(void)state;
	w.query_error = -ATXF_ETIMEDOUT;
	assert_string_equal(run1("devices"),
		"  IDX NAME             BUS     ID         CLASS/PROBE\n"
		"devices: devmgr: timed out\n" P);
	assert_string_equal(run1("lspci"), "lspci: devmgr: timed out\n" P);
	assert_string_equal(run1("drivers"),
		"  DRIVER           INSTANCE               DEVICE  STATE       PID  GEN RESTARTS\n"
		"drivers: devmgr: timed out\n" P);
}

static void lspci_names_classes(void **state)
{
	(void)state;
	add_pci("00:1f.2", 0x8086, 0x2922, 0x01, 0x06, 0x01);
	assert_string_equal(run1("lspci"),
		"00:00.0 8086:1237 class 06:00:00 host bridge\n"
		"00:01.0 8086:7000 class 06:01:00 ISA bridge\n"
		"00:03.0 8086:100e class 02:00:00 Ethernet controller\n"
		"00:04.0 1af4:1005 class 00:ff:00 other\n"
		"00:1f.2 8086:2922 class 01:06:01 SATA controller (AHCI)\n" P);
}

static void lspci_more_classes(void **state)
{
	(void)state;
	w.ndevices = 0;
	add_pci("00:02.0", 0x1234, 0x1111, 0x03, 0x00, 0x00);
	add_pci("00:05.0", 0x1b36, 0x0010, 0x01, 0x08, 0x02);
	add_pci("00:06.0", 0x1b36, 0x000d, 0x0c, 0x03, 0x30);
	add_pci("00:1f.3", 0x8086, 0x2930, 0x0c, 0x05, 0x00);
	assert_string_equal(run1("lspci"),
		"00:02.0 1234:1111 class 03:00:00 VGA display\n"
		"00:05.0 1b36:0010 class 01:08:02 NVMe controller\n"
		"00:06.0 1b36:000d class 0c:03:30 USB controller (xHCI)\n"
		"00:1f.3 8086:2930 class 0c:05:00 SMBus\n" P);
	w.ndevices = 0;
	add_legacy("i8042", 1);
	assert_string_equal(run1("lspci"), "lspci: no PCI functions\n" P);
}

static void kill_a_driver(void **state)
{
	(void)state;
	assert_string_equal(run1("kill 7"),
			    "kill: pid 7 (ps2-keyboard.i8042) killed; devmgr restarts it\n" P);
	assert_int_equal(w.nkilled, 1);
	assert_int_equal(w.killed[0], 7);
}

static void kill_what_is_not_a_driver(void **state)
{
	(void)state;
	w.kill_result = -ATXF_ENOENT;
	assert_string_equal(run1("kill 3"),
		"kill: pid 3 is not a running driver "
		"(the shell kills only drivers devmgr started)\n" P);
	w.kill_result = -ATXF_EPERM;
	assert_string_equal(run1("kill 9"), "kill: pid 9: operation not permitted: no "
					    "capability grants it\n" P);
}

static void kill_usage(void **state)
{
	static const char *const bad[] = { "kill", "kill x", "kill 0", "kill -1", "kill 7 8",
					   "kill 12a", "kill 99999999999" };

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_string_equal(run1(bad[i]), "kill: usage: kill PID\n" P);
	assert_int_equal(w.nkilled, 0);
}

static void restart_by_instance_or_driver(void **state)
{
	(void)state;
	assert_string_equal(run1("restart ps2-mouse.i8042"),
			    "restart: ps2-mouse.i8042 restarted\n" P);
	assert_string_equal(run1("restart ps2-keyboard"),
			    "restart: ps2-keyboard.i8042 restarted\n" P);
	assert_int_equal(w.nrestarted, 2);
	assert_string_equal(w.restarted[0], "ps2-mouse.i8042");
	assert_string_equal(w.restarted[1], "ps2-keyboard.i8042");
}

static void restart_errors(void **state)
{
	(void)state;
	assert_string_equal(run1("restart uart16550"),
		"restart: uart16550 is ambiguous; name one instance: uart16550.com1 "
		"uart16550.com2\n" P);
	assert_string_equal(run1("restart nosuch"),
			    "restart: no such driver: nosuch (type drivers for the list)\n" P);
	assert_string_equal(run1("restart"),
			    "restart: usage: restart DRIVER (an instance or driver name)\n" P);
	assert_int_equal(w.nrestarted, 0);
	w.restart_result = -ATXF_EBUSY;
	assert_string_equal(run1("restart uart16550.com2"),
			    "restart: uart16550.com2: resource busy: already owned or bound\n" P);
}

/* ---- mouse mode -------------------------------------------------------- */

static void pointer(struct shell *sh, uint16_t type, uint16_t code, int32_t value)
{
	struct atxf_input_event ev = { .type = type, .code = code, .value = value };

	shell_pointer(sh, &ev);
}

static void mouse_mode_shows_groups_until_stopped(void **state)
{
	struct shell sh;

	(void)state;
	shell_init(&sh, &env);
	assert_string_equal(run(&sh, "mouse"),
			    "mouse: move the mouse or press a button; press a key to stop\n");
	assert_int_equal(w.mouse_on, 1);
	assert_true(sh.mouse_mode);
	clear_out();
	pointer(&sh, ATXF_EV_REL, ATXF_REL_X, 5);
	pointer(&sh, ATXF_EV_REL, ATXF_REL_Y, -3);
	assert_string_equal(w.out, "");         /* nothing before the SYN */
	pointer(&sh, ATXF_EV_SYN, ATXF_SYN_REPORT, 0);
	pointer(&sh, ATXF_EV_BUTTON, ATXF_BTN_LEFT, 1);
	pointer(&sh, ATXF_EV_REL, ATXF_REL_X, 0);
	pointer(&sh, ATXF_EV_SYN, ATXF_SYN_REPORT, 0);
	pointer(&sh, ATXF_EV_REL, ATXF_REL_X, -1);
	pointer(&sh, ATXF_EV_BUTTON, ATXF_BTN_LEFT, 0);
	pointer(&sh, ATXF_EV_BUTTON, ATXF_BTN_RIGHT, 1);
	pointer(&sh, ATXF_EV_BUTTON, ATXF_BTN_MIDDLE, 1);
	pointer(&sh, ATXF_EV_SYN, ATXF_SYN_REPORT, 0);
	pointer(&sh, ATXF_EV_BUTTON, ATXF_BTN_RIGHT, 1);     /* no change */
	pointer(&sh, ATXF_EV_SYN, ATXF_SYN_REPORT, 0);
	pointer(&sh, ATXF_EV_BUTTON, ATXF_BTN_RIGHT, 0);
	pointer(&sh, ATXF_EV_BUTTON, ATXF_BTN_MIDDLE, 0);
	pointer(&sh, ATXF_EV_SYN, ATXF_SYN_REPORT, 0);
	assert_string_equal(w.out,
		"mouse: dx 5 dy -3\n"
		"mouse: left down\n"
		"mouse: dx -1 dy 0\n"
		"mouse: left up\n"
		"mouse: right down\n"
		"mouse: middle down\n"
		"mouse: right up\n"
		"mouse: middle up\n");
	clear_out();
	shell_mouse_stop(&sh);
	assert_string_equal(w.out, "mouse: stopped\n" P);
	assert_false(sh.mouse_mode);
	assert_int_equal(w.mouse_off, 1);
	/* Outside mouse mode pointer events show nothing. */
	clear_out();
	pointer(&sh, ATXF_EV_REL, ATXF_REL_X, 5);
	pointer(&sh, ATXF_EV_SYN, ATXF_SYN_REPORT, 0);
	shell_mouse_stop(&sh);
	assert_string_equal(w.out, "");
	assert_string_equal(run(&sh, "echo back"), "back\n" P);
}

static void mouse_without_a_pointer(void **state)
{
	struct shell sh;

	(void)state;
	w.mouse_result = -ATXF_ENODEV;
	shell_init(&sh, &env);
	assert_string_equal(run(&sh, "mouse"), "mouse: no such device\n" P);
	assert_false(sh.mouse_mode);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(empty_line_is_a_new_prompt, setup),
		cmocka_unit_test_setup(help_lists_every_command, setup),
		cmocka_unit_test_setup(fbinfo_names_driver_mode_and_pitch, setup),
		cmocka_unit_test_setup(dmesg_prints_the_kernel_lines_or_why_not, setup),
		cmocka_unit_test_setup(mode_sets_a_size_or_says_why_not, setup),
		cmocka_unit_test_setup(serial_shows_the_line_figures, setup),
		cmocka_unit_test_setup(echo_joins_with_single_spaces, setup),
		cmocka_unit_test_setup(unknown_command, setup),
		cmocka_unit_test_setup(ps_lists_processes, setup),
		cmocka_unit_test_setup(ps_reads_in_chunks_to_the_end, setup),
		cmocka_unit_test_setup(devices_lists_legacy_and_pci, setup),
		cmocka_unit_test_setup(drivers_lists_instances, setup),
		cmocka_unit_test_setup(devmgr_errors_are_reported, setup),
		cmocka_unit_test_setup(lspci_names_classes, setup),
		cmocka_unit_test_setup(lspci_more_classes, setup),
		cmocka_unit_test_setup(kill_a_driver, setup),
		cmocka_unit_test_setup(kill_what_is_not_a_driver, setup),
		cmocka_unit_test_setup(kill_usage, setup),
		cmocka_unit_test_setup(restart_by_instance_or_driver, setup),
		cmocka_unit_test_setup(restart_errors, setup),
		cmocka_unit_test_setup(mouse_mode_shows_groups_until_stopped, setup),
		cmocka_unit_test_setup(mouse_without_a_pointer, setup),
	};

	return cmocka_run_group_tests_name("console shell", tests, NULL, NULL);
}
