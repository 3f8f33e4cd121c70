/*
 * Host test of the ahci driver's device logic (drivers/storage/ahci:
 * hba.c, port.c, queue.c, recover.c) on a fake HBA that behaves as QEMU's
 * (fake_ahci.c). The test plays the framework's part: it records each
 * request's completion, and its block DMA maps the client buffers a case
 * took from client_buf() (device memory with bus addresses: the direct
 * path) and refuses every other (the bounce path).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/driver/block_dma.h>
#include <atxf/errors.h>
#include <atxf/fake.h>
#include "ahci.h"
#include "fake_ahci.h"

static struct fake_ahci f;
static struct ahci_hba hba;
static struct atxf_device disk_dev;
static uint8_t config[256];
static struct ahci_port *p;

/* ---- the framework's part */

#define MAX_REQS 64
static struct atxf_request reqs[MAX_REQS];
static int status_of[MAX_REQS];
static uint32_t len_of[MAX_REQS];
static unsigned completions;
static int dma_answer = -ATXF_EINVAL;
static char log_text[4096];

int atxf_request_complete(struct atxf_request *req, int status, uint32_t len)
{
	unsigned i = (unsigned)(req - reqs);

	assert_true(i < MAX_REQS);
	assert_int_equal(status_of[i], 1);           /* once, while pending */
	status_of[i] = status;
	len_of[i] = len;
	completions++;
	return 0;
}

/* Client buffers the device can reach: one fake DMA buffer, handed out in slices. */
#define CLIENT_BYTES (64 * 4096)
static struct atxf_dma client;
static size_t client_used;
static unsigned mappings;               /* given out and not yet put back */

static uint8_t *client_buf(size_t len)
{
	uint8_t *b;

	if (!client.vaddr)
		assert_int_equal(atxf_dma_alloc(&hba.tag, CLIENT_BYTES, &client), 0);
	assert_true(client_used + len <= CLIENT_BYTES);
	b = (uint8_t *)(uintptr_t)client.vaddr + client_used;
	client_used += (len + 511) / 512 * 512;
	return b;
}

int atxf_block_dma_get(struct atxf_device *dev, const void *buf, uint64_t len,
		       unsigned max_segs, struct atxf_block_sg *sg)
{
	uintptr_t at = (uintptr_t)buf, base = (uintptr_t)client.vaddr;

	(void)dev;
	if (dma_answer != -ATXF_EINVAL || !base || at < base || at + len > base + CLIENT_BYTES)
		return dma_answer;
	assert_true(max_segs >= 1);
	sg->nsegs = 1;
	sg->len = len;
	sg->seg[0] = (struct atxf_dma_seg){ .bus_addr = client.bus_addr + (at - base), .len = len };
	sg->binding = 1;
	mappings++;
	return 0;
}

void atxf_block_dma_put(struct atxf_device *dev, unsigned binding)
{
	(void)dev;
	assert_int_equal(binding, 1);
	assert_true(mappings > 0);
	mappings--;
}

void atxf_device_log(const struct atxf_device *dev, const char *fmt, ...)
{
	size_t n = strlen(log_text);
	va_list ap;

	(void)dev;
	va_start(ap, fmt);
	vsnprintf(log_text + n, sizeof(log_text) - n, fmt, ap);
	va_end(ap);
	n = strlen(log_text);
	if (n + 1 < sizeof(log_text))
		strcat(log_text, "\n");
}

/* ---- helpers */

static int setup(void **state)
{
	(void)state;
	atxf_fake_reset();
	memset(&f, 0, sizeof(f));
	memset(&hba, 0, sizeof(hba));
	memset(reqs, 0, sizeof(reqs));
	completions = 0;
	dma_answer = -ATXF_EINVAL;
	client = (struct atxf_dma){ 0 };        /* atxf_fake_reset() took the memory back */
	client_used = 0;
	mappings = 0;
	log_text[0] = '\0';
	f.present = true;
	f.sync = true;
	f.bad_sector = UINT64_MAX;
	hba.abar = fake_ahci_add(&f);
	assert_non_null(hba.abar);
	hba.tag = (struct atxf_dma_tag){ .pci = atxf_fake_cap_pci(0xfa, config, sizeof(config),
								   NULL, NULL), .addr_bits = 32 };
	assert_int_equal(ahci_hba_reset(&hba), 0);
	p = &hba.port[0];
	return 0;
}

