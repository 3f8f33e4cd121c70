/*
 * Host tests of the driver framework's loop (sdk/lib/driver/run.c, wait.c,
 * notify.c, serve.c, device.c, bind.c, announce.c): waiting for an IRQ
 * inside a request while others queue, interrupts routed to .irq and acked
 * after it, timers, capabilities released, start-up and the devmgr
 * handshake. A real driver run whole, from HELLO to STOP, is
 * test_virtio_rng_run.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/driver/char.h>
#include <atxf/driver/block.h>
#include <atxf/fake.h>
#include <atxf/port.h>
#include "test_driver_ports.h"
#include "test_driver_util.h"

#define LINE_A 4
#define LINE_B 12

static int fresh(void **state)
{
	(void)state;
	tport_reset();
	return 0;
}

/* ---- a device with interrupts, and a driver that records them ---- */

static unsigned irq_calls, irq_last, acks_seen_in_irq;
static unsigned timer_calls;

static void on_irq(struct atxf_device *dev, unsigned n)
{
	(void)dev;
	irq_calls++;
	irq_last = n;
	acks_seen_in_irq = atxf_fake_irq_acks(n == 0 ? LINE_A : LINE_B);
}

static void on_timer(struct atxf_device *dev)
{
	(void)dev;
	timer_calls++;
}

static int on_write(struct atxf_device *dev, const void *buf, size_t len)
{
	(void)dev;
	(void)buf;
	return (int)len;
}

static const struct atxf_char_ops char_ops = { .write = on_write };
static const struct atxf_driver irq_ops = {
	.name = "irqdev", .irq = on_irq, .timer = on_timer, .timer_ms = 10,
	ATXF_CHAR_OPS(char_ops),
};

/* A char device whose interrupts 0 and 1 are lines LINE_A and LINE_B. */
static void irq_device(struct tdev *t)
{
	/* devmgr's handles first, as at a real start; the service port after. */
	assert_int_equal(atxf_fake_cap_irq(LINE_A), ATXF_HANDLE_FIRST_EXTRA);
	assert_int_equal(atxf_fake_cap_irq(LINE_B), ATXF_HANDLE_FIRST_EXTRA + 1);
	tdev_init(t, ATXF_CLASS_CHAR, &irq_ops);
	t->manifest.resources[0] = (struct atxf_resource)ATXF_RESOURCE_IRQ(LINE_A);
	t->manifest.resources[1] = (struct atxf_resource)ATXF_RESOURCE_IRQ(LINE_B);
	atxf__grants_from_manifest(&t->dev, ATXF_HANDLE_FIRST_EXTRA, 2);
	assert_int_equal(atxf__grants_setup(&t->dev), 0);
	irq_calls = irq_last = acks_seen_in_irq = timer_calls = 0;
}

/* ---- atxf_device_wait_irq ---- */

static void test_wait_returns_on_the_irq_and_acks_later(void **state)
{
	struct tdev t;

	(void)state;
	irq_device(&t);
	tport_push_notify(1u << 0);
	assert_int_equal(atxf_device_wait_irq(&t.dev, ATXF_TIMEOUT_FOREVER), 0);
	assert_int_equal(t.core.count.irqs, 1);
	assert_int_equal(irq_calls, 0);                 /* not .irq: the waiter took it */
	assert_int_equal(atxf_fake_irq_acks(LINE_A), 0);        /* the driver is not done yet */
	assert_int_equal(t.core.state, ATXF_DRIVER_RUNNING);
	atxf__ack_owed(&t.dev);                         /* its callback returned */
	assert_int_equal(atxf_fake_irq_acks(LINE_A), 1);
}

static void test_requests_during_a_wait_are_served_after_in_order(void **state)
{
	struct atxf_msg held;
	struct tdev t;

	(void)state;
	irq_device(&t);
	tport_push_request(ATXF_CHAR_WRITE, 20, "a", 1, 501);
	tport_push_request(ATXF_CHAR_WRITE, 21, "bc", 2, 502);
	tport_push_notify(1u << 1);
	assert_int_equal(atxf_device_wait_irq(&t.dev, ATXF_TIMEOUT_FOREVER), 0);
	assert_int_equal(tport.nreplies, 0);
	assert_int_equal(t.core.queue.count, 2);
	while (atxf__queue_pop(&t.dev, &held) == 0)
		atxf__serve(&t.dev, &held);
	assert_int_equal(tport.nreplies, 2);
	assert_int_equal(tport.replies[0].port, 501);
	assert_int_equal((int32_t)tport.replies[0].msg.type, 1);
	assert_int_equal(tport.replies[1].port, 502);
	assert_int_equal((int32_t)tport.replies[1].msg.type, 2);
	assert_int_equal(atxf_fake_irq_acks(LINE_B), 1);        /* acked once served */
}

