/*
 * The ring tests' fixture (test_driver_ringfix.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <cmocka.h>
#include <atxf/driver.h>
#include <atxf/fake.h>
#include <atxf/port.h>
#include <atxf/ring.h>
#include "core.h"
#include "test_driver_ports.h"
#include "test_driver_ringfix.h"
#include "test_driver_util.h"

struct ringfix_driver drv;

uint8_t pattern(uint64_t sector, uint32_t i)
{
	return (uint8_t)(sector * 7 + i / 3);
}

void fill(uint64_t sector, uint32_t count, uint8_t *buf)
{
	for (uint32_t s = 0; s < count; s++)
		for (uint32_t i = 0; i < SECTOR; i++)
			buf[s * SECTOR + i] = pattern(sector + s, i);
}

/* A deferred read keeps where to put the data: fills it when "the IRQ" comes. */
struct held_read {
	uint64_t sector;
	uint32_t count;
	uint8_t *buf;
};
static struct held_read held_io[ATXF_DRIVER_MAX_REQUESTS];

static int tread(struct atxf_device *dev, uint64_t sector, uint32_t count, void *buf)
{
	struct atxf_request *r;

	drv.reads++;
	if (!drv.defer) {
		fill(sector, count, buf);
		return 0;
	}
	r = atxf_request_current(dev);
	if (!r)
		return -ATXF_EAGAIN;
	held_io[drv.nheld] = (struct held_read){ sector, count, buf };
	r->priv = &held_io[drv.nheld];
	drv.held[drv.nheld++] = r;
	return ATXF_PENDING;
}

static void tcancel(struct atxf_device *dev, struct atxf_request *req, int why)
{
	(void)dev;
	drv.cancels++;
	drv.last_why = why;
	for (unsigned i = 0; i < drv.nheld; i++)
		if (drv.held[i] == req)
			drv.held[i] = NULL;
}

/* "The interrupt": completes held request i (the data first). */
int finish_held(unsigned i)
{
	struct held_read *h = drv.held[i]->priv;
	int err;

	fill(h->sector, h->count, h->buf);
	err = atxf_request_complete(drv.held[i], 0, h->count * SECTOR);
	drv.held[i] = NULL;
	return err;
}

static const struct atxf_driver tdrv = {
	.name = "rings", .block = { .read = tread }, .cancel = tcancel,
};

struct tdev t;

/* ---- a client: its region, its port, its side of the ring ---- */


void setup_device(void)
{
	tport_reset();
	memset(&drv, 0, sizeof(drv));
	tdev_init(&t, ATXF_CLASS_BLOCK, &tdrv);
	t.dev.info.block = (struct atxf_block_info){ .sector_size = SECTOR, .sectors = SECTORS };
}

/* ATTACH_RING through the framework's serve path: the reply's status. */
int attach(struct client *c, uint32_t pid, uint32_t entries, uint32_t data)
{
	struct atxf_ring_attach a = { .signal_bits = SIGNAL };
	struct atxf_ring_attach_reply ar;
	struct atxf_msg *req;
	atxf_handle_t shm;
	unsigned before = tport.nreplies;

	memset(c, 0, sizeof(*c));
	c->pid = pid;
	c->size = atxf_ring_region_size(entries, data);
	shm = tport_shm(c->size, &c->mem);
	assert_int_equal(atxf_ring_format(c->mem, c->size, entries), 0);
	c->port = tport_client_port();
	req = tport_push_request(ATXF_BLOCK_ATTACH_RING, pid, &a, sizeof(a), 0x1000 + pid);
	req->ncaps = 2;
	req->caps[0] = shm;
	req->caps[1] = c->port;
	tport.in_count--;       /* served here, not through atxf_recv */
	atxf__serve(&t.dev, req);
	assert_int_equal(tport.nreplies, before + 1);
	if (tport.replies[before].msg.type != 0)
		return (int)tport.replies[before].msg.type;
	memcpy(&ar, tport.replies[before].msg.data, sizeof(ar));
	c->doorbell = ar.doorbell;
	assert_int_equal(ar.entries, entries);
	/* The client rings the driver's port with the bits it was given. */
	assert_int_equal(atxf_ring_client_attach(&c->ring, c->mem, c->size, t.core.port,
						 ar.doorbell), 0);
	return 0;
}

/* The loop's turn for a notification: what receive_one does. */
void loop_turn(uint64_t bits)
{
	atxf__notified(&t.dev, bits);
	atxf__rings_flush(&t.dev);
}

void ring_doorbell(struct client *c)
{
	loop_turn(c->doorbell);
}

struct atxf_ring_desc rd(uint32_t id, uint16_t op, uint64_t sector, uint32_t off,
				uint32_t len)
{
	return (struct atxf_ring_desc){ .id = id, .opcode = op, .arg = sector, .offset = off,
					.length = len };
}

void submit_read(struct client *c, uint32_t id, uint64_t sector, uint32_t slot)
{
	struct atxf_ring_desc d = rd(id, ATXF_BLOCK_OP_READ, sector, slot * SECTOR, SECTOR);

	assert_int_equal(atxf_ring_submit(&c->ring, &d), 0);
}

/* One read submitted, shown and its doorbell served: the common step. */
void read_now(struct client *c, uint32_t id, uint64_t sector, uint32_t slot)
{
	submit_read(c, id, sector, slot);
	atxf_ring_kick(&c->ring);
	ring_doorbell(c);
}

/* One client of a deferring (or not) device, its ring of entries. */
void one_client(struct client *c, uint32_t entries, int defer)
{
	setup_device();
	drv.defer = defer;
	assert_int_equal(attach(c, TDEV_CLIENT, entries, entries * SECTOR), 0);
}

/* Two clients of a deferring (or not) device, rings of entries each. */
void two_clients(struct client *a, struct client *b, uint32_t entries, int defer)
{
	setup_device();
	drv.defer = defer;
	assert_int_equal(attach(a, TDEV_CLIENT, entries, entries * SECTOR), 0);
	assert_int_equal(attach(b, TDEV_CLIENT + 1, entries, entries * SECTOR), 0);
}

/* Completion signals sent to c's port so far. */
unsigned signals(const struct client *c)
{
	unsigned n = 0;

	for (unsigned i = 0; i < tport.nnotifies; i++)
		if (tport.notifies[i].port == c->port && tport.notifies[i].bits == SIGNAL)
			n++;
	return n;
}

/* Reaps every completion; checks each read's data against its sector. */
unsigned reap_check(struct client *c, uint64_t sector_of_id_base, uint32_t entries)
{
	struct atxf_ring_desc d;
	unsigned n = 0;

	while (atxf_ring_reap(&c->ring, &d) == 1) {
		uint32_t slot = d.id % entries;
		const uint8_t *buf = atxf_ring_data(&c->ring, slot * SECTOR, SECTOR);
		uint8_t want[SECTOR];

		assert_int_equal(d.status, 0);
		assert_int_equal(d.length, SECTOR);
		fill(sector_of_id_base + d.id, 1, want);
		assert_memory_equal(buf, want, SECTOR);
		n++;
	}
	return n;
}
