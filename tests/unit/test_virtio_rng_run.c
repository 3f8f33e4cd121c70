/*
 * The virtio-rng driver (drivers/misc/virtio-rng) run whole through
 * atxf_driver_run, from HELLO to STOP, against the SDK's fake virtio
 * device (<atxf/fake_virtio.h>) and the framework's IPC doubles
 * (test_driver_ports.c): the resources devmgr grants, a READ that waits
 * for the device's interrupt while a PING and a second READ arrive, the
 * devmgr handshake, a failed probe reported, and STOP resetting the device
 * and freeing its memory.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/driver.h>
#include <atxf/driver/rng.h>
#include <atxf/fake.h>
#include <atxf/fake_virtio.h>
#include <atxf/port.h>
#include "test_driver_ports.h"
#include "test_driver_util.h"

int virtio_rng_main(void);      /* the driver's main, renamed by the build */

#define BAR4_PADDR 0xfe000000ull
#define VRNG_LINE  11           /* the fake line its one MSI-X vector raises */

static struct atxf_fake_virtio dev;
static unsigned phase;
static uint8_t seed;

static int fresh(void **state)
{
	(void)state;
	tport_reset();
	return 0;
}

static void push_device_notify(void)
{
	atxf_handle_t port;
	unsigned bit;

	assert_int_equal(atxf_fake_irq_binding(VRNG_LINE, &port, &bit), 0);
	tport_push_notify(1ull << bit);
}

/*
 * Runs before every receive, and acts only when the driver would block
 * (its inbox empty): the first time, the device fills its buffers and a
 * PING and a second READ arrive during the first READ's wait; the second
 * time devmgr says STOP; later the device just fills what it was given.
 */
static void device_acts(void *ctx)
{
	struct atxf_rng_read second = { .len = 8 };

	(void)ctx;
	if (tport.in_count)
		return;
	switch (++phase) {
	case 1:
		tport_push_request(ATXF_DRIVER_PING, TDEV_DEVMGR, NULL, 0, 102);
		tport_push_request(ATXF_RNG_READ, TDEV_CLIENT, &second, sizeof(second), 103);
		assert_int_equal(atxf_fake_virtio_fill(&dev, 0, &seed), 8);
		push_device_notify();
		break;
	case 2:
		tport_push_request(ATXF_DRIVER_STOP, TDEV_DEVMGR, NULL, 0, 104);
		break;
	default:
		if (atxf_fake_virtio_fill(&dev, 0, &seed))
			push_device_notify();
	}
}

/* The resources devmgr grants virtio-rng, in its manifest's order (PCI
 * configuration, BAR 4, one MSI-X vector, DMA), and argv with instance. */
static void grant_resources_as(const char *instance)
{
	static const char *argv[] = { "virtio-rng", NULL, "2" };

	argv[1] = instance;
	assert_int_equal(atxf_fake_virtio_add(&dev, VIRTIO_PCI_RNG, BAR4_PADDR), 0);
	dev.q[0].max_size = 8;
	dev.irq_line_base = VRNG_LINE;
	assert_int_equal(atxf_fake_virtio_grant(&dev, NULL), 0);
	assert_int_equal(dev.pci, ATXF_HANDLE_FIRST_EXTRA);
	assert_int_equal(dev.mmio, ATXF_HANDLE_FIRST_EXTRA + 1);
	assert_int_equal(atxf_fake_cap_irq(VRNG_LINE), ATXF_HANDLE_FIRST_EXTRA + 2);
	assert_int_equal(atxf_fake_cap_add(ATXF_CAP_DMA, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE, 0,
					   65536), ATXF_HANDLE_FIRST_EXTRA + 3);
	tport_set_start(3, argv, ATXF_HANDLE_FIRST_EXTRA + 4);
	tport.call_sender = TDEV_DEVMGR;        /* devmgr answers HELLO */
	phase = 0;
	seed = 0;
}

static void grant_resources(void)
{
	grant_resources_as("rng0");
}

static void test_it_runs_from_hello_to_stop(void **state)
{
	struct atxf_rng_read first = { .len = 16 };
	struct atxf_driver_status st;
	struct atxf_driver_hello hello;

	(void)state;
	grant_resources();
	tport_push_notify(1u << 0);             /* a stray interrupt: interrupt 0 is bit 0 */
	tport_push_request(ATXF_RNG_READ, TDEV_CLIENT, &first, sizeof(first), 101);
	tport.on_recv = device_acts;

	assert_int_equal(virtio_rng_main(), 0);

	/* Start: the name, then HELLO to devmgr with a send right. */
	assert_string_equal(tport.registered, "rng0");
	assert_int_equal(tport.ncalls, 1);
	assert_int_equal(tport.calls[0].port, ATXF_HANDLE_PARENT);
	assert_int_equal(tport.calls[0].msg.type, ATXF_DRIVER_HELLO);
	assert_int_equal(tport.calls[0].msg.ncaps, 1);
	memcpy(&hello, tport.calls[0].msg.data, sizeof(hello));
	assert_string_equal(hello.instance, "rng0");
	assert_int_equal(hello.device_class, ATXF_CLASS_RNG);
	assert_int_equal(hello.generation, 2);
	assert_int_equal(hello.status, 0);
	assert_int_equal(hello.pid, 42);
	/* The one vector granted served the queue: its interrupt came on it. */
	assert_int_equal(dev.interrupts[0], 1);

	/* The PING came during the first READ's wait, and was answered first. */
	assert_int_equal(tport.nreplies, 4);
	assert_int_equal(tport.replies[0].port, 102);
	memcpy(&st, tport.replies[0].msg.data, sizeof(st));
	assert_int_equal(st.state, ATXF_DRIVER_WAITING);
	assert_int_equal(st.generation, 2);
	assert_int_equal(tport.replies[1].port, 101);
	assert_int_equal((int32_t)tport.replies[1].msg.type, 16);
	assert_int_equal(tport.replies[1].msg.len, 16);
	for (int i = 0; i < 16; i++)
		assert_int_equal(tport.replies[1].msg.data[i], i);
	/* The second READ gets the next bytes, never the same ones. */
	assert_int_equal(tport.replies[2].port, 103);
	assert_int_equal((int32_t)tport.replies[2].msg.type, 8);
	for (int i = 0; i < 8; i++)
		assert_int_equal(tport.replies[2].msg.data[i], 16 + i);
	assert_int_equal(tport.replies[3].port, 104);
	assert_int_equal((int32_t)tport.replies[3].msg.type, 0);

	/* Every interrupt acked: the stray one and the device's one. */
	assert_int_equal(atxf_fake_irq_acks(VRNG_LINE), 2);
	/* STOP: .remove reset the device and freed its memory; the name is gone. */
	assert_int_equal(dev.status, 0);
	assert_int_equal(atxf_fake_dma_live(), 0);
	assert_string_equal(tport.unregistered, "rng0");
	assert_true(dev.config[PCI_COMMAND] & PCI_COMMAND_MASTER);
	assert_int_equal(atxf_fake_strays(), 0);
}

