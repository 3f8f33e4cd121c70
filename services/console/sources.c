/*
 * Where the console's input comes from, and how it follows driver
 * restarts. On each of devmgr's events (events.c) it reads devmgr's DRIVER
 * list: each INPUT instance, and the CHAR instance on COM1 (else the first
 * CHAR instance), is subscribed to once it runs, and again whenever devmgr
 * reports a new generation of it (a killed driver comes back as generation
 * + 1, with an empty subscriber list). A subscription that failed is tried
 * again after CONSOLE_RETRY_NS. The first DISPLAY instance becomes the
 * screen (screen.c) once it runs; a new generation of it gets the whole
 * screen again (the display client attaches its surface there).
 */
#include <stdio.h>
#include <string.h>
#include <atxf/client.h>
#include <atxf/log.h>
#include <atxf/manifest.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/proto/char.h>
#include <atxf/proto/input.h>
#include <atxf/sys.h>
#include "console.h"

#define LOOKUP_NS    (500 * MS)
#define SUBSCRIBE_NS (1000 * MS)

static void source_clear(struct source *s)
{
	if (s->handle >= 0)
		atxf_cap_drop(s->handle);
	*s = (struct source){ .handle = ATXF_HANDLE_NONE };
}

void sources_init(struct console *c)
{
	for (int i = 0; i < CONSOLE_MAX_INPUTS; i++)
		c->inputs[i] = (struct source){ .handle = ATXF_HANDLE_NONE };
	c->serial = (struct source){ .handle = ATXF_HANDLE_NONE };
	c->display = (struct source){ .handle = ATXF_HANDLE_NONE };
}

static void subscribed(struct console *c, struct source *s, atxf_handle_t dev)
{
	if (s->handle >= 0)
		atxf_cap_drop(s->handle);
	s->handle = dev;
	s->subscribed = true;
	s->sub_generation = s->generation;
	atxf_log("console: subscribed to %s (%s, generation %u)\n", s->instance, s->driver,
		 s->generation);
	/* A (re)started keyboard comes up with its lock lights off. */
	if (s->device_class == ATXF_CLASS_INPUT && !s->pointer)
		keymap_reset_locks(&c->keys);
}

/* Subscribes to s if it runs a generation we have not subscribed to. */
static void follow(struct console *c, struct source *s)
{
	uint32_t type = s->device_class == ATXF_CLASS_CHAR ? ATXF_CHAR_SUBSCRIBE
							    : ATXF_INPUT_SUBSCRIBE;
	atxf_handle_t dev;
	int err;

	if (s->state != DRV_RUNNING || (s->subscribed && s->sub_generation == s->generation))
		return;
	dev = atxf_name_lookup(s->instance, LOOKUP_NS);
	err = dev < 0 ? dev : atxf_subscribe(dev, type, c->port, SUBSCRIBE_NS);
	if (err == 0) {
		subscribed(c, s, dev);
		return;
	}
	if (dev >= 0)
		atxf_cap_drop(dev);
	if (s->failed_generation != s->generation + 1) {
		atxf_log("console: subscribing to %s (generation %u) failed: %s; trying again\n",
			 s->instance, s->generation, atxf_strerror(err));
		s->failed_generation = s->generation + 1;
	}
}

/* The screen on s once it runs; redrawn whole on each new generation. */
static void follow_display(struct console *c, struct source *s)
{
	int err = 0;

	if (s->state != DRV_RUNNING || (s->subscribed && s->sub_generation == s->generation))
		return;
	if (!c->screen.open)
		err = screen_open(&c->screen, s->instance);
	else
		screen_redraw(&c->screen);
	if (err == 0) {
		s->subscribed = true;
		s->sub_generation = s->generation;
		atxf_log("console: screen on %s (%s, generation %u)\n", s->instance, s->driver,
			 s->generation);
	} else if (s->failed_generation != s->generation + 1) {
		atxf_log("console: opening the display %s (generation %u) failed: %s; trying "
			 "again\n", s->instance, s->generation, atxf_strerror(err));
		s->failed_generation = s->generation + 1;
	}
}