static void bring_up(void)
{
	assert_int_equal(ahci_port_init(p), 0);
	p->dev = &disk_dev;
	f.sync = false;
}

static void submit(unsigned r, enum ahci_op op, uint64_t lba, uint32_t count, void *buf)
{
	struct ahci_io io = { .req = &reqs[r], .buf = buf, .lba = lba, .count = count,
			      .op = (uint8_t)op };

	status_of[r] = 1;                           /* pending */
	assert_int_equal(ahci_submit(p, &io), 0);
}

/* The device runs what was issued, then interrupts. */
static void device_turn(void)
{
	fake_ahci_run(&f);
	ahci_hba_irq(&hba);
}

static void fill(uint8_t *b, size_t n, uint8_t seed)
{
	for (size_t i = 0; i < n; i++)
		b[i] = (uint8_t)(seed + i * 7);
}

/* ---- cases */

static void test_bring_up_identifies_ncq_disk(void **state)
{
	(void)state;
	bring_up();
	assert_int_equal(p->id.sectors, FAKE_AHCI_SECTORS);
	assert_string_equal(p->id.model, "QEMU HARDDISK");
	assert_true(p->ncq);
	assert_int_equal(p->nslots, 32);
	assert_true(f.cmd & PX_CMD_ST);
	assert_true(f.cmd & PX_CMD_FRE);
	assert_int_equal(f.pie, PX_IE_USED);
}

static void test_empty_port_left_off(void **state)
{
	(void)state;
	f.present = false;
	assert_int_equal(ahci_port_init(p), -ATXF_ENODEV);
	assert_int_equal(atxf_fake_dma_live(), 0);
	assert_false(f.cmd & PX_CMD_ST);
}

static void test_queued_write_then_read(void **state)
{
	static uint8_t out[4096], in[4096];

	(void)state;
	bring_up();
	fill(out, sizeof(out), 3);
	submit(0, AHCI_OP_WRITE, 100, 8, out);
	assert_int_equal(f.sact, 1);                 /* FPDMA: PxSACT set before PxCI */
	device_turn();
	assert_int_equal(status_of[0], 0);
	assert_int_equal(len_of[0], 4096);
	assert_memory_equal(f.disk + 100 * 512, out, sizeof(out));
	submit(1, AHCI_OP_READ, 100, 8, in);
	device_turn();
	assert_int_equal(status_of[1], 0);
	assert_memory_equal(in, out, sizeof(in));
	assert_int_equal(f.ncq_cmds, 2);
	assert_int_equal(f.dma_cmds, 0);
}

/* FLUSH CACHE EXT is not queued: it waits for the FPDMA writes before it
 * and nothing joins it. */
static void test_flush_runs_alone(void **state)
{
	uint8_t *a, *b, *c;

	(void)state;
	bring_up();
	a = client_buf(512);
	b = client_buf(512);
	c = client_buf(512);
	submit(0, AHCI_OP_WRITE, 1, 1, a);
	submit(1, AHCI_OP_WRITE, 2, 1, b);
	submit(2, AHCI_OP_FLUSH, 0, 0, NULL);
	submit(3, AHCI_OP_WRITE, 3, 1, c);
	assert_int_equal(f.ci, 3);                   /* the flush waits */
	device_turn();
	assert_int_equal(completions, 2);
	assert_int_equal(__builtin_popcount(f.ci), 1);   /* the flush, alone */
	device_turn();
	assert_int_equal(status_of[2], 0);
	assert_int_equal(f.flushes, 1);
	device_turn();
	assert_int_equal(completions, 4);
}