/* A DRIVER.DEVICE instance is devmgr's to publish (<atxf/proto/name.h>):
 * the driver says HELLO without registering, and drops the name at STOP. */
static void test_an_instance_devmgr_named_is_published_by_devmgr(void **state)
{
	struct atxf_rng_read first = { .len = 16 };
	struct atxf_driver_hello hello;

	(void)state;
	grant_resources_as("virtio-rng.00-04.0");
	tport_push_request(ATXF_RNG_READ, TDEV_CLIENT, &first, sizeof(first), 101);
	tport.on_recv = device_acts;
	assert_int_equal(virtio_rng_main(), 0);
	assert_string_equal(tport.registered, "");
	assert_int_equal(tport.calls[0].msg.type, ATXF_DRIVER_HELLO);
	memcpy(&hello, tport.calls[0].msg.data, sizeof(hello));
	assert_string_equal(hello.instance, "virtio-rng.00-04.0");
	assert_string_equal(tport.unregistered, "virtio-rng.00-04.0");
}

static void test_a_failed_probe_is_reported_to_devmgr(void **state)
{
	struct atxf_driver_hello hello;

	(void)state;
	grant_resources();
	dev.q[0].max_size = 0;                  /* the device offers no queue */
	assert_int_equal(virtio_rng_main(), ATXF_ENODEV);
	assert_int_equal(tport.ncalls, 1);
	memcpy(&hello, tport.calls[0].msg.data, sizeof(hello));
	assert_int_equal(hello.status, -ATXF_ENODEV);
	assert_string_equal(tport.registered, "");      /* never served */
	assert_non_null(strstr(atxf_fake_debug_output(), "rng0: virtio-rng did not start: "));
	assert_non_null(strstr(atxf_fake_debug_output(), "queue 0 does not exist"));
	assert_non_null(strstr(atxf_fake_debug_output(), "rng0: probe failed"));
	assert_true(dev.status & VIRTIO_STATUS_FAILED);
}

static void test_devmgr_may_refuse_hello(void **state)
{
	(void)state;
	grant_resources();
	tport.call_status = -ATXF_EEXIST;       /* e.g. a stale generation */
	assert_int_equal(virtio_rng_main(), ATXF_EEXIST);
	assert_int_equal(tport.nreplies, 0);
}

/* Started by hand: it serves, but nobody may stop it by message. */
static void test_without_devmgr_it_serves_but_ignores_stop(void **state)
{
	struct atxf_rng_read rd = { .len = 4 };

	(void)state;
	grant_resources();
	tport.call_err = -ATXF_EBADH;           /* no handle 0 */
	tport.call_sender = 0;
	tport_push_request(ATXF_RNG_READ, TDEV_CLIENT, &rd, sizeof(rd), 1);
	tport_push_request(ATXF_DRIVER_STOP, TDEV_DEVMGR, NULL, 0, 2);
	tport.on_recv = device_acts;
	phase = 5;                              /* no extra messages from the device */
	/* The loop ends when its port breaks (the doubles say EPEER once empty). */
	assert_int_equal(virtio_rng_main(), ATXF_EPEER);
	assert_int_equal(tport.nreplies, 2);
	assert_int_equal((int32_t)tport.replies[0].msg.type, 4);
	assert_int_equal((int32_t)tport.replies[1].msg.type, -ATXF_EPERM);
	assert_int_not_equal(dev.status, 0);    /* never removed */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_it_runs_from_hello_to_stop, fresh),
		cmocka_unit_test_setup(test_an_instance_devmgr_named_is_published_by_devmgr, fresh),
		cmocka_unit_test_setup(test_a_failed_probe_is_reported_to_devmgr, fresh),
		cmocka_unit_test_setup(test_devmgr_may_refuse_hello, fresh),
		cmocka_unit_test_setup(test_without_devmgr_it_serves_but_ignores_stop, fresh),
	};

	return cmocka_run_group_tests_name("virtio-rng under the framework", tests, NULL, NULL);
}
