/*
 * Host tests of the virtio library's split virtqueues (sdk/lib/virtio:
 * virtq_add.c, virtq_kick.c, virtq_used.c) against the fake virtio
 * device (<atxf/fake_virtio.h>): descriptor chains and indirect tables,
 * full and empty rings, wrap-around, batching, notification and interrupt
 * suppression by event index and by flags, and a hostile device (a used
 * id out of range or not in flight, a length past the chain, a used index
 * run ahead): each refused, and the queue usable again after a reset.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/errors.h>
#include <atxf/fake.h>
#include "test_virtio_util.h"

static int token_a, token_b;

static void test_one_buffer_goes_round(void **state)
{
	uint8_t *mem, seed = 0x40;
	struct atxf_virtq_buf b;
	void *tok = NULL;
	uint32_t len = 0;

	(void)state;
	bring_up(8);
	b = dma_buf(16, &mem);
	assert_int_equal(atxf_virtq_get(&q, &tok, &len), -ATXF_EAGAIN);     /* empty */
	assert_int_equal(atxf_virtq_add(&q, &b, 0, 1, &token_a), 0);
	assert_int_equal(atxf_virtq_in_flight(&q), 1);
	assert_int_equal(atxf_virtq_kick(&q), 1);
	assert_int_equal(dev.q[0].notifies, 1);
	assert_int_equal(atxf_fake_virtio_fill(&dev, 0, &seed), 1);
	assert_int_equal(atxf_virtq_get(&q, &tok, &len), 0);
	assert_ptr_equal(tok, &token_a);
	assert_int_equal(len, 16);
	assert_int_equal(mem[0], 0x40);
	assert_int_equal(mem[15], 0x4f);
	assert_int_equal(atxf_virtq_in_flight(&q), 0);
	assert_int_equal(q.nfree, 8);
	/* The queue's vector fired: event index asked for the first used entry. */
	assert_int_equal(dev.interrupts[1], 1);
	assert_int_equal(atxf_fake_strays(), 0);
}

static void test_a_chain_takes_one_slot_through_an_indirect_table(void **state)
{
	struct atxf_virtq_buf b[3];
	struct atxf_fake_virtio_chain c;
	uint8_t *hdr;

	(void)state;
	bring_up(8);
	b[0] = dma_buf(4, &hdr);                /* device-readable: a request header */
	memcpy(hdr, "REQ!", 4);
	b[1] = dma_buf(100, NULL);
	b[2] = dma_buf(1, NULL);
	assert_int_equal(atxf_virtq_add(&q, b, 1, 2, &token_a), 0);
	assert_int_equal(q.nfree, 7);           /* one descriptor of the ring */
	assert_int_equal(atxf_fake_virtio_pop(&dev, 0, &c), 0);
	assert_true(c.indirect);
	assert_int_equal(c.nseg, 3);
	assert_false(c.seg[0].write);
	assert_memory_equal(c.seg[0].mem, "REQ!", 4);
	assert_true(c.seg[1].write && c.seg[2].write);
	assert_int_equal(c.writable, 101);
	atxf_fake_virtio_push(&dev, 0, c.head, 101);
	void *tok;
	uint32_t len;

	assert_int_equal(atxf_virtq_get(&q, &tok, &len), 0);
	assert_int_equal(len, 101);
	assert_int_equal(q.nfree, 8);
}

static void test_without_indirect_a_chain_is_linked_descriptors(void **state)
{
	struct atxf_virtq_buf b[3];
	struct atxf_fake_virtio_chain c;
	void *tok;
	uint32_t len;

	(void)state;
	dev.offered &= ~VIRTIO_FEATURE(VIRTIO_F_INDIRECT_DESC);
	bring_up(4);
	for (int i = 0; i < 3; i++)
		b[i] = dma_buf(8, NULL);
	assert_int_equal(atxf_virtq_add(&q, b, 2, 1, &token_a), 0);
	assert_int_equal(q.nfree, 1);
	/* Three more need three descriptors: only one is left. */
	assert_int_equal(atxf_virtq_add(&q, b, 2, 1, &token_b), -ATXF_ENOSPC);
	assert_int_equal(atxf_fake_virtio_pop(&dev, 0, &c), 0);
	assert_false(c.indirect);
	assert_int_equal(c.nseg, 3);
	assert_int_equal(c.writable, 8);
	atxf_fake_virtio_push(&dev, 0, c.head, 8);
	assert_int_equal(atxf_virtq_get(&q, &tok, &len), 0);
	assert_int_equal(q.nfree, 4);           /* the whole chain came back */
	assert_int_equal(atxf_virtq_add(&q, b, 2, 1, &token_b), 0);
	/* A chain longer than the ring can never fit. */
	struct atxf_virtq_buf many[5] = { b[0], b[0], b[0], b[0], b[0] };

	assert_int_equal(atxf_virtq_add(&q, many, 0, 5, &token_b), -ATXF_EINVAL);
	assert_non_null(strstr(atxf_virtio_error(&vd), "a chain of 5 buffers (at most 4)"));
}