static void test_ping_during_a_wait_is_answered_at_once(void **state)
{
	struct atxf_driver_status st;
	struct tdev t;

	(void)state;
	irq_device(&t);
	tport_push_request(ATXF_DRIVER_PING, TDEV_DEVMGR, NULL, 0, 77);
	tport_push_notify(1u << 0);
	assert_int_equal(atxf_device_wait_irq(&t.dev, ATXF_TIMEOUT_FOREVER), 0);
	assert_int_equal(tport.nreplies, 1);
	memcpy(&st, tport.replies[0].msg.data, sizeof(st));
	assert_int_equal(st.state, ATXF_DRIVER_WAITING);
	assert_int_equal(t.core.queue.count, 0);
}

static void test_a_full_queue_refuses_with_eagain(void **state)
{
	struct atxf_msg *m;
	atxf_handle_t cap;
	struct tdev t;

	(void)state;
	irq_device(&t);
	for (unsigned i = 0; i < ATXF_DRIVER_QUEUE; i++)
		tport_push_request(ATXF_CHAR_WRITE, 20, "x", 1, 600 + i);
	m = tport_push_request(ATXF_CHAR_SUBSCRIBE, 21, NULL, 0, 700);
	m->ncaps = 1;
	m->caps[0] = cap = tport_client_port();
	tport_push_notify(1u << 0);
	assert_int_equal(atxf_device_wait_irq(&t.dev, ATXF_TIMEOUT_FOREVER), 0);
	assert_int_equal(t.core.queue.count, ATXF_DRIVER_QUEUE);
	assert_int_equal(tport.nreplies, 1);
	assert_int_equal(tport.replies[0].port, 700);
	assert_int_equal((int32_t)tport.replies[0].msg.type, -ATXF_EAGAIN);
	assert_false(tport_handle_live(cap));   /* a refused request keeps nothing */
}

static void test_other_bits_do_not_end_a_wait(void **state)
{
	struct tdev t;

	(void)state;
	irq_device(&t);
	tport_push_notify(1ull << 40);
	tport_push_notify(1u << 1);
	assert_int_equal(atxf_device_wait_irq(&t.dev, ATXF_TIMEOUT_FOREVER), 0);
	assert_int_equal(tport.recvs, 2);
	assert_int_equal(t.core.count.irqs, 1);
}

static void test_wait_times_out(void **state)
{
	struct tdev t;

	(void)state;
	irq_device(&t);
	tport.empty_err = -ATXF_ETIMEDOUT;
	assert_int_equal(atxf_device_wait_irq(&t.dev, 5000), -ATXF_ETIMEDOUT);
	assert_true(tport.last_timeout <= 5000);
	assert_int_equal(t.core.state, ATXF_DRIVER_RUNNING);
	/* A zero timeout polls; an empty poll is a timeout too. */
	tport.empty_err = -ATXF_EAGAIN;
	assert_int_equal(atxf_device_wait_irq(&t.dev, 0), -ATXF_ETIMEDOUT);
	assert_int_equal(tport.last_timeout, ATXF_TIMEOUT_NONE);
}

static void test_wait_without_an_irq_is_enodev(void **state)
{
	struct tdev t;

	(void)state;
	tdev_init(&t, ATXF_CLASS_CHAR, &irq_ops);
	assert_int_equal(atxf_device_wait_irq(&t.dev, 1000), -ATXF_ENODEV);
	assert_int_equal(tport.recvs, 0);
}

/* ---- notifications, timers, serving ---- */

static void test_irq_bits_reach_irq_with_their_number(void **state)
{
	atxf_handle_t port;
	unsigned bit;
	struct tdev t;

	(void)state;
	irq_device(&t);
	assert_int_equal(atxf_fake_irq_binding(LINE_B, &port, &bit), 0);
	assert_int_equal(port, t.core.port);
	assert_int_equal(bit, 1);
	atxf__notified(&t.dev, (1u << 1) | (1ull << 7));
	assert_int_equal(irq_calls, 1);                 /* bit 7 is nobody's */
	assert_int_equal(irq_last, 1);
	assert_int_equal(acks_seen_in_irq, 0);          /* acked after .irq, not before */
	assert_int_equal(atxf_fake_irq_acks(LINE_B), 1);
	assert_int_equal(atxf_fake_irq_acks(LINE_A), 0);
}

