/*
 * i8042.c: polling access to the PC keyboard controller (QEMU: the i8042 of
 * every PC machine). Registers and the sharing rule: i8042_reg.h, i8042.h.
 * Every wait is bounded: a controller that never answers fails the call
 * with -ATXF_ETIMEDOUT instead of hanging the driver.
 */
#include <atxf/errors.h>
#include <atxf/hw.h>
#include "i8042.h"
#include "i8042_reg.h"

#define WAIT_NS     (50ull * 1000 * 1000)   /* far beyond a real 8042's ~1 ms */
#define POLL_US     50
#define FLUSH_MAX   32                      /* the buffer holds 1 byte; QEMU queues 16 */

static uint8_t status(void)
{
	return atxf_inb(I8042_STATUS);
}

/* AT Tech. Ref.: write only while the input buffer is empty (IBF clear). */
static int wait_writable(void)
{
	uint64_t deadline = atxf_time_ns() + WAIT_NS;

	while (status() & STS_IBF) {
		if (atxf_time_ns() >= deadline)
			return -ATXF_ETIMEDOUT;
		atxf_delay_us(POLL_US);
	}
	return 0;
}

/* Waits for a byte from one side; bytes of the other side are left alone. */
static int wait_byte(int aux, uint8_t *byte)
{
	uint64_t deadline = atxf_time_ns() + WAIT_NS;

	while (!i8042_take(aux, byte)) {
		if (atxf_time_ns() >= deadline)
			return -ATXF_ETIMEDOUT;
		atxf_delay_us(POLL_US);
	}
	return 0;
}

int i8042_take(int aux, uint8_t *byte)
{
	uint8_t s = status();

	if (!(s & STS_OBF) || !!(s & STS_AUX_OBF) != !!aux)
		return 0;
	*byte = atxf_inb(I8042_DATA);
	return 1;
}

int i8042_command(uint8_t cmd)
{
	int err = wait_writable();

	if (!err)
		atxf_outb(I8042_COMMAND, cmd);
	return err;
}

int i8042_write_data(uint8_t value)
{
	int err = wait_writable();

	if (!err)
		atxf_outb(I8042_DATA, value);
	return err;
}

static void flush(void)
{
	for (int i = 0; i < FLUSH_MAX && (status() & STS_OBF); i++)
		(void)atxf_inb(I8042_DATA);
}

int i8042_setup(void)
{
	uint8_t cfg;
	int err;

	/* Quiet both ports so no byte lands between reading and writing the config. */
	if ((err = i8042_command(CMD_KBD_DISABLE)) || (err = i8042_command(CMD_AUX_DISABLE)))
		return err;
	flush();
	if ((err = i8042_command(CMD_READ_CONFIG)) || (err = wait_byte(0, &cfg)))
		return err;
	cfg |= CFG_KBD_IRQ | CFG_AUX_IRQ | CFG_TRANSLATE;
	cfg &= (uint8_t)~(CFG_KBD_CLOCK_OFF | CFG_AUX_CLOCK_OFF);
	if ((err = i8042_command(CMD_WRITE_CONFIG)) || (err = i8042_write_data(cfg)))
		return err;
	if ((err = i8042_command(CMD_KBD_ENABLE)))
		return err;
	return i8042_command(CMD_AUX_ENABLE);
}

/* PS/2: the device answers every command byte with ACK, or RESEND to ask again. */
int i8042_aux_command(uint8_t cmd)
{
	uint8_t reply = 0;
	int err;

	for (int tries = 0; tries < 3; tries++) {
		if ((err = i8042_command(CMD_WRITE_AUX)) || (err = i8042_write_data(cmd)))
			return err;
		if ((err = wait_byte(1, &reply)))
			return err;
		if (reply == PS2_ACK)
			return 0;
		if (reply != PS2_RESEND)
			break;
	}
	return -ATXF_EIO;
}