static void test_full_ring_then_wrap_around(void **state)
{
	struct atxf_virtq_buf b;
	uint8_t seed = 0;
	void *tok;
	uint32_t len;

	(void)state;
	bring_up(4);
	b = dma_buf(8, NULL);
	for (int i = 0; i < 4; i++)
		assert_int_equal(atxf_virtq_add(&q, &b, 0, 1, (void *)(uintptr_t)(i + 1)), 0);
	assert_int_equal(atxf_virtq_add(&q, &b, 0, 1, &token_a), -ATXF_ENOSPC);     /* full */
	atxf_virtq_kick(&q);
	assert_int_equal(atxf_fake_virtio_fill(&dev, 0, &seed), 4);
	for (int i = 0; i < 4; i++) {
		assert_int_equal(atxf_virtq_get(&q, &tok, &len), 0);
		assert_int_equal((uintptr_t)tok, i + 1);    /* in the order the device used them */
	}
	/* Around the 16-bit indexes' ring positions many times. */
	for (int round = 0; round < 3000; round++) {
		assert_int_equal(atxf_virtq_add(&q, &b, 0, 1, &token_b), 0);
		atxf_virtq_kick(&q);
		assert_int_equal(atxf_fake_virtio_fill(&dev, 0, &seed), 1);
		assert_int_equal(atxf_virtq_get(&q, &tok, &len), 0);
		assert_ptr_equal(tok, &token_b);
	}
	assert_int_equal(atxf_virtq_get(&q, &tok, &len), -ATXF_EAGAIN);
}

static void test_a_batch_is_one_notify(void **state)
{
	struct atxf_virtq_buf b;
	uint8_t seed = 0;
	void *tok;
	uint32_t len;

	(void)state;
	bring_up(8);
	b = dma_buf(8, NULL);
	for (int i = 0; i < 5; i++)
		assert_int_equal(atxf_virtq_add(&q, &b, 0, 1, &token_a), 0);
	assert_int_equal(atxf_virtq_kick(&q), 1);
	assert_int_equal(atxf_virtq_kick(&q), 0);           /* nothing new */
	assert_int_equal(dev.q[0].notifies, 1);
	assert_int_equal(atxf_fake_virtio_fill(&dev, 0, &seed), 5);
	for (int i = 0; i < 5; i++)
		assert_int_equal(atxf_virtq_get(&q, &tok, &len), 0);
}

static void test_event_index_spares_notifies_the_device_did_not_ask_for(void **state)
{
	struct atxf_virtq_buf b;

	(void)state;
	bring_up(8);
	b = dma_buf(8, NULL);
	/* The device is busy: notify me once avail->idx passes 3. */
	atxf_fake_virtio_avail_event(&dev, 0, 3);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(atxf_virtq_add(&q, &b, 0, 1, &token_a), 0);
		assert_int_equal(atxf_virtq_kick(&q), 0);       /* avail idx 1, 2, 3 */
	}
	assert_int_equal(atxf_virtq_add(&q, &b, 0, 1, &token_a), 0);
	assert_int_equal(atxf_virtq_kick(&q), 1);               /* 4: past 3 */
	assert_int_equal(dev.q[0].notifies, 1);
}

static void test_no_notify_flag_is_honoured_without_event_index(void **state)
{
	struct atxf_virtq_buf b;

	(void)state;
	dev.offered &= ~VIRTIO_FEATURE(VIRTIO_F_EVENT_IDX);
	bring_up(8);
	b = dma_buf(8, NULL);
	atxf_fake_virtio_no_notify(&dev, 0, 1);
	assert_int_equal(atxf_virtq_add(&q, &b, 0, 1, &token_a), 0);
	assert_int_equal(atxf_virtq_kick(&q), 0);
	atxf_fake_virtio_no_notify(&dev, 0, 0);
	assert_int_equal(atxf_virtq_add(&q, &b, 0, 1, &token_a), 0);
	assert_int_equal(atxf_virtq_kick(&q), 1);
	assert_int_equal(dev.q[0].notifies, 1);
}

