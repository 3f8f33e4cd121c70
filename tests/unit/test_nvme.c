/*
 * Host test of the nvme driver's device logic (drivers/storage/nvme:
 * nvme_ctrl.c, nvme_io.c, nvme_queue.c, nvme_prp.c) against a fake NVMe
 * controller (tests/unit/fake_nvme.c): bring-up, IDENTIFY, the queues the
 * controller grants, transfers through PRP lists, completion-queue phase
 * wrap, a lost completion found by the time limit and redone after a
 * reset, a controller fatal status, a completion naming no command, a
 * failed command, and the PRP rules themselves.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/errors.h>
#include <atxf/fake.h>
#include <atxf/hw.h>
#include "fake_nvme.h"
#include "nvme_io.h"
#include "nvme_prp.h"

static struct fake_nvme f;
static struct nvme_ctrl c;
static struct nvme_io io;
static uint8_t config[256];
static atxf_handle_t pci;
static struct atxf_dma data;            /* a client's buffer, as bus segments */

static struct { void *req; int status; uint32_t bytes; unsigned binding; unsigned n; } last;

static void done(void *req, void *owner, unsigned binding, int status, uint32_t bytes)
{
	(void)owner;
	last.req = req;
	last.status = status;
	last.bytes = bytes;
	last.binding = binding;
	last.n++;
}

static int setup(void **state)
{
	volatile uint8_t *regs;

	(void)state;
	atxf_fake_reset();
	memset(&last, 0, sizeof(last));
	regs = fake_nvme_add(&f);
	pci = atxf_fake_cap_pci(0x00a0, config, sizeof(config), NULL, NULL);
	if (nvme_ctrl_init(&c, regs, pci, 3) || nvme_ctrl_start(&c) || nvme_io_init(&io, &c))
		return -1;
	return atxf_dma_alloc(&c.tag, 256 * 1024, &data);
}

static int teardown(void **state)
{
	(void)state;
	nvme_ctrl_stop(&c);
	atxf_dma_free(&data);
	nvme_io_free(&io);
	nvme_ctrl_free(&c);
	return atxf_fake_dma_live() != 0 || atxf_fake_strays() != 0;
}

/* [off, off + len) of the data buffer as page-split segments, as Block DMA gives them. */
static unsigned segments(uint32_t off, uint32_t len, struct atxf_dma_seg *seg)
{
	uint64_t at = data.bus_addr + off, end = at + len;
	unsigned n = 0;

	while (at < end) {
		uint64_t stop = (at | 4095u) + 1u;

		seg[n].bus_addr = at;
		seg[n].len = (stop < end ? stop : end) - at;
		at += seg[n++].len;
	}
	return n;
}

static int rw(uint8_t op, uint64_t lba, uint32_t nlb, uint32_t off, void *req)
{
	static struct atxf_dma_seg seg[40];
	struct nvme_data d = { seg, segments(off, nlb * 512u, seg), nlb * 512u, NULL, 7 };

	return nvme_io_rw(&io, req, op, 1, lba, nlb, &d);
}

static uint8_t *buf(uint32_t off)
{
	return (uint8_t *)(uintptr_t)data.vaddr + off;
}

static void fill(uint8_t *p, uint32_t len, uint8_t seed)
{
	for (uint32_t i = 0; i < len; i++)
		p[i] = (uint8_t)(i * 7u + seed);
}

static void test_bring_up_identifies_controller_and_namespace(void **state)
{
	uint32_t nsid[4];
	struct nvme_ns_id id;

	(void)state;
	assert_string_equal(c.serial, "fake-serial");
	assert_string_equal(c.model, "Fake NVMe");
	assert_int_equal(c.nioq, FAKE_NVME_MAXQ);       /* asked 3, granted 2 */
	assert_int_equal(c.io_qd, 128);
	assert_int_equal(c.max_bytes, 4096u << FAKE_NVME_MDTS);
	assert_int_equal(c.vwc, 1);
	assert_int_equal(nvme_ctrl_namespaces(&c, nsid, 4), 1);
	assert_int_equal(nsid[0], 1);
	assert_int_equal(nvme_ctrl_identify_ns(&c, 1, &id), 0);
	assert_int_equal(id.blocks, FAKE_NVME_BLOCKS);
	assert_int_equal(id.block_size, 512);
	assert_int_equal(io.xfer_max, 131072);
}