static void test_timer_runs_every_period_and_skips_missed_ticks(void **state)
{
	struct tdev t;

	(void)state;
	irq_device(&t);
	atxf__timer_start(&t.dev);
	assert_int_equal(atxf__timer_wait_ns(&t.dev), 10000000);
	atxf_fake_clock_advance(4000000);
	atxf__timer_check(&t.dev);
	assert_int_equal(timer_calls, 0);
	assert_int_equal(atxf__timer_wait_ns(&t.dev), 6000000);
	atxf_fake_clock_advance(6000000);
	atxf__timer_check(&t.dev);
	assert_int_equal(timer_calls, 1);
	atxf_fake_clock_advance(55000000);              /* busy for five periods */
	atxf__timer_check(&t.dev);
	assert_int_equal(timer_calls, 2);               /* once, not five times */
	assert_int_equal(atxf__timer_wait_ns(&t.dev), 10000000);
}

static void test_no_timer_waits_forever(void **state)
{
	struct tdev t;

	(void)state;
	tdev_init(&t, ATXF_CLASS_CHAR, &(const struct atxf_driver){ .timer_ms = 10 });
	assert_int_equal(atxf__timer_wait_ns(&t.dev), ATXF_TIMEOUT_FOREVER);
}

static void test_serve_answers_calls_and_releases_handles(void **state)
{
	struct atxf_block_rw rw = { .count = 1 };
	struct atxf_msg req;
	atxf_handle_t stray, shm;
	struct tdev t;
	void *mem;

	(void)state;
	tdev_init(&t, ATXF_CLASS_BLOCK, &(const struct atxf_driver){ .cls = &atxf_block_class });
	/* A send (no reply token) is served but not answered. */
	memset(&req, 0, sizeof(req));
	req.type = ATXF_BLOCK_FLUSH;
	atxf__serve(&t.dev, &req);
	assert_int_equal(tport.nreplies, 0);
	/* A handle that came with a malformed request is dropped. */
	req.type = ATXF_BLOCK_READ;
	req.reply = 9;
	req.len = sizeof(rw);
	memcpy(req.data, &rw, sizeof(rw));
	req.ncaps = 1;
	req.caps[0] = stray = tport_client_port();
	atxf__serve(&t.dev, &req);
	assert_int_equal(tport.nreplies, 1);
	assert_int_equal((int32_t)tport.replies[0].msg.type, -ATXF_EPROTO);
	assert_false(tport_handle_live(stray));
	/* One the driver keeps (an attached buffer) stays. */
	memset(&req, 0, sizeof(req));
	req.type = ATXF_BLOCK_ATTACH_BUFFER;
	req.sender = TDEV_CLIENT;
	req.reply = 10;
	req.ncaps = 1;
	req.caps[0] = shm = tport_shm(4096, &mem);
	atxf__serve(&t.dev, &req);
	assert_int_equal((int32_t)tport.replies[1].msg.type, 0);
	assert_true(tport_handle_live(shm));
}

/* ---- start-up pieces ---- */

static void test_instance_and_generation_from_argv(void **state)
{
	char *const named[] = { "drv", "com1", "7", NULL };
	char *const bad_gen[] = { "drv", "com1", "7x", NULL };
	char *const huge_gen[] = { "drv", "com1", "99999999999", NULL };
	char *const long_name[] = { "drv", "a-name-that-is-far-too-long-for-the-service-whose-"
				    "names-have-at-most-63-bytes", NULL };
	struct tdev t;

	(void)state;
	tdev_init(&t, ATXF_CLASS_CHAR, &irq_ops);
	assert_string_equal(t.dev.instance, "tdev0");   /* the manifest's name + "0" */
	assert_int_equal(t.core.generation, 0);
	atxf__name_instance(&t.dev, 3, named);
	assert_string_equal(t.dev.instance, "com1");
	assert_int_equal(t.core.generation, 7);
	atxf__name_instance(&t.dev, 3, bad_gen);
	assert_int_equal(t.core.generation, 0);
	atxf__name_instance(&t.dev, 3, huge_gen);
	assert_int_equal(t.core.generation, 0);
	atxf__name_instance(&t.dev, 2, long_name);
	assert_string_equal(t.dev.instance, "tdev0");
	t.dev.manifest = NULL;                          /* no manifest: the table's name */
	atxf__name_instance(&t.dev, 1, named);
	assert_string_equal(t.dev.instance, "irqdev0");
}