/* §2.6.6, §2.6.8: used_event follows the 8 available entries (byte 4 +
 * 2 * 8 of the available ring), avail_event the 8 used ones (4 + 8 * 8):
 * checked by hand, not with the macros both sides use. */
static void test_event_indexes_sit_where_the_spec_puts_them(void **state)
{
	uint8_t *avail, *used;
	uint16_t v = 0x1234;
	struct atxf_virtq_buf b;

	(void)state;
	bring_up(8);
	b = dma_buf(8, NULL);
	avail = atxf_fake_dma_to_host(dev.q[0].driver, 22);
	used = atxf_fake_dma_to_host(dev.q[0].device, 70);
	assert_non_null(avail);
	assert_non_null(used);
	q.last_used = 0x0777;                       /* as if that many had been collected */
	atxf_virtq_irq_on(&q);
	assert_int_equal(avail[20] | avail[21] << 8, 0x0777);
	q.last_used = 0;
	memcpy(used + 68, &v, 2);                   /* the device: notify me past 0x1234 */
	assert_int_equal(atxf_virtq_add(&q, &b, 0, 1, &token_a), 0);
	assert_int_equal(atxf_virtq_kick(&q), 0);
	assert_int_equal(dev.q[0].notifies, 0);
}

/* Posts n buffers and lets the device use them one at a time. */
static void post_and_use(unsigned n, struct atxf_virtq_buf *b)
{
	struct atxf_fake_virtio_chain c;

	for (unsigned i = 0; i < n; i++)
		assert_int_equal(atxf_virtq_add(&q, b, 0, 1, &token_a), 0);
	atxf_virtq_kick(&q);
	for (unsigned i = 0; i < n; i++) {
		assert_int_equal(atxf_fake_virtio_pop(&dev, 0, &c), 0);
		atxf_fake_virtio_push(&dev, 0, c.head, 1);
	}
}

static void test_interrupts_suppressed_by_event_index(void **state)
{
	struct atxf_virtq_buf b;
	void *tok;
	uint32_t len;

	(void)state;
	bring_up(8);
	b = dma_buf(8, NULL);
	post_and_use(3, &b);
	/* used_event was 0: only the first of the three interrupted. */
	assert_int_equal(dev.interrupts[1], 1);
	atxf_virtq_irq_off(&q);
	while (atxf_virtq_get(&q, &tok, &len) == 0)
		;
	assert_int_equal(atxf_fake_virtio_used_event(&dev, 0), 0);     /* left behind */
	post_and_use(2, &b);
	assert_int_equal(dev.interrupts[1], 1);                         /* none wanted */
	/* On again: two are waiting, so say so rather than wait for an interrupt. */
	assert_int_equal(atxf_virtq_irq_on(&q), 1);
	assert_int_equal(atxf_fake_virtio_used_event(&dev, 0), 3);
	while (atxf_virtq_get(&q, &tok, &len) == 0)
		;
	assert_int_equal(atxf_virtq_irq_on(&q), 0);
	post_and_use(1, &b);
	assert_int_equal(dev.interrupts[1], 2);
}

static void test_interrupts_suppressed_by_flag_without_event_index(void **state)
{
	struct atxf_virtq_buf b;

	(void)state;
	dev.offered &= ~VIRTIO_FEATURE(VIRTIO_F_EVENT_IDX);
	bring_up(8);
	b = dma_buf(8, NULL);
	atxf_virtq_irq_off(&q);
	assert_int_equal(atxf_fake_virtio_avail_flags(&dev, 0), VIRTQ_AVAIL_F_NO_INTERRUPT);
	post_and_use(2, &b);
	assert_int_equal(dev.interrupts[1], 0);
	assert_int_equal(atxf_virtq_irq_on(&q), 1);
	assert_int_equal(atxf_fake_virtio_avail_flags(&dev, 0), 0);
}

/* The queue refuses everything after the device broke a rule; a reset and
 * a new setup bring it back. */
