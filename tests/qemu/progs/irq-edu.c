/*
 * irq-edu.atxf: interrupts from QEMU's edu device to a user program.
 *
 *   irq-edu.atxf [N]           (N interrupts, default 10; QEMU -device edu)
 *   start line: `with mmio:BAR0+0x100000:rw irq:GSI:r` (or msi:BB:DD.F:r),
 *   in any order: the program finds both handles by SYS_CAP_QUERY.
 *
 * Binds the IRQ to bit 3 of its own port, then raises N interrupts one at
 * a time (edu register 0x60) and counts the notifications. The first
 * round also checks the masking: it raises a second interrupt before
 * acking and must see no notification for it until it acks the line
 * (SYS_IRQ_ACK), which it does with the device's status still holding the
 * second value, so the line is asserted again at once. At the end no
 * notification may be left over. Output:
 *   irq-edu: edu id 0xID at 0xADDR, irq handle H bound to bit 3
 *   irq-edu: N interrupts, N notifications, masked until ack: yes
 * (N counts the extra interrupt of the masking check.) Exit 0 when the
 * counts agree and the line stayed masked, 1 otherwise.
 */
#include <stdint.h>
#include <stdlib.h>
#include <atxf/hw.h>
#include <atxf/log.h>
#include <atxf/port.h>
#include <atxf/proc.h>
#include <atxf/sys.h>
#include "caps.h"
#include "edu.h"

#define BIT        3
#define WAIT_NS    1000000000ull        /* an interrupt that takes longer is lost */
#define QUIET_NS   50000000ull          /* how long "no notification" is watched */

static volatile uint8_t *regs;
static atxf_handle_t irq, port;
static unsigned raised, notified;

static int fail(const char *what, int err)
{
	atxf_log("irq-edu: FAIL: %s: %s\n", what, atxf_strerror(err));
	return 1;
}

static void raise_irq(uint32_t value)
{
	atxf_mmio_write32(regs + EDU_IRQ_RAISE, value);
	raised++;
}

/* Waits up to timeout for our bit: 1 if it came (counted), 0 if not. */
static int notification(uint64_t timeout_ns)
{
	struct atxf_msg m;
	uint64_t bits = 0;

	if (atxf_recv(port, &m, timeout_ns) < 0 || m.type != ATXF_MSG_NOTIFY)
		return 0;
	atxf_msg_get(&m, 0, &bits, sizeof(bits));
	if (!(bits & (1ull << BIT)))
		return 0;
	notified++;
	return 1;
}

/* Device first (the line drops when its status is 0), then the kernel. */
static void ack(uint32_t value)
{
	atxf_mmio_write32(regs + EDU_IRQ_ACK, value);
	atxf_irq_ack(irq);
}

/* One interrupt raised while the line is masked must wait for the ack. */
static int masked_until_ack(void)
{
	int quiet, after;

	raise_irq(0x100);
	quiet = !notification(QUIET_NS);
	atxf_mmio_write32(regs + EDU_IRQ_ACK, 0x1);     /* 0x100 still pending */
	atxf_irq_ack(irq);
	after = notification(WAIT_NS);
	ack(0x100);
	return quiet && after;
}

static int setup(void)
{
	struct atxf_cap_info info;
	atxf_handle_t mmio = given_cap(ATXF_CAP_MMIO, &info);
	uint32_t id;
	int err;

	irq = given_cap(ATXF_CAP_IRQ, &info);
	if (mmio < 0 || irq < 0)
		return fail("no MMIO or no IRQ capability from init", -ATXF_EPERM);
	regs = atxf_mmio_map(mmio, 0, EDU_MAP_SIZE);
	if (!regs)
		return fail("mapping BAR0", -ATXF_ENOMEM);
	id = atxf_mmio_read32(regs + EDU_ID);
	if ((id & EDU_ID_MASK) != EDU_ID_VALUE)
		return fail("not an edu device at that address", -ATXF_ENODEV);
	port = atxf_port_create();
	if (port < 0)
		return fail("creating a port", port);
	err = atxf_irq_bind(irq, port, BIT);
	if (err < 0)
		return fail("binding the IRQ", err);
	atxf_log("irq-edu: edu id 0x%08x at %p, irq handle %d bound to bit %d\n", id,
		 (void *)regs, irq, BIT);
	return 0;
}

int main(int argc, char **argv)
{
	unsigned n = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 0) : 10;
	int masked = 0;

	if (setup())
		return 1;
	for (unsigned i = 0; i < n; i++) {
		raise_irq(0x1);
		if (!notification(WAIT_NS))
			atxf_log("irq-edu: interrupt %u: no notification within 1 s\n", i + 1);
		if (i == 0)
			masked = masked_until_ack();
		else
			ack(0x1);
	}
	if (notification(QUIET_NS))
		atxf_log("irq-edu: a notification was left over\n");
	atxf_log("irq-edu: %u interrupts, %u notifications, masked until ack: %s\n", raised,
		 notified, masked ? "yes" : "no");
	return raised == notified && masked ? 0 : 1;
}
