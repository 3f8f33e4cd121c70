/*
 * Host tests of several devices in one driver process (atxf_device_add,
 * sdk/lib/driver/devices.c): each added device gets its own name, class,
 * port and framework state and serves its own requests; bad additions
 * are refused with the reason logged and change nothing; devmgr's STOP
 * ends every added device's pending requests with -ATXF_ENODEV and runs
 * its .remove before the first device's.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/driver/block.h>
#include <atxf/port.h>
#include "core.h"
#include "test_driver_ports.h"
#include "test_driver_util.h"

static struct {
	unsigned removes, cancels, first_removed_after;
	int why;
	struct atxf_request *held;
} seen;

static int part_read(struct atxf_device *dev, uint64_t s, uint32_t n, void *buf)
{
	(void)s, (void)n, (void)buf;
	seen.held = atxf_request_current(dev);
	return seen.held ? ATXF_PENDING : -ATXF_EAGAIN;
}

static void part_cancel(struct atxf_device *dev, struct atxf_request *r, int why)
{
	(void)dev, (void)r;
	seen.cancels++;
	seen.why = why;
}

static void part_remove(struct atxf_device *dev)
{
	(void)dev;
	seen.removes++;
}

static void first_remove(struct atxf_device *dev)
{
	(void)dev;
	seen.first_removed_after = seen.removes;
}

static const struct atxf_block_ops block_ops = { .read = part_read };
static const struct atxf_driver part_ops = {
	.cancel = part_cancel, .remove = part_remove, ATXF_BLOCK_OPS(block_ops),
};
static const struct atxf_driver first_ops = { .name = "ctl", .remove = first_remove };

static struct atxf_manifest manifest;

static struct atxf_device *setup(void)
{
	struct atxf_device *first;

	tport_reset();
	memset(&seen, 0, sizeof(seen));
	memset(&manifest, 0, sizeof(manifest));
	manifest.magic = ATXF_MANIFEST_MAGIC;
	manifest.device_class = ATXF_CLASS_NONE;
	strcpy(manifest.name, "ctl");
	first = atxf__device_first(&first_ops, &manifest);
	atxf__name_instance(first, 0, NULL);
	first->core->port = atxf_port_create();
	first->core->state = ATXF_DRIVER_RUNNING;
	first->core->control_pid = TDEV_DEVMGR;
	return first;
}

static void test_added_device_serves_its_own(void **state)
{
	struct atxf_device *first = setup(), *p;
	struct atxf_block_info bi;
	struct atxf_msg req, reply;

	(void)state;
	p = atxf_device_add(first, &part_ops, ATXF_CLASS_BLOCK, "ctl0p1");
	assert_non_null(p);
	assert_string_equal(tport.registered, "ctl0p1");
	assert_ptr_equal(p->parent, first);
	assert_int_equal(atxf_device_class(p), ATXF_CLASS_BLOCK);
	assert_int_equal(atxf_device_class(first), ATXF_CLASS_NONE);
	assert_int_equal(atxf__device_count(), 2);
	assert_true(p->core->port >= 0 && p->core->port != first->core->port);
	p->info.block = (struct atxf_block_info){ .sector_size = 512, .sectors = 77 };
	memset(&req, 0, sizeof(req));
	req.type = ATXF_BLOCK_INFO;
	req.sender = TDEV_CLIENT;
	assert_int_equal(atxf_driver_dispatch(p, &req, &reply), 0);
	memcpy(&bi, reply.data, sizeof(bi));
	assert_int_equal(bi.sectors, 77);
	/* The first device, of no class, refuses the block protocol. */
	assert_int_equal(atxf_driver_dispatch(first, &req, &reply), -ATXF_EPROTO);
}

static void test_bad_additions_refused(void **state)
{
	struct atxf_device *first = setup(), *p;
	char name[16];

	(void)state;
	p = atxf_device_add(first, &part_ops, ATXF_CLASS_BLOCK, "ctl0p1");
	assert_non_null(p);
	assert_null(atxf_device_add(first, &part_ops, ATXF_CLASS_BLOCK, "ctl0p1"));   /* taken */
	assert_null(atxf_device_add(first, &part_ops, ATXF_CLASS_BLOCK, ""));
	assert_null(atxf_device_add(first, &part_ops, ATXF_CLASS_BLOCK,
				    "a-name-that-is-longer-than-the-63-bytes-an-instance-name-may-have"));
	assert_null(atxf_device_add(first, &part_ops, ATXF_CLASS_NONE, "ctl0p2"));
	assert_null(atxf_device_add(p, &part_ops, ATXF_CLASS_BLOCK, "ctl0p2"));       /* not first */
	assert_null(atxf_device_add(first, NULL, ATXF_CLASS_BLOCK, "ctl0p2"));
	assert_null(atxf_device_add(first, &part_ops, ATXF_CLASS_NET, "ctl0p2"));     /* block ops */
	tport.register_err = -ATXF_EEXIST;                                            /* someone's */
	assert_null(atxf_device_add(first, &part_ops, ATXF_CLASS_BLOCK, "ctl0p2"));
	tport.register_err = 0;
	assert_int_equal(atxf__device_count(), 2);
	for (unsigned i = 2; i < ATXF_DRIVER_MAX_DEVICES; i++) {
		strcpy(name, "ctl0pX");
		name[5] = (char)('0' + i);
		assert_non_null(atxf_device_add(first, &part_ops, ATXF_CLASS_BLOCK, name));
	}
	assert_null(atxf_device_add(first, &part_ops, ATXF_CLASS_BLOCK, "ctl0p9"));   /* full */
	assert_int_equal(atxf__device_count(), ATXF_DRIVER_MAX_DEVICES);
}

static void test_stop_ends_added_devices_first(void **state)
{
	struct atxf_device *first = setup(), *p;
	struct atxf_block_rw rw = { .sector = 1, .count = 1 };

	(void)state;
	p = atxf_device_add(first, &part_ops, ATXF_CLASS_BLOCK, "ctl0p1");
	p->info.block = (struct atxf_block_info){ .sector_size = 512, .sectors = 77 };
	assert_non_null(tdev_attach_to(p, TDEV_CLIENT, 4096));
	atxf__serve(p, tport_push_request(ATXF_BLOCK_READ, TDEV_CLIENT, &rw, sizeof(rw), 0x42));
	assert_non_null(seen.held);
	assert_int_equal(tport.nreplies, 0);    /* the READ waits */
	atxf__serve(first, tport_push_request(ATXF_DRIVER_STOP, TDEV_DEVMGR, NULL, 0, 0x43));
	assert_int_equal(seen.cancels, 1);
	assert_int_equal(seen.why, -ATXF_ENODEV);
	assert_int_equal(tport.nreplies, 2);    /* the READ's, then the STOP's */
	assert_int_equal(tport.replies[0].port, 0x42);
	assert_int_equal((int)tport.replies[0].msg.type, -ATXF_ENODEV);
	assert_int_equal(tport.replies[1].port, 0x43);
	assert_int_equal(tport.replies[1].msg.type, 0);
	assert_int_equal(seen.removes, 1);
	assert_int_equal(seen.first_removed_after, 1);  /* the added one went first */
	assert_string_equal(tport.unregistered, "ctl0p1");
	assert_int_equal(p->core->state, ATXF_DRIVER_STOPPING);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_added_device_serves_its_own),
		cmocka_unit_test(test_bad_additions_refused),
		cmocka_unit_test(test_stop_ends_added_devices_first),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
