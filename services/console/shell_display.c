/*
 * fbinfo and mode: the screen the console draws on (screen.c), through
 * its display driver (display protocol INFO and SET_MODE).
 */
#include <stdlib.h>
#include <string.h>
#include <atxf/errors.h>
#include <atxf/sys.h>
#include "shell_cmds.h"

static const char *format_name(uint32_t format)
{
	switch (format) {
	case ATXF_PIXEL_XRGB8888:
		return "XRGB8888";
	case ATXF_PIXEL_RGB565:
		return "RGB565";
	}
	return "unknown format";
}

void cmd_fbinfo(struct shell *sh, int argc, char **argv)
{
	char instance[DEVMGR_NAME_MAX], driver[DEVMGR_NAME_MAX];
	struct atxf_display_info di;
	int err;

	(void)argv;
	if (argc != 1) {
		shell_printf(sh, "fbinfo: usage: fbinfo\n");
		return;
	}
	err = sh->env->display_info(sh->env->ctx, instance, sizeof(instance), &di);
	if (err < 0) {
		shell_printf(sh, "fbinfo: no screen: %s\n", atxf_strerror(err));
		return;
	}
	/* An instance is DRIVER.DEVICE. */
	memcpy(driver, instance, sizeof(driver));
	driver[strcspn(driver, ".")] = '\0';
	shell_printf(sh, "fbinfo: %s (driver %s): %ux%u, %u bpp %s, pitch %u\n", instance, driver,
		     di.width, di.height, di.bpp, format_name(di.format), di.pitch);
}

/* "WxH" with both numbers in 1..65535: true and the two of them. */
static bool parse_size(const char *s, uint32_t *w, uint32_t *h)
{
	char *end;
	unsigned long x, y;

	if (*s < '0' || *s > '9')
		return false;
	x = strtoul(s, &end, 10);
	if (*end != 'x' || end[1] < '0' || end[1] > '9')
		return false;
	y = strtoul(end + 1, &end, 10);
	if (*end || x == 0 || y == 0 || x > 65535 || y > 65535)
		return false;
	*w = (uint32_t)x;
	*h = (uint32_t)y;
	return true;
}

void cmd_mode(struct shell *sh, int argc, char **argv)
{
	struct atxf_display_info di;
	char instance[DEVMGR_NAME_MAX];
	uint32_t w, h;
	int err;

	if (argc != 2 || !parse_size(argv[1], &w, &h)) {
		shell_printf(sh, "mode: usage: mode WIDTHxHEIGHT (e.g. mode 1280x800)\n");
		return;
	}
	err = sh->env->display_mode(sh->env->ctx, w, h);
	if (err < 0) {
		shell_printf(sh, "mode: %ux%u: %s\n", w, h, atxf_strerror(err));
		return;
	}
	err = sh->env->display_info(sh->env->ctx, instance, sizeof(instance), &di);
	if (err == 0)
		shell_printf(sh, "mode: %s: %ux%u, pitch %u\n", instance, di.width, di.height,
			     di.pitch);
}
