/*
 * atxf_device_wait_irq(): a request that must wait for its device (a
 * sector transfer, a reset) receives on the service port until the device
 * interrupts. Requests arriving meanwhile are queued for afterwards (or
 * refused with -ATXF_EAGAIN when the queue is full); PINGs are answered at
 * once, so devmgr sees a busy driver, not a hung one.
 */
#include <atxf/hw.h>
#include <atxf/port.h>
#include "core.h"

static uint64_t deadline_after(uint64_t timeout_ns)
{
	uint64_t now = atxf_time_ns();

	if (timeout_ns == ATXF_TIMEOUT_FOREVER || timeout_ns > UINT64_MAX - now)
		return ATXF_TIMEOUT_FOREVER;
	return now + timeout_ns;
}

/* The receive timeout left before the deadline: 0 polls once more. */
static uint64_t time_left(uint64_t deadline)
{
	uint64_t now;

	if (deadline == ATXF_TIMEOUT_FOREVER)
		return ATXF_TIMEOUT_FOREVER;
	now = atxf_time_ns();
	return deadline > now ? deadline - now : ATXF_TIMEOUT_NONE;
}

/* Set bits, without the compiler's builtin: that one may call libgcc. */
static unsigned bit_count(uint64_t bits)
{
	unsigned n = 0;

	for (; bits; bits &= bits - 1)
		n++;
	return n;
}

/* A notification: did it carry one of the device's interrupts? */
static int took_irq(struct atxf_device *dev, const struct atxf_msg *msg)
{
	uint64_t bits;

	memcpy(&bits, msg->data, sizeof(bits));
	/* Doorbells and death notices wait for the loop (rings.c). */
	dev->core->held_bits |= bits & ~atxf__irq_bits(dev);
	bits &= atxf__irq_bits(dev);
	if (!bits)
		return 0;
	dev->core->count.irqs += bit_count(bits);
	/* Acked when the driver is done with the device (see notify.c). */
	dev->core->ack_owed |= bits;
	return 1;
}

static void hold(struct atxf_device *dev, const struct atxf_msg *msg)
{
	if (msg->type == ATXF_DRIVER_PING) {
		atxf__serve(dev, msg);
		return;
	}
	if (atxf__queue_push(dev, msg) < 0)
		atxf__refuse(dev, msg, -ATXF_EAGAIN);
}

static int wait_loop(struct atxf_device *dev, uint64_t deadline)
{
	struct atxf_msg msg;

	for (;;) {
		int err = atxf_recv(dev->core->port, &msg, time_left(deadline));

		/* A poll that finds nothing is the deadline passing. */
		if (err == -ATXF_EAGAIN)
			err = -ATXF_ETIMEDOUT;
		if (err < 0)
			return err;
		if (msg.type != ATXF_MSG_NOTIFY)
			hold(dev, &msg);
		else if (took_irq(dev, &msg))
			return 0;
	}
}

int atxf_device_wait_irq(struct atxf_device *dev, uint64_t timeout_ns)
{
	struct atxf_driver_core *core = dev->core;
	uint32_t state = core->state;
	int err;

	if (atxf__irq_bits(dev) == 0)
		return -ATXF_ENODEV;    /* no interrupt was granted: nothing to wait for */
	/* The previous wait's interrupt: the driver has dealt with the device since. */
	atxf__ack_owed(dev);
	core->state = ATXF_DRIVER_WAITING;
	err = wait_loop(dev, deadline_after(timeout_ns));
	core->state = state;
	return err;
}
