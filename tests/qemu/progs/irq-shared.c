/*
 * irq-shared.atxf: two processes sharing one level-triggered PCI INTx line
 * (docs/syscalls.md SYS_REGISTER_IRQ_HANDLER: each handler is notified,
 * the line stays masked until all have acked). QEMU: two `edu` devices
 * whose INTA# reach the same GSI.
 *
 *   irq-shared.atxf A|B [N]    (N plain rounds per device, default 3)
 *   start line: `with mmio:BAR0+0x100000:rw irq:GSI:r`, each instance its
 *   own edu device's BAR0, both the same GSI.
 *
 * Each instance binds the line to bit 3 of a port of its own and
 * registers a second port as "irq-shared-A" or "-B" to talk to the other.
 * B says READY once bound. Then A raises on its device and B raises
 * nothing (phase 1), then the roles swap (phase 2). Every notification is
 * classified by reading the instance's own device's status register:
 * nonzero is "mine" (acknowledged on the device, then SYS_IRQ_ACK), zero
 * is the other's (SYS_IRQ_ACK only). A phase is N plain rounds (raiser
 * raises once, both take one notification and ack, the other says ACKED)
 * and one masking round: the raiser raises, handles and acks, and raises
 * again while the other still holds its notification unacked. The raiser
 * must see no notification for QUIET_NS; it then says ACK_NOW, the other
 * must have had no further notification while holding the line, acks, and
 * then both get the pending interrupt. At the end no notification may be
 * left over; A waits for B to end so the log's order is fixed. Output:
 *   irq-shared X: edu id 0xID at 0xBAR0, irq handle H (GSI G) bound to bit 3
 *   irq-shared X: phase 1, A raises: K notifications, M mine, O others'; masked until both acked: yes
 *   irq-shared X: phase 2, B raises: (the same)
 *   irq-shared X: T notifications, M mine, O others'; masked until both acked: yes
 * with K = N + 2 per phase (all mine for the raiser, all others' for the
 * other) and T = 2 (N + 2), M = O = N + 2 overall. Exit 0 when every check holds, 1
 * otherwise; each failed check prints `irq-shared X: FAIL: why`.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <atxf/hw.h>
#include <atxf/log.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/proc.h>
#include <atxf/sys.h>
#include "caps.h"
#include "edu.h"

#define BIT        3
#define WAIT_NS    1000000000ull        /* a notification or message later than this is lost */
#define QUIET_NS   50000000ull          /* how long "no notification" is watched */
#define LOOKUP_NS  5000000000ull
#define POLL_NS    5000000ull

#define READY   ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 1)   /* B is bound */
#define ACKED   ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 2)   /* other: acked this round */
#define ACK_NOW ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 3)   /* raiser: ack the held one */

static char me;                         /* 'A' or 'B' */
static volatile uint8_t *regs;          /* own edu device's BAR0 */
static atxf_handle_t irq, irqport;      /* the shared line, bound to irqport's bit */
static atxf_handle_t ctl, peer;         /* own message port, send right to the other's */
static unsigned notified, mine, others;
static int failed;

static void check(int ok, const char *why)
{
	if (!ok) {
		atxf_log("irq-shared %c: FAIL: %s\n", me, why);
		failed = 1;
	}
}

static int fatal(const char *what, int err)
{
	atxf_log("irq-shared %c: FAIL: %s: %s\n", me, what, atxf_strerror(err));
	return 1;
}

static int say(uint32_t type)
{
	struct atxf_msg m;
	int err;

	atxf_msg_init(&m, type);
	err = atxf_send(peer, &m, 0);
	return err < 0 ? fatal("sending to the other instance", err), err : 0;
}

/* Waits for the other's message of this type: 0, or -1 (reported). */
static int hear(uint32_t type)
{
	struct atxf_msg m;
	int err = atxf_recv(ctl, &m, WAIT_NS);

	if (err < 0)
		return fatal("no message from the other instance", err), -1;
	if (m.type != type) {
		atxf_log("irq-shared %c: FAIL: message 0x%x, expected 0x%x\n", me, m.type, type);
		return -1;
	}
	return 0;
}

/*
 * Waits up to timeout for a notification: 1 if one came, 0 if not. Reads
 * the own device's status: nonzero is ours (acknowledged on the device,
 * so the line drops), zero the other's. Acks the kernel when told to.
 */
static int take(int expect_mine, uint64_t timeout_ns, int ack)
{
	struct atxf_msg m;
	uint64_t bits = 0;
	uint32_t status;

	if (atxf_recv(irqport, &m, timeout_ns) < 0 || m.type != ATXF_MSG_NOTIFY)
		return 0;
	atxf_msg_get(&m, 0, &bits, sizeof(bits));
	if (!(bits & (1ull << BIT)))
		return 0;
	notified++;
	status = atxf_mmio_read32(regs + EDU_IRQ_STATUS);
	if (status) {
		mine++;
		atxf_mmio_write32(regs + EDU_IRQ_ACK, status);
	} else {
		others++;
	}
	check(!!status == expect_mine, expect_mine ? "a notification for my interrupt "
	      "found my status 0" : "my status was set on the other's interrupt");
	if (ack)
		atxf_irq_ack(irq);
	return 1;
}

static void raise_irq(uint32_t value)
{
	atxf_mmio_write32(regs + EDU_IRQ_RAISE, value);
}