static void test_more_requests_than_slots(void **state)
{
	uint8_t *buf[40];

	(void)state;
	bring_up();
	for (unsigned i = 0; i < 40; i++)
		buf[i] = client_buf(512);
	for (unsigned i = 0; i < 40; i++)
		submit(i, AHCI_OP_READ, i, 1, buf[i]);
	assert_int_equal(f.ci, 0xffffffff);
	assert_int_equal(p->qlen, 8);
	device_turn();
	assert_int_equal(completions, 32);
	device_turn();
	assert_int_equal(completions, 40);
	for (unsigned i = 0; i < 40; i++)
		assert_int_equal(status_of[i], 0);
	assert_int_equal(mappings, 0);
}

/* Buffers the HBA cannot reach share the port's one bounce buffer: each
 * bounced command waits for it, in order, and moves the right bytes, also
 * when a command is as large as the driver allows. */
static void test_bounced_commands_take_turns(void **state)
{
	static uint8_t big[AHCI_BOUNCE], small[2][512];

	(void)state;
	bring_up();
	fill(f.disk + 8 * 512, sizeof(big), 3);
	fill(small[1], 512, 5);
	submit(0, AHCI_OP_READ, 8, AHCI_MAX_SECTORS, big);
	submit(1, AHCI_OP_READ, 1, 1, small[0]);
	submit(2, AHCI_OP_WRITE, 2, 1, small[1]);
	assert_int_equal(__builtin_popcount(f.ci), 1);  /* one at a time */
	device_turn();
	assert_int_equal(status_of[0], 0);
	assert_memory_equal(big, f.disk + 8 * 512, sizeof(big));
	assert_int_equal(completions, 1);
	device_turn();
	assert_int_equal(completions, 2);
	device_turn();
	assert_int_equal(status_of[2], 0);
	assert_memory_equal(f.disk + 2 * 512, small[1], 512);
	assert_non_null(strstr(log_text, "through the port's bounce buffer"));
}

/* A queued read fails: the port is reset, the read runs again alone as
 * READ DMA EXT and fails again, alone: only it ends with EIO. The read
 * that finished beside it keeps its data; the port serves the next. */
static void test_error_recovered_on_the_port(void **state)
{
	uint8_t *bad, *good, *after;

	(void)state;
	bring_up();
	bad = client_buf(512);
	good = client_buf(512);
	after = client_buf(512);
	fill(f.disk + 300 * 512, 512, 9);
	f.bad_sector = 200;
	submit(0, AHCI_OP_READ, 200, 1, bad);
	submit(1, AHCI_OP_READ, 300, 1, good);
	device_turn();
	assert_int_equal(status_of[1], 0);
	assert_memory_equal(good, f.disk + 300 * 512, 512);
	assert_int_equal(status_of[0], 1);           /* still pending: retried alone */
	assert_int_equal(f.comresets, 1);
	assert_int_equal(f.sact, 0);                 /* not queued this time */
	device_turn();
	assert_int_equal(status_of[0], -ATXF_EIO);
	assert_int_equal(f.comresets, 2);
	assert_int_equal(f.dma_cmds, 1);
	assert_non_null(strstr(log_text, "port 0: task file error (status 0x41 DRDY ERR, "
				      "error 0x04 ABRT"));
	submit(2, AHCI_OP_READ, 300, 1, after);
	device_turn();
	assert_int_equal(status_of[2], 0);
}

/* The watchdog: a queued command the disk never finishes resets the
 * port and runs again alone, and succeeds. */