static void test_128k_through_a_prp_list_lands_and_reads_back(void **state)
{
	int req;

	(void)state;
	fill(buf(512), 131072, 3);
	assert_int_equal(rw(NVME_CMD_WRITE, 100, 256, 512, &req), 0);
	nvme_io_complete(&io, 0, done);
	assert_int_equal(last.n, 1);
	assert_ptr_equal(last.req, &req);
	assert_int_equal(last.status, 0);
	assert_int_equal(last.bytes, 131072);
	assert_int_equal(last.binding, 7);
	assert_memory_equal(f.disk + 100 * 512, buf(512), 131072);
	assert_int_equal(f.prp_lists, 1);
	memset(buf(512), 0, 131072);
	assert_int_equal(rw(NVME_CMD_READ, 100, 256, 512, &req), 0);
	nvme_io_complete(&io, 1, done);                 /* round robin: queue 2 */
	assert_int_equal(last.n, 2);
	assert_memory_equal(f.disk + 100 * 512, buf(512), 131072);
}

static void test_completion_phase_wraps_over_many_commands(void **state)
{
	int req;

	(void)state;
	for (unsigned i = 0; i < 600; i++) {
		fill(buf(0), 512, (uint8_t)i);
		assert_int_equal(rw(NVME_CMD_WRITE, i % FAKE_NVME_BLOCKS, 1, 0, &req), 0);
		nvme_io_complete(&io, 0, done);
		nvme_io_complete(&io, 1, done);
		assert_int_equal(last.n, i + 1);
		assert_int_equal(last.status, 0);
	}
	assert_int_equal(f.commands, 600);
}

static void test_a_lost_completion_is_redone_after_a_reset(void **state)
{
	int req;

	(void)state;
	f.drop_writes = 1;
	fill(buf(0), 4096, 9);
	assert_int_equal(rw(NVME_CMD_WRITE, 8, 8, 0, &req), 0);
	nvme_io_complete(&io, 0, done);
	assert_int_equal(last.n, 0);
	assert_false(nvme_io_overdue(&io, atxf_time_ns()));
	atxf_fake_clock_advance(NVME_IO_NS + 1);
	assert_true(nvme_io_overdue(&io, atxf_time_ns()));
	memset(f.disk + 8 * 512, 0, 4096);
	assert_int_equal(nvme_ctrl_start(&c), 0);
	assert_int_equal(f.enables, 2);
	nvme_io_resubmit(&io);
	assert_int_equal(io.resubmitted, 1);
	nvme_io_complete(&io, 0, done);
	assert_int_equal(last.n, 1);
	assert_int_equal(last.status, 0);
	assert_memory_equal(f.disk + 8 * 512, buf(0), 4096);
	assert_false(nvme_io_overdue(&io, atxf_time_ns()));
}

static void test_fatal_status_is_seen_and_a_restart_clears_it(void **state)
{
	(void)state;
	assert_false(nvme_ctrl_failed(&c));
	f.csts |= NVME_CSTS_CFS;
	assert_true(nvme_ctrl_failed(&c));
	assert_int_equal(nvme_ctrl_start(&c), 0);
	assert_false(nvme_ctrl_failed(&c));
}

static void test_cancelled_command_gives_its_binding_back_only(void **state)
{
	int req;

	(void)state;
	f.drop_writes = 1;
	assert_int_equal(rw(NVME_CMD_WRITE, 0, 1, 0, &req), 0);
	nvme_io_forget(&io, &req);
	assert_int_equal(nvme_ctrl_start(&c), 0);
	nvme_io_resubmit(&io);
	nvme_io_complete(&io, 0, done);
	assert_int_equal(last.n, 1);
	assert_null(last.req);                          /* nobody answered */
	assert_int_equal(last.binding, 7);              /* but the bytes given back */
}