/* Raiser's masking round: 1 if the second raise waited for the other's ack. */
static int masked_as_raiser(void)
{
	int early, after = 0;

	raise_irq(0x1);
	check(take(1, WAIT_NS, 1), "no notification within 1 s (masking round)");
	raise_irq(0x2);                         /* the other still holds the line */
	early = take(1, QUIET_NS, 1);
	check(!early, "notified again before the other acked");
	if (say(ACK_NOW) < 0)
		return 0;
	if (!early)
		after = take(1, WAIT_NS, 1);
	check(early || after, "the pending interrupt never came after the other acked");
	return hear(ACKED) == 0 && !early && after;
}

/* The other's masking round: 1 if nothing came while it held the line. */
static int masked_as_other(void)
{
	int early, after = 0;

	check(take(0, WAIT_NS, 0), "no notification within 1 s (masking round)");
	if (hear(ACK_NOW))
		return 0;
	early = take(0, ATXF_TIMEOUT_NONE, 1);  /* delivered while unacked? */
	check(!early, "notified again while I had not acked");
	if (!early) {
		atxf_irq_ack(irq);
		after = take(0, WAIT_NS, 1);
	}
	check(early || after, "the pending interrupt never came after my ack");
	return say(ACKED) == 0 && !early && after;
}

/* One phase: n plain rounds, then the masking round. 1 if it was masked. */
static int phase(int raiser, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		if (raiser) {
			raise_irq(0x1);
			check(take(1, WAIT_NS, 1), "no notification within 1 s");
			if (hear(ACKED))
				return 0;
		} else {
			check(take(0, WAIT_NS, 1), "no notification within 1 s");
			if (say(ACKED) < 0)
				return 0;
		}
	}
	return raiser ? masked_as_raiser() : masked_as_other();
}

/* Runs phase p (raiser raises) and says how it went: 1 if it was masked. */
static int report(int p, char raiser, unsigned n)
{
	unsigned n0 = notified, m0 = mine;
	int masked = phase(me == raiser, n);
	unsigned got = notified - n0, got_mine = mine - m0;

	atxf_log("irq-shared %c: phase %d, %c raises: %u notifications, %u mine, %u others'; "
		 "masked until both acked: %s\n", me, p, raiser, got, got_mine, got - got_mine,
		 masked ? "yes" : "no");
	return masked;
}

static int setup(void)
{
	struct atxf_cap_info info, bar;
	atxf_handle_t mmio = given_cap(ATXF_CAP_MMIO, &bar);
	char name[] = "irq-shared-A", other[] = "irq-shared-B";
	uint32_t id;
	int err;

	irq = given_cap(ATXF_CAP_IRQ, &info);
	if (mmio < 0 || irq < 0)
		return fatal("no MMIO or no IRQ capability from init", -ATXF_EPERM);
	regs = atxf_mmio_map(mmio, 0, EDU_MAP_SIZE);
	if (!regs)
		return fatal("mapping BAR0", -ATXF_ENOMEM);
	id = atxf_mmio_read32(regs + EDU_ID);
	if ((id & EDU_ID_MASK) != EDU_ID_VALUE)
		return fatal("not an edu device at that address", -ATXF_ENODEV);
	irqport = atxf_port_create();
	ctl = atxf_port_create();
	if (irqport < 0 || ctl < 0)
		return fatal("creating ports", irqport < 0 ? irqport : ctl);
	err = atxf_irq_bind(irq, irqport, BIT);
	if (err < 0)
		return fatal("binding the IRQ", err);
	atxf_log("irq-shared %c: edu id 0x%08x at 0x%llx, irq handle %d (GSI %llu) bound to bit %d\n",
		 me, id, (unsigned long long)bar.base, irq, (unsigned long long)info.base, BIT);
	name[11] = me;
	other[11] = me == 'A' ? 'B' : 'A';
	err = atxf_name_register(name, ctl);
	if (err < 0)
		return fatal("registering my port", err);
	peer = atxf_name_lookup(other, LOOKUP_NS);
	if (peer < 0)
		return fatal("looking up the other instance", peer);
	/* A raises first: only once B is bound. */
	if (me == 'A')
		return hear(READY) ? 1 : 0;
	return say(READY) < 0;
}

/* A ends last: it waits for B to end (its port answers EPEER), then a few
 * of init's reap periods so B's exit is logged first. */
static void outlive_b(void)
{
	for (uint64_t t = 0; t < WAIT_NS && atxf_notify(peer, 0) != -ATXF_EPEER; t += POLL_NS)
		atxf_sleep_ns(POLL_NS);
	atxf_sleep_ns(QUIET_NS);
}

int main(int argc, char **argv)
{
	unsigned n = argc > 2 ? (unsigned)strtoul(argv[2], NULL, 0) : 3;
	int masked;

	if (argc < 2 || (strcmp(argv[1], "A") && strcmp(argv[1], "B"))) {
		atxf_log("irq-shared: usage: irq-shared.atxf A|B [N]\n");
		return 2;
	}
	me = argv[1][0];
	if (setup())
		return 1;
	masked = report(1, 'A', n);
	masked &= report(2, 'B', n);
	check(!take(0, QUIET_NS, 1), "a notification was left over");
	check(notified == 2 * (n + 2) && mine == n + 2 && others == n + 2,
	      "counts differ from one notification per interrupt in both holders");
	if (me == 'A')
		outlive_b();
	atxf_log("irq-shared %c: %u notifications, %u mine, %u others'; masked until both "
		 "acked: %s\n", me, notified, mine, others, masked ? "yes" : "no");
	return failed || !masked ? 1 : 0;
}