static void test_late_command_retried(void **state)
{
	static uint8_t buf[512];

	(void)state;
	bring_up();
	f.hang = true;
	submit(0, AHCI_OP_READ, 5, 1, buf);
	device_turn();
	ahci_watchdog(p, atxf_time_ns() + AHCI_CMD_NS / 2);
	assert_int_equal(f.comresets, 0);            /* not late yet */
	ahci_watchdog(p, atxf_time_ns() + AHCI_CMD_NS + 1);
	assert_int_equal(f.comresets, 1);
	assert_int_equal(status_of[0], 1);           /* issued again, alone */
	assert_int_equal(f.sact, 0);
	assert_int_equal(f.ci, 1);
	f.hang = false;
	device_turn();
	assert_int_equal(status_of[0], 0);
	assert_int_equal(f.dma_cmds, 1);
}

/* One that hangs again while alone is the culprit: EIO, and the port
 * serves the next request. */
static void test_command_late_alone_fails(void **state)
{
	static uint8_t buf[512];

	(void)state;
	bring_up();
	f.hang = true;
	submit(0, AHCI_OP_READ, 5, 1, buf);
	ahci_watchdog(p, atxf_time_ns() + AHCI_CMD_NS + 1);
	ahci_watchdog(p, atxf_time_ns() + AHCI_CMD_NS + 1);
	assert_int_equal(status_of[0], -ATXF_EIO);
	assert_int_equal(f.comresets, 2);
	assert_non_null(strstr(log_text, "port 0: command timed out"));
	f.hang = false;
	submit(1, AHCI_OP_READ, 5, 1, buf);
	device_turn();
	assert_int_equal(status_of[1], 0);
}

/* A request the framework ended (its client gone) while the disk still
 * ran it: the command ends quietly and the port goes on. */
static void test_cancelled_command_ends_quietly(void **state)
{
	static uint8_t buf[512];

	(void)state;
	bring_up();
	submit(0, AHCI_OP_READ, 5, 1, buf);
	ahci_forget(p, &reqs[0]);
	device_turn();
	assert_int_equal(status_of[0], 1);           /* never answered by the driver */
	assert_int_equal(p->busy, 0);
	submit(1, AHCI_OP_READ, 5, 1, buf);
	device_turn();
	assert_int_equal(status_of[1], 0);
}

/* A client that revoked its buffer: ESTALE, and the device never sees it. */
static void test_revoked_buffer_is_stale(void **state)
{
	static uint8_t buf[512];

	(void)state;
	bring_up();
	dma_answer = -ATXF_ESTALE;
	submit(0, AHCI_OP_READ, 5, 1, buf);
	assert_int_equal(status_of[0], -ATXF_ESTALE);
	assert_int_equal(f.ci, 0);
	assert_int_equal(p->busy, 0);
}

/* A client gone while its write is queued: it never reaches the disk. */
static void test_forgotten_request_dropped(void **state)
{
	static uint8_t buf[512];

	(void)state;
	bring_up();
	submit(0, AHCI_OP_FLUSH, 0, 0, NULL);
	submit(1, AHCI_OP_WRITE, 7, 1, buf);
	ahci_forget(p, &reqs[1]);
	device_turn();
	device_turn();
	assert_int_equal(status_of[0], 0);
	assert_int_equal(status_of[1], 1);
	assert_int_equal(f.ncq_cmds, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_bring_up_identifies_ncq_disk, setup),
		cmocka_unit_test_setup(test_empty_port_left_off, setup),
		cmocka_unit_test_setup(test_queued_write_then_read, setup),
		cmocka_unit_test_setup(test_flush_runs_alone, setup),
		cmocka_unit_test_setup(test_more_requests_than_slots, setup),
		cmocka_unit_test_setup(test_bounced_commands_take_turns, setup),
		cmocka_unit_test_setup(test_error_recovered_on_the_port, setup),
		cmocka_unit_test_setup(test_late_command_retried, setup),
		cmocka_unit_test_setup(test_command_late_alone_fails, setup),
		cmocka_unit_test_setup(test_cancelled_command_ends_quietly, setup),
		cmocka_unit_test_setup(test_revoked_buffer_is_stale, setup),
		cmocka_unit_test_setup(test_forgotten_request_dropped, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
