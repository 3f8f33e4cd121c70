/*
 * The shell's window on the real system (struct shell_env): the kernel's
 * process table, devmgr's queries and requests, and the terminal, which is
 * the serial driver (char protocol WRITE) or, while there is none running,
 * the console's own program output (SYS_DEBUG_WRITE, straight to COM1).
 */
#include <stdio.h>
#include <string.h>
#include <atxf/client.h>
#include <atxf/manifest.h>
#include <atxf/port.h>
#include <atxf/proto/char.h>
#include <atxf/sys.h>
#include "console.h"
#include "sysenv_blk.h"

#define DEVMGR_CALL_NS  (2000 * MS)
#define WRITE_CALL_NS   (1000 * MS)
#define WRITE_RETRY_NS  (1 * MS)
#define WRITE_GIVEUP_NS (1000 * MS)

/*
 * All of buf to the serial driver. A full transmit queue accepts 0 bytes:
 * wait a little and send the rest again, for up to a second without
 * progress. What the driver will not take goes out as program output.
 */
static void serial_write(struct console *c, const char *buf, size_t n)
{
	uint64_t last_progress = atxf_clock_ns();

	while (n) {
		int done = atxf_char_write(c->serial.handle, buf, n, WRITE_CALL_NS);

		if (done < 0)
			break;
		if (done == 0) {
			if (atxf_clock_ns() - last_progress > WRITE_GIVEUP_NS)
				break;
			atxf_sleep_ns(WRITE_RETRY_NS);
			continue;
		}
		if ((size_t)done > n)
			done = (int)n;
		buf += done;
		n -= (size_t)done;
		last_progress = atxf_clock_ns();
	}
	if (n)
		atxf_debug_write(buf, n);
}

static void terminal_flush(void *ctx, const char *buf, size_t n)
{
	struct console *c = ctx;

	if (serial_usable(c))
		serial_write(c, buf, n);
	else
		atxf_debug_write(buf, n);
	/* After the serial line: a screen waiting for its restarted driver
	 * must not hold back the line (the shell's answers keep their order
	 * with the log there). */
	screen_write(&c->screen, buf, n);
}

void console_write(struct console *c, const char *s)
{
	termout_write(&c->out, s, strlen(s));
}

static void env_write(void *ctx, const char *s, size_t n)
{
	struct console *c = ctx;

	termout_write(&c->out, s, n);
}

int devmgr_query(struct console *c, uint32_t type, uint32_t index, void *out, size_t size)
{
	struct atxf_msg req, reply;
	int err;

	atxf_msg_init(&req, type);
	atxf_msg_put(&req, &index, sizeof(index));
	err = atxf_call(c->devmgr, &req, &reply, DEVMGR_CALL_NS);
	if (err >= 0)
		err = (int32_t)reply.type;
	if (err < 0)
		return err;
	memset(out, 0, size);
	memcpy(out, reply.data, reply.len < size ? reply.len : size);
	return 0;
}

static int env_proc_info(void *ctx, uint32_t index, struct atxf_proc_info *out, uint32_t n)
{
	(void)ctx;
	return atxf_proc_info(index, out, n);
}

static int env_device(void *ctx, uint32_t index, struct devmgr_device *out)
{
	return devmgr_query(ctx, DEVMGR_DEVICE, index, out, sizeof(*out));
}

static int env_driver(void *ctx, uint32_t index, struct devmgr_driver *out)
{
	return devmgr_query(ctx, DEVMGR_DRIVER, index, out, sizeof(*out));
}

static int devmgr_request(struct console *c, uint32_t type, const void *data, size_t len)
{
	struct atxf_msg req, reply;
	int err;

	atxf_msg_init(&req, type);
	err = atxf_msg_put(&req, data, len);
	if (err < 0)
		return err;
	err = atxf_call(c->devmgr, &req, &reply, DEVMGR_CALL_NS);
	return err < 0 ? err : (int32_t)reply.type;
}

static int env_kill(void *ctx, uint32_t pid)
{
	return devmgr_request(ctx, DEVMGR_KILL, &pid, sizeof(pid));
}

static int env_restart(void *ctx, const char *instance)
{
	return devmgr_request(ctx, DEVMGR_RESTART, instance, strlen(instance) + 1);
}

/* Mouse mode needs an input driver to listen to; events route by mode. */
static int env_mouse(void *ctx, bool on)
{
	struct console *c = ctx;

	if (!on)
		return 0;
	for (int i = 0; i < CONSOLE_MAX_INPUTS; i++)
		if (c->inputs[i].subscribed && c->inputs[i].state == DRV_RUNNING)
			return 0;
	return -ATXF_ENODEV;
}

/* STATS from the serial driver the terminal goes through. */
static int env_serial_stats(void *ctx, char *instance, size_t size, struct atxf_char_stats *out)
{
	struct console *c = ctx;
	struct atxf_msg req, reply;
	int err;

	if (!serial_usable(c))
		return -ATXF_ENODEV;
	snprintf(instance, size, "%s", c->serial.instance);
	atxf_msg_init(&req, ATXF_CHAR_STATS);
	err = atxf_call(c->serial.handle, &req, &reply, DEVMGR_CALL_NS);
	if (err < 0)
		return err;
	if (reply.len != sizeof(*out))
		return -ATXF_EPROTO;
	memcpy(out, reply.data, sizeof(*out));
	return 0;
}

/* The screen's display instance and mode. */
static int env_display_info(void *ctx, char *instance, size_t size, struct atxf_display_info *out)
{
	struct console *c = ctx;

	if (!c->screen.open)
		return -ATXF_ENODEV;
	snprintf(instance, size, "%s", c->screen.d.conn.name);
	*out = c->screen.d.info;
	return 0;
}

static int env_display_mode(void *ctx, uint32_t width, uint32_t height)
{
	struct console *c = ctx;

	/* What the shell wrote so far goes out in the old mode. */
	termout_flush(&c->out);
	return screen_set_mode(&c->screen, width, height);
}

/* The KLOG capability init gave the console (boot.cfg `klog:r`), found by
 * kind among its handles, then SYS_LOG_READ. */
static long env_klog_read(void *ctx, char *buf, size_t len)
{
	struct atxf_cap_info info;

	(void)ctx;
	for (atxf_handle_t h = 0; h < ATXF_MAX_HANDLES; h++)
		if (atxf_cap_query(h, &info) == 0 && info.kind == ATXF_CAP_KLOG)
			return atxf_log_read(h, buf, len);
	return -ATXF_EBADH;
}

static const struct shell_env console_env = {
	.write = env_write,
	.proc_info = env_proc_info,
	.device = env_device,
	.driver = env_driver,
	.kill = env_kill,
	.restart = env_restart,
	.mouse = env_mouse,
	.serial_stats = env_serial_stats,
	.property = env_property,
	.block_info = env_block_info,
	.block_open = env_block_open,
	.block_read = env_block_read,
	.block_close = env_block_close,
	.display_info = env_display_info,
	.display_mode = env_display_mode,
	.klog_read = env_klog_read,
};

void console_env_bind(struct console *c, struct shell_env *env)
{
	*env = console_env;
	env->ctx = c;
	termout_init(&c->out, terminal_flush, c);
}
