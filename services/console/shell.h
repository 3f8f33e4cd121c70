/*
 * The console's shell. Its commands reach the system only through a
 * struct shell_env of function pointers, so the host tests
 * (tests/unit/test_console_shell.c) run the very same code against
 * scripted processes, devices and drivers and check its exact output;
 * main.c fills the table with system calls and devmgr requests.
 */
#ifndef CONSOLE_SHELL_H
#define CONSOLE_SHELL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <atxf/proc.h>
#include <atxf/proto/block.h>
#include <atxf/proto/char.h>
#include <atxf/proto/devmgr.h>
#include <atxf/proto/display.h>
#include <atxf/proto/input.h>

#define SHELL_PROMPT "atxf> "
#define SHELL_BLK_BUF (32 * 1024)   /* blkcheck's largest read */
#define SHELL_KLOG_MAX 16384        /* dmesg: the kernel's ring, whole */

struct shell_env {
	/* Text for the terminal ("\n" line ends). */
	void (*write)(void *ctx, const char *s, size_t n);
	/* atxf_proc_info: up to n records from index on; returns how many (0 at the end). */
	int (*proc_info)(void *ctx, uint32_t index, struct atxf_proc_info *out, uint32_t n);
	/* devmgr DEVICE and DRIVER: 0, -ATXF_ENOENT past the end, or another error. */
	int (*device)(void *ctx, uint32_t index, struct devmgr_device *out);
	int (*driver)(void *ctx, uint32_t index, struct devmgr_driver *out);
	/* devmgr KILL and RESTART: 0 or -ATXF_E*. */
	int (*kill)(void *ctx, uint32_t pid);
	int (*restart)(void *ctx, const char *instance);
	/* Mouse mode begins (on) or ends: 0, or an error that keeps it off. */
	int (*mouse)(void *ctx, bool on);
	/* The serial line's driver instance (into instance) and its STATS: 0 or -ATXF_E*. */
	int (*serial_stats)(void *ctx, char *instance, size_t size, struct atxf_char_stats *out);
	/* Disks (shell_blk.c). devmgr PROPERTY i of node: "key=value" into out; 0 or
	 * -ATXF_ENOENT past the last. block_info: INFO of the block device name. */
	int (*property)(void *ctx, uint32_t node, uint32_t i, char *out, size_t size);
	int (*block_info)(void *ctx, const char *name, struct atxf_block_info *out);
	/* blkcheck's device: open (its INFO), read count sectors (at most
	 * SHELL_BLK_BUF bytes) into dst, close. 0 or -ATXF_E*. */
	int (*block_open)(void *ctx, const char *name, struct atxf_block_info *out);
	int (*block_read)(void *ctx, uint64_t sector, uint32_t count, void *dst);
	void (*block_close)(void *ctx);
	/* The screen's display instance (into instance) and its mode: 0, or
	 * -ATXF_ENODEV without a screen. */
	int (*display_info)(void *ctx, char *instance, size_t size, struct atxf_display_info *out);
	/* SET_MODE on the screen's display: 0 or -ATXF_E*. */
	int (*display_mode)(void *ctx, uint32_t width, uint32_t height);
	/* The kernel's newest log lines that fit in len ("\n" ends): the bytes,
	 * or -ATXF_EBADH / -ATXF_EPERM without the klog capability. */
	long (*klog_read)(void *ctx, char *buf, size_t len);
	void *ctx;
};

struct shell {
	const struct shell_env *env;
	bool mouse_mode;            /* pointer events are shown; a key ends it */
	int dx, dy;                 /* motion in the current event group */
	uint8_t buttons;            /* ATXF_BTN_* bits held down, as last shown */
	uint8_t group_buttons;      /* the same, as of the events of this group */
};

void shell_init(struct shell *sh, const struct shell_env *env);
void shell_prompt(struct shell *sh);
/*
 * Runs one command line (modified: split in place), then shows the prompt,
 * unless the command started mouse mode.
 */
void shell_run(struct shell *sh, char *line);

/* Mouse mode: a pointer event (ignored outside it), and its end by a key. */
void shell_pointer(struct shell *sh, const struct atxf_input_event *ev);
void shell_mouse_stop(struct shell *sh);

/* Formatted text for the terminal, through env->write. */
void shell_printf(struct shell *sh, const char *fmt, ...)
	__attribute__((__format__(__printf__, 2, 3)));

#endif