static void assert_broken_then_recovered(const char *why)
{
	struct atxf_virtq_buf b = dma_buf(8, NULL);
	uint8_t seed = 0;
	void *tok;
	uint32_t len;

	assert_non_null(strstr(atxf_virtio_error(&vd), why));
	assert_int_equal(atxf_virtq_get(&q, &tok, &len), -ATXF_EIO);
	assert_int_equal(atxf_virtq_add(&q, &b, 0, 1, &token_a), -ATXF_EIO);
	assert_int_equal(atxf_virtio_reset(&vd), 0);
	atxf_virtq_release(&q);
	assert_int_equal(atxf_virtio_begin(&vd, 0), 0);
	assert_int_equal(atxf_virtq_setup(&q, &vd, 0, 8, 1), 0);
	assert_int_equal(atxf_virtio_ready(&vd), 0);
	assert_int_equal(atxf_virtq_add(&q, &b, 0, 1, &token_b), 0);
	atxf_virtq_kick(&q);
	assert_int_equal(atxf_fake_virtio_fill(&dev, 0, &seed), 1);
	assert_int_equal(atxf_virtq_get(&q, &tok, &len), 0);
	assert_ptr_equal(tok, &token_b);
}

/* Each hostile case starts alike: two 8-byte buffers made available, the
 * device has taken the first (c). */
static void two_offered_one_taken(struct atxf_fake_virtio_chain *c)
{
	struct atxf_virtq_buf b;

	bring_up(8);
	b = dma_buf(8, NULL);
	assert_int_equal(atxf_virtq_add(&q, &b, 0, 1, &token_a), 0);
	assert_int_equal(atxf_virtq_add(&q, &b, 0, 1, &token_b), 0);
	assert_int_equal(atxf_fake_virtio_pop(&dev, 0, c), 0);
}

static void test_a_used_id_out_of_range_is_refused(void **state)
{
	struct atxf_fake_virtio_chain c;
	void *tok = NULL;
	uint32_t len = 0;

	(void)state;
	two_offered_one_taken(&c);
	atxf_fake_virtio_push(&dev, 0, 200, 8);
	assert_int_equal(atxf_virtq_get(&q, &tok, &len), -ATXF_EIO);
	assert_null(tok);                                   /* nothing handed out */
	assert_broken_then_recovered("queue 0: the device used id 200, which heads no chain in "
				     "flight (queue of 8)");
}

static void test_a_used_id_not_in_flight_is_refused(void **state)
{
	struct atxf_fake_virtio_chain c;
	void *tok;
	uint32_t len;

	(void)state;
	two_offered_one_taken(&c);
	atxf_fake_virtio_push(&dev, 0, c.head, 8);
	atxf_fake_virtio_push(&dev, 0, c.head, 8);          /* the same chain twice */
	assert_int_equal(atxf_virtq_get(&q, &tok, &len), 0);
	assert_int_equal(atxf_virtq_get(&q, &tok, &len), -ATXF_EIO);
	assert_broken_then_recovered("used id 0, which heads no chain in flight");
}

static void test_a_length_past_the_chain_is_refused(void **state)
{
	struct atxf_fake_virtio_chain c;
	void *tok;
	uint32_t len;

	(void)state;
	two_offered_one_taken(&c);
	atxf_fake_virtio_push(&dev, 0, c.head, 9);
	assert_int_equal(atxf_virtq_get(&q, &tok, &len), -ATXF_EIO);
	assert_broken_then_recovered("wrote 9 bytes into a chain of 8");
}

static void test_a_used_index_run_ahead_is_refused(void **state)
{
	struct atxf_fake_virtio_chain c;
	void *tok;
	uint32_t len;

	(void)state;
	two_offered_one_taken(&c);
	/* Three used entries for the two chains it holds. */
	for (int i = 0; i < 3; i++)
		atxf_fake_virtio_push(&dev, 0, c.head, 8);
	assert_int_equal(atxf_virtq_get(&q, &tok, &len), -ATXF_EIO);
	assert_broken_then_recovered("moved the used index to 3, past the 2 chains it holds");
}

/* Publishes desc[0] as given (past the library) and asks the device for it. */
static int device_takes_raw(struct virtq_desc d)
{
	struct atxf_fake_virtio_chain c;

	q.desc[0] = d;
	q.avail->ring[q.avail_idx % q.size] = 0;
	__atomic_store_n(&q.avail->idx, ++q.avail_idx, __ATOMIC_RELEASE);
	return atxf_fake_virtio_pop(&dev, 0, &c);
}

