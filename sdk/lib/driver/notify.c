/*
 * Notifications and time: interrupt n arrives as bit n of a notification
 * on the service port and goes to .irq, then is acked (unmasked); the
 * receive timeout drives .timer every timer_ms.
 */
#include <atxf/hw.h>
#include <atxf/port.h>
#include "core.h"

uint64_t atxf__irq_bits(const struct atxf_device *dev)
{
	return dev->core->nirqs ? (1ull << dev->core->nirqs) - 1 : 0;
}

static void ack(struct atxf_device *dev, unsigned n)
{
	atxf_irq_ack(dev->core->irq_handle[n]);
}

/* A caller gave up: which call, of which device, is found by probing. */
static void calls_gone_of(struct atxf_device *dev)
{
	unsigned n = atxf__device_count();

	if (n == 0 || dev != atxf__device_at(0)) {
		atxf__calls_gone(dev);  /* a device outside the table (host tests) */
		return;
	}
	for (unsigned i = 0; i < n; i++)
		atxf__calls_gone(atxf__device_at(i));
}

void atxf__notified(struct atxf_device *dev, uint64_t bits)
{
	struct atxf_driver_core *core = dev->core;

	for (unsigned n = 0; n < core->nirqs; n++) {
		if (!(bits & (1ull << n)))
			continue;
		core->count.irqs++;
		if (dev->driver->irq)
			dev->driver->irq(dev, n);
		/* After the callback: the device has dropped its line by now. */
		ack(dev, n);
	}
	atxf__ack_owed(dev);
	atxf__input_flush(dev);
	if (bits & (1ull << ATXF_DRIVER_CALL_GONE_BIT))
		calls_gone_of(dev);
	atxf__rings_notified(dev, bits & ~atxf__irq_bits(dev));
}

/* Interrupts taken by atxf_device_wait_irq() are acked once the driver is done. */
void atxf__ack_owed(struct atxf_device *dev)
{
	struct atxf_driver_core *core = dev->core;

	for (unsigned n = 0; n < core->nirqs; n++)
		if (core->ack_owed & (1ull << n))
			ack(dev, n);
	core->ack_owed = 0;
}

static uint64_t period_ns(const struct atxf_device *dev)
{
	return (uint64_t)dev->driver->timer_ms * 1000000u;
}

static int has_timer(const struct atxf_device *dev)
{
	return dev->driver->timer && dev->driver->timer_ms > 0;
}

void atxf__timer_start(struct atxf_device *dev)
{
	if (has_timer(dev))
		dev->core->timer_next_ns = atxf_time_ns() + period_ns(dev);
}

/* How long the loop may wait for a message before .timer is due, or
 * before held events are offered again. */
uint64_t atxf__timer_wait_ns(struct atxf_device *dev)
{
	uint64_t now, wait = ATXF_TIMEOUT_FOREVER;

	if (has_timer(dev)) {
		now = atxf_time_ns();
		wait = dev->core->timer_next_ns > now ? dev->core->timer_next_ns - now
						      : ATXF_TIMEOUT_NONE;
	}
	if (atxf__backlog_pending(dev) && wait > ATXF_DRIVER_RETRY_NS)
		wait = ATXF_DRIVER_RETRY_NS;
	now = atxf__requests_wait_ns(dev);
	return now < wait ? now : wait;
}

void atxf__timer_check(struct atxf_device *dev)
{
	struct atxf_driver_core *core = dev->core;
	uint64_t now;

	if (!has_timer(dev))
		return;
	now = atxf_time_ns();
	if (now < core->timer_next_ns)
		return;
	dev->driver->timer(dev);
	/* Ticks missed while busy are skipped, not run in a burst. */
	core->timer_next_ns += period_ns(dev);
	if (core->timer_next_ns <= now)
		core->timer_next_ns = now + period_ns(dev);
	atxf__ack_owed(dev);
	atxf__input_flush(dev);
}
