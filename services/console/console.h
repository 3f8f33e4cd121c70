/*
 * The console service (docs/console.md): the system's shell on the PS/2
 * keyboard and the COM1 serial line. One process, one port, one loop
 * (main.c); sources.c finds the drivers through devmgr and subscribes to
 * them; sysenv.c gives the shell the real system.
 */
#ifndef CONSOLE_CONSOLE_H
#define CONSOLE_CONSOLE_H

#include <stdbool.h>
#include <stdint.h>
#include <atxf/cap.h>
#include <atxf/proto/devmgr.h>
#include "keymap.h"
#include "screen.h"
#include "line.h"
#include "serial.h"
#include "shell.h"
#include "termout.h"

#define CONSOLE_MAX_INPUTS 8
#define MS                 1000000ull      /* nanoseconds */
#define CONSOLE_EVENT_BIT  1ull           /* devmgr's notice of a new event (events.c) */
#define CONSOLE_RETRY_NS   (100 * MS)      /* after a failed subscription */

/* devmgr's driver states (<atxf/proto/devmgr.h>). */
enum { DRV_STARTING = 1, DRV_RUNNING, DRV_RESTARTING, DRV_STOPPED, DRV_FAILED };

/* One driver instance the console reads from. */
struct source {
	char instance[DEVMGR_NAME_MAX];     /* "" for an empty slot */
	char driver[32];
	uint8_t state;                      /* DRV_*, as devmgr last said */
	uint8_t device_class;               /* ATXF_CLASS_INPUT or ATXF_CLASS_CHAR */
	bool pointer;                       /* has sent motion or buttons, never keys */
	bool subscribed;
	uint32_t pid;                       /* its process, to tell whose events arrive */
	uint32_t generation;                /* devmgr's current generation */
	uint32_t sub_generation;            /* the one we subscribed to */
	uint32_t failed_generation;         /* a failure logged for it, so only once */
	atxf_handle_t handle;               /* send right to its port, or ATXF_HANDLE_NONE */
};

struct console {
	atxf_handle_t port;                 /* ours: every event arrives here */
	atxf_handle_t devmgr;
	struct source inputs[CONSOLE_MAX_INPUTS];
	struct source serial;               /* the COM1 instance (else the first CHAR one) */
	struct source display;              /* the first DISPLAY instance: the screen */
	struct screen screen;               /* the terminal's text on it */
	struct keymap_state keys;
	struct serial_decoder serial_in;
	/* A line each for the keyboard and the serial line: two people typing
	 * at once (or a paste on one while the other types) never mix their
	 * commands; only their echo shares the terminal. */
	struct line key_line;
	struct line serial_line;
	struct termout out;
	struct shell shell;
	uint32_t next_event;                /* devmgr's event stream: the next to read */
};

/* sources.c */
void sources_init(struct console *c);
void sources_scan(struct console *c);
bool sources_settled(const struct console *c);
/* A running driver's subscription failed: scan again after CONSOLE_RETRY_NS. */
bool sources_need_retry(const struct console *c);
void sources_log_ready(const struct console *c);
struct source *source_by_pid(struct console *c, uint32_t pid);
bool serial_usable(const struct console *c);

/* events.c */
int events_watch(struct console *c);
bool events_drain(struct console *c);

/* sysenv.c */
void console_env_bind(struct console *c, struct shell_env *env);
void console_write(struct console *c, const char *s);
int devmgr_query(struct console *c, uint32_t type, uint32_t index, void *out, size_t size);

#endif