static void test_resources_follow_the_manifest(void **state)
{
	const struct atxf_resource_grant *io, *irq, *mmio;
	struct tdev t;
	void *regs;

	(void)state;
	atxf_fake_cap_ioport(0x3f8, 8, ATXF_RIGHT_READ);
	atxf_fake_cap_irq(LINE_A);
	regs = atxf_fake_mmio_add(0xfebf0000, 4096, NULL, NULL, NULL);
	atxf_fake_cap_add(ATXF_CAP_MMIO, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE, 0xfebf0000, 4096);
	tdev_init(&t, ATXF_CLASS_CHAR, &irq_ops);
	t.manifest.resources[0] = (struct atxf_resource)ATXF_RESOURCE_IOPORT(0x3f8, 8, ATXF_RIGHT_READ);
	/* resources[1] left empty: it takes no handle */
	t.manifest.resources[2] = (struct atxf_resource)ATXF_RESOURCE_IRQ(LINE_A);
	t.manifest.resources[3] = (struct atxf_resource){ .kind = ATXF_RES_MMIO, .size = 4096 };
	t.manifest.resources[4] = (struct atxf_resource)ATXF_RESOURCE_IRQ(LINE_B);
	atxf__grants_from_manifest(&t.dev, ATXF_HANDLE_FIRST_EXTRA, 3);   /* the 4th not passed */
	assert_int_equal(t.dev.ngrants, 4);
	assert_int_equal(atxf__grants_setup(&t.dev), 0);
	io = atxf_device_resource(&t.dev, ATXF_RES_IOPORT, 0);
	irq = atxf_device_resource(&t.dev, ATXF_RES_IRQ, 0);
	mmio = atxf_device_resource(&t.dev, ATXF_RES_MMIO, 0);
	assert_non_null(io);
	assert_int_equal(io->handle, ATXF_HANDLE_FIRST_EXTRA);
	assert_int_equal(io->base, 0x3f8);
	assert_int_equal(irq->handle, ATXF_HANDLE_FIRST_EXTRA + 1);
	assert_non_null(mmio->mapped);
	assert_int_equal(mmio->base, 0xfebf0000);       /* what the capability covers */
	assert_null(atxf_device_resource(&t.dev, ATXF_RES_IRQ, 1));      /* not passed */
	assert_null(atxf_device_resource(&t.dev, ATXF_RES_DMA, 0));      /* not asked for */
	assert_int_equal(t.core.nirqs, 1);
	(void)regs;
}

static void test_a_bad_grant_fails_the_start(void **state)
{
	struct tdev t;

	(void)state;
	tdev_init(&t, ATXF_CLASS_CHAR, &irq_ops);
	t.manifest.resources[0] = (struct atxf_resource)ATXF_RESOURCE_IRQ(LINE_A);
	/* devmgr said it passed a handle, but there is none there. */
	atxf__grants_from_manifest(&t.dev, 50, 1);
	assert_int_equal(atxf__grants_setup(&t.dev), -ATXF_EBADH);
	assert_non_null(strstr(atxf_fake_debug_output(), "tdev0: resource 0"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_wait_returns_on_the_irq_and_acks_later, fresh),
		cmocka_unit_test_setup(test_requests_during_a_wait_are_served_after_in_order, fresh),
		cmocka_unit_test_setup(test_ping_during_a_wait_is_answered_at_once, fresh),
		cmocka_unit_test_setup(test_a_full_queue_refuses_with_eagain, fresh),
		cmocka_unit_test_setup(test_other_bits_do_not_end_a_wait, fresh),
		cmocka_unit_test_setup(test_wait_times_out, fresh),
		cmocka_unit_test_setup(test_wait_without_an_irq_is_enodev, fresh),
		cmocka_unit_test_setup(test_irq_bits_reach_irq_with_their_number, fresh),
		cmocka_unit_test_setup(test_timer_runs_every_period_and_skips_missed_ticks, fresh),
		cmocka_unit_test_setup(test_no_timer_waits_forever, fresh),
		cmocka_unit_test_setup(test_serve_answers_calls_and_releases_handles, fresh),
		cmocka_unit_test_setup(test_instance_and_generation_from_argv, fresh),
		cmocka_unit_test_setup(test_resources_follow_the_manifest, fresh),
		cmocka_unit_test_setup(test_a_bad_grant_fails_the_start, fresh),
	};

	return cmocka_run_group_tests_name("driver framework: the loop", tests, NULL, NULL);
}