/* Copies what devmgr says about d into s (which may be new). */
static void update(struct source *s, const struct devmgr_driver *d)
{
	if (strcmp(s->instance, d->instance)) {
		source_clear(s);
		memcpy(s->instance, d->instance, sizeof(s->instance));
		devmgr_driver_name(d, s->driver, sizeof(s->driver));
		s->instance[sizeof(s->instance) - 1] = '\0';
	}
	s->device_class = d->device_class;
	s->state = d->state;
	s->pid = d->pid;
	s->generation = d->generation;
}

static struct source *input_slot(struct console *c, const char *instance)
{
	struct source *free_slot = NULL;

	for (int i = 0; i < CONSOLE_MAX_INPUTS; i++) {
		if (!strncmp(c->inputs[i].instance, instance, DEVMGR_NAME_MAX))
			return &c->inputs[i];
		if (!free_slot && !c->inputs[i].instance[0])
			free_slot = &c->inputs[i];
	}
	return free_slot;
}

static bool on_com1(struct console *c, const struct devmgr_driver *d)
{
	struct devmgr_device dev;

	return devmgr_query(c, DEVMGR_DEVICE, d->device, &dev, sizeof(dev)) == 0 &&
	       !strncmp(dev.name, "COM1", sizeof(dev.name));
}

void sources_scan(struct console *c)
{
	struct devmgr_driver d, serial = { 0 };
	bool have_serial = false, com1 = false;
	struct source *s;

	for (uint32_t i = 0; devmgr_query(c, DEVMGR_DRIVER, i, &d, sizeof(d)) == 0; i++) {
		d.instance[sizeof(d.instance) - 1] = '\0';
		if (d.device_class == ATXF_CLASS_INPUT && (s = input_slot(c, d.instance))) {
			update(s, &d);
			follow(c, s);
		} else if (d.device_class == ATXF_CLASS_CHAR && !com1) {
			com1 = on_com1(c, &d);
			if (com1 || !have_serial)
				serial = d;
			have_serial = true;
		} else if (d.device_class == ATXF_CLASS_DISPLAY &&
			   (!c->display.instance[0] ||
			    !strncmp(c->display.instance, d.instance, DEVMGR_NAME_MAX))) {
			update(&c->display, &d);
			follow_display(c, &c->display);
		}
	}
	if (!have_serial)
		return;
	update(&c->serial, &serial);
	follow(c, &c->serial);
}

static bool settled(const struct source *s)
{
	if (!s->instance[0])
		return true;
	if (s->state == DRV_STOPPED || s->state == DRV_FAILED)
		return true;
	return s->state == DRV_RUNNING && s->subscribed && s->sub_generation == s->generation;
}

/* A running driver we are not subscribed to: follow() tried and failed. */
static bool failed(const struct source *s)
{
	return s->instance[0] && s->state == DRV_RUNNING &&
	       !(s->subscribed && s->sub_generation == s->generation);
}

bool sources_need_retry(const struct console *c)
{
	for (int i = 0; i < CONSOLE_MAX_INPUTS; i++)
		if (failed(&c->inputs[i]))
			return true;
	return failed(&c->serial) || failed(&c->display);
}

bool sources_settled(const struct console *c)
{
	for (int i = 0; i < CONSOLE_MAX_INPUTS; i++)
		if (!settled(&c->inputs[i]))
			return false;
	return settled(&c->serial) && settled(&c->display);
}

void sources_log_ready(const struct console *c)
{
	char line[40 + CONSOLE_MAX_INPUTS * DEVMGR_NAME_MAX];
	int n = snprintf(line, sizeof(line), "console: ready: input");
	bool any = false;

	for (int i = 0; i < CONSOLE_MAX_INPUTS; i++)
		if (c->inputs[i].instance[0] && c->inputs[i].subscribed) {
			n += snprintf(line + n, sizeof(line) - (size_t)n, " %s",
				      c->inputs[i].instance);
			any = true;
		}
	atxf_log("%s%s, serial %s\n", line, any ? "" : " none",
		 c->serial.subscribed ? c->serial.instance : "none");
}

struct source *source_by_pid(struct console *c, uint32_t pid)
{
	for (int i = 0; i < CONSOLE_MAX_INPUTS; i++)
		if (c->inputs[i].instance[0] && c->inputs[i].pid == pid)
			return &c->inputs[i];
	return NULL;
}

bool serial_usable(const struct console *c)
{
	return c->serial.handle >= 0 && c->serial.state == DRV_RUNNING;
}
