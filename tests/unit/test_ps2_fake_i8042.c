/*
 * The fake i8042 (test_ps2_fake_i8042.h), played on libatxf-fake's I/O
 * ports. Status and commands as the IBM PC/AT Technical Reference's
 * keyboard controller section describes them.
 */
#include <string.h>
#include <atxf/fake.h>
#include "i8042_reg.h"
#include "test_ps2_fake_i8042.h"

unsigned fake_i8042_waiting(const struct fake_i8042 *f)
{
	return f->tail - f->head;
}

void fake_i8042_push(struct fake_i8042 *f, uint8_t byte, int aux)
{
	if (fake_i8042_waiting(f) == FAKE_I8042_QUEUE)
		return;
	f->out[f->tail % FAKE_I8042_QUEUE] = byte;
	f->out_aux[f->tail % FAKE_I8042_QUEUE] = (uint8_t)!!aux;
	f->tail++;
}

static uint32_t data_read(void *ctx, uint16_t off, unsigned width)
{
	struct fake_i8042 *f = ctx;

	(void)off; (void)width;
	if (!fake_i8042_waiting(f))
		return 0;
	return f->out[f->head++ % FAKE_I8042_QUEUE];
}

static uint32_t status_read(void *ctx, uint16_t off, unsigned width)
{
	struct fake_i8042 *f = ctx;

	(void)off; (void)width;
	if (!fake_i8042_waiting(f))
		return 0;
	return STS_OBF | (f->out_aux[f->head % FAKE_I8042_QUEUE] ? STS_AUX_OBF : 0);
}

static void to_mouse(struct fake_i8042 *f, uint8_t v)
{
	if (f->naux < sizeof(f->aux_rx))
		f->aux_rx[f->naux++] = v;
	if (f->aux_silent)
		return;
	if (f->aux_resends > 0) {
		f->aux_resends--;
		fake_i8042_push(f, PS2_RESEND, 1);
		return;
	}
	fake_i8042_push(f, PS2_ACK, 1);
}

static void data_write(void *ctx, uint16_t off, unsigned width, uint32_t value)
{
	struct fake_i8042 *f = ctx;
	uint8_t v = (uint8_t)value;
	uint8_t cmd = f->pending;

	(void)off; (void)width;
	f->pending = 0;
	if (cmd == CMD_WRITE_CONFIG) {
		f->config = v;
	} else if (cmd == CMD_WRITE_AUX) {
		to_mouse(f, v);
	} else {
		if (f->nkbd < sizeof(f->kbd_rx))
			f->kbd_rx[f->nkbd++] = v;
		if (f->kbd_acks)
			fake_i8042_push(f, PS2_ACK, 0);
	}
}

static void command_write(void *ctx, uint16_t off, unsigned width, uint32_t value)
{
	struct fake_i8042 *f = ctx;
	uint8_t v = (uint8_t)value;

	(void)off; (void)width;
	if (f->ncmds < sizeof(f->cmds))
		f->cmds[f->ncmds++] = v;
	switch (v) {
	case CMD_READ_CONFIG: fake_i8042_push(f, f->config, 0); break;
	case CMD_WRITE_CONFIG: case CMD_WRITE_AUX: f->pending = v; break;
	case CMD_KBD_DISABLE: f->kbd_enabled = 0; break;
	case CMD_KBD_ENABLE: f->kbd_enabled = 1; break;
	case CMD_AUX_DISABLE: f->aux_enabled = 0; break;
	case CMD_AUX_ENABLE: f->aux_enabled = 1; break;
	}
}

void fake_i8042_install(struct fake_i8042 *f)
{
	memset(f, 0, sizeof(*f));
	f->kbd_acks = 1;
	atxf_fake_reset();
	atxf_fake_io_add(I8042_DATA, 1, data_read, data_write, f);
	atxf_fake_io_add(I8042_STATUS, 1, status_read, command_write, f);
	/* As devmgr grants them, in manifest order. */
	atxf_fake_cap_ioport(I8042_DATA, 1, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE);
	atxf_fake_cap_ioport(I8042_STATUS, 1, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE);
}