/* The fake device holds a driver to the rules as a real one must. */
static void test_the_fake_device_refuses_a_bad_driver(void **state)
{
	struct atxf_virtq_buf b;

	(void)state;
	dev.offered &= ~VIRTIO_FEATURE(VIRTIO_F_INDIRECT_DESC);
	bring_up(8);
	b = dma_buf(16, NULL);
	/* A chain that loops back to itself. */
	assert_int_equal(device_takes_raw((struct virtq_desc){ b.bus_addr, 16,
			 VIRTQ_DESC_F_WRITE | VIRTQ_DESC_F_NEXT, 0 }), -ATXF_EPROTO);
	fresh_device(state);
	dev.offered &= ~VIRTIO_FEATURE(VIRTIO_F_INDIRECT_DESC);
	bring_up(8);
	b = dma_buf(16, NULL);
	/* An indirect table it never negotiated. */
	assert_int_equal(device_takes_raw((struct virtq_desc){ b.bus_addr, 16,
			 VIRTQ_DESC_F_INDIRECT, 0 }), -ATXF_EPROTO);
	fresh_device(state);
	bring_up(8);
	/* A buffer outside any DMA memory (the fake counts that as a stray). */
	assert_int_equal(device_takes_raw((struct virtq_desc){ 0x1000, 16, VIRTQ_DESC_F_WRITE, 0 }),
			 -ATXF_EPROTO);
	assert_int_equal(atxf_fake_strays(), 1);
}

static void test_bad_chains_are_refused_and_change_nothing(void **state)
{
	struct atxf_virtq_buf b[2];

	(void)state;
	bring_up(8);
	b[0] = dma_buf(8, NULL);
	b[1] = (struct atxf_virtq_buf){ b[0].bus_addr, 0 };
	assert_int_equal(atxf_virtq_add(&q, b, 0, 0, &token_a), -ATXF_EINVAL);
	assert_non_null(strstr(atxf_virtio_error(&vd), "a chain of no buffers"));
	assert_int_equal(atxf_virtq_add(&q, b, 1, 1, &token_a), -ATXF_EINVAL);
	assert_non_null(strstr(atxf_virtio_error(&vd), "buffer 1 of the chain is empty"));
	assert_int_equal(q.nfree, 8);
	assert_int_equal(atxf_virtq_in_flight(&q), 0);
	assert_int_equal(atxf_virtq_kick(&q), 0);
	assert_int_equal(dev.q[0].notifies, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_one_buffer_goes_round, fresh_device),
		cmocka_unit_test_setup(test_a_chain_takes_one_slot_through_an_indirect_table,
				       fresh_device),
		cmocka_unit_test_setup(test_without_indirect_a_chain_is_linked_descriptors,
				       fresh_device),
		cmocka_unit_test_setup(test_full_ring_then_wrap_around, fresh_device),
		cmocka_unit_test_setup(test_a_batch_is_one_notify, fresh_device),
		cmocka_unit_test_setup(test_event_index_spares_notifies_the_device_did_not_ask_for,
				       fresh_device),
		cmocka_unit_test_setup(test_no_notify_flag_is_honoured_without_event_index,
				       fresh_device),
		cmocka_unit_test_setup(test_event_indexes_sit_where_the_spec_puts_them, fresh_device),
		cmocka_unit_test_setup(test_interrupts_suppressed_by_event_index, fresh_device),
		cmocka_unit_test_setup(test_interrupts_suppressed_by_flag_without_event_index,
				       fresh_device),
		cmocka_unit_test_setup(test_a_used_id_out_of_range_is_refused, fresh_device),
		cmocka_unit_test_setup(test_a_used_id_not_in_flight_is_refused, fresh_device),
		cmocka_unit_test_setup(test_a_length_past_the_chain_is_refused, fresh_device),
		cmocka_unit_test_setup(test_a_used_index_run_ahead_is_refused, fresh_device),
		cmocka_unit_test_setup(test_the_fake_device_refuses_a_bad_driver, fresh_device),
		cmocka_unit_test_setup(test_bad_chains_are_refused_and_change_nothing, fresh_device),
	};

	return cmocka_run_group_tests_name("virtio queues", tests, NULL, NULL);
}