static void test_a_completion_naming_no_command_is_ignored(void **state)
{
	int req;

	(void)state;
	f.bad_cid = 40;                                 /* no command there */
	assert_int_equal(rw(NVME_CMD_READ, 0, 1, 0, &req), 0);
	nvme_io_complete(&io, 0, done);
	assert_int_equal(last.n, 1);
	assert_int_equal(io.strays, 1);
}

static void test_a_failed_command_is_an_io_error(void **state)
{
	int req;

	(void)state;
	assert_int_equal(rw(NVME_CMD_READ, FAKE_NVME_BLOCKS - 1, 2, 0, &req), 0);
	nvme_io_complete(&io, 0, done);
	assert_int_equal(last.status, -ATXF_EIO);
	assert_int_equal(last.bytes, 0);
}

static void test_bad_transfers_are_refused_before_the_device(void **state)
{
	struct atxf_dma_seg seg = { data.bus_addr + 2, 512 };
	struct nvme_data d = { &seg, 1, 512, NULL, 1 };
	int req;

	(void)state;
	assert_int_equal(nvme_io_rw(&io, &req, NVME_CMD_READ, 1, 0, 1, &d), -ATXF_EINVAL);
	seg.bus_addr = data.bus_addr;
	d.bytes = io.xfer_max + 512;
	assert_int_equal(nvme_io_rw(&io, &req, NVME_CMD_READ, 1, 0, 1, &d), -ATXF_EINVAL);
	assert_int_equal(f.commands, 0);
}

static void test_prp_rules(void **state)
{
	uint64_t list[NVME_PRP_LIST_MAX], p1, p2;
	struct atxf_dma_seg two[2] = { { 0x10000200, 0xe00 }, { 0x20000000, 0x200 } };
	struct atxf_dma_seg gap[2] = { { 0x10000000, 0x800 }, { 0x20000000, 0x800 } };
	struct atxf_dma_seg big = { 0x10000000, 4096u * (NVME_PRP_LIST_MAX + 2) };

	(void)state;
	assert_int_equal(nvme_prp_build(two, 1, 0x800, list, 0x9000, &p1, &p2), 0);
	assert_int_equal(p1, 0x10000200);
	assert_int_equal(p2, 0);                        /* one page: no PRP2 */
	assert_int_equal(nvme_prp_build(two, 2, 0x1000, list, 0x9000, &p1, &p2), 0);
	assert_int_equal(p2, 0x20000000);               /* two pages: PRP2 is the second */
	assert_int_equal(nvme_prp_build(gap, 2, 0x1000, list, 0x9000, &p1, &p2), -ATXF_EINVAL);
	assert_int_equal(nvme_prp_build(two, 2, 0x1001, list, 0x9000, &p1, &p2), -ATXF_EINVAL);
	assert_int_equal(nvme_prp_build(&big, 1, 4096u * 3, list, 0x9000, &p1, &p2), 0);
	assert_int_equal(p2, 0x9000);                   /* three: a list */
	assert_int_equal(list[0], 0x10001000);
	assert_int_equal(list[1], 0x10002000);
	assert_int_equal(nvme_prp_build(&big, 1, (uint32_t)big.len, list, 0x9000, &p1, &p2),
			 -ATXF_ERANGE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_bring_up_identifies_controller_and_namespace,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_128k_through_a_prp_list_lands_and_reads_back,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_completion_phase_wraps_over_many_commands,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_lost_completion_is_redone_after_a_reset,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_fatal_status_is_seen_and_a_restart_clears_it,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_cancelled_command_gives_its_binding_back_only,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_completion_naming_no_command_is_ignored,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_failed_command_is_an_io_error,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_transfers_are_refused_before_the_device,
						setup, teardown),
		cmocka_unit_test(test_prp_rules),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
