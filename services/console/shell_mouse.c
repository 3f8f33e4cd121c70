/*
 * The shell's mouse command: shows what the pointer drivers report, one
 * line per change, until a key is pressed. Events come in groups ended by
 * a SYN (<atxf/proto/input.h>); each group is shown when its SYN arrives.
 */
#include <atxf/sys.h>
#include "shell_cmds.h"

static const char *const button_names[] = {
	[ATXF_BTN_LEFT] = "left", [ATXF_BTN_RIGHT] = "right", [ATXF_BTN_MIDDLE] = "middle",
};

#define NBUTTONS (sizeof(button_names) / sizeof(button_names[0]))

void cmd_mouse(struct shell *sh, int argc, char **argv)
{
	int err;

	(void)argc;
	(void)argv;
	err = sh->env->mouse(sh->env->ctx, true);
	if (err < 0) {
		shell_printf(sh, "mouse: %s\n", atxf_strerror(err));
		return;
	}
	shell_printf(sh, "mouse: move the mouse or press a button; press a key to stop\n");
	sh->mouse_mode = true;
	sh->dx = sh->dy = 0;
	sh->buttons = sh->group_buttons = 0;
}

/* A group is complete: its motion, then each button that changed. */
static void show_group(struct shell *sh)
{
	uint8_t changed = sh->buttons ^ sh->group_buttons;

	if (sh->dx || sh->dy)
		shell_printf(sh, "mouse: dx %d dy %d\n", sh->dx, sh->dy);
	for (unsigned b = 0; b < NBUTTONS; b++)
		if (changed & (1u << b))
			shell_printf(sh, "mouse: %s %s\n", button_names[b],
				     sh->group_buttons & (1u << b) ? "down" : "up");
	sh->buttons = sh->group_buttons;
	sh->dx = sh->dy = 0;
}

void shell_pointer(struct shell *sh, const struct atxf_input_event *ev)
{
	if (!sh->mouse_mode)
		return;
	switch (ev->type) {
	case ATXF_EV_REL:
		if (ev->code == ATXF_REL_X)
			sh->dx += ev->value;
		else if (ev->code == ATXF_REL_Y)
			sh->dy += ev->value;
		break;
	case ATXF_EV_BUTTON:
		if (ev->code >= NBUTTONS)
			break;
		if (ev->value)
			sh->group_buttons |= (uint8_t)(1u << ev->code);
		else
			sh->group_buttons &= (uint8_t)~(1u << ev->code);
		break;
	case ATXF_EV_SYN:
		show_group(sh);
		break;
	default:
		break;
	}
}

void shell_mouse_stop(struct shell *sh)
{
	if (!sh->mouse_mode)
		return;
	sh->mouse_mode = false;
	sh->env->mouse(sh->env->ctx, false);
	shell_printf(sh, "mouse: stopped\n");
	shell_prompt(sh);
}
