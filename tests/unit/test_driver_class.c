/*
 * Host tests of a device class of its own (<atxf/driver/class.h>): a
 * "gpio" class defined here, outside the framework, with its own protocol
 * table, descriptor and ops. The framework decodes and checks its
 * requests by its shapes before its serve function runs, refuses what does
 * not fit, and lets it defer like any class.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/driver.h>
#include <atxf/driver/class.h>
#include "core.h"
#include "test_driver_ports.h"
#include "test_driver_util.h"

/* The class's header, as its author would write it. */
#define GPIO_PROTO  0x90
#define GPIO_CLASS  0x30
struct gpio_set {
	uint32_t pin, level;
};
#define GPIO_PROTOCOL(X)                                                       \
	X(GPIO, SET, 1, ATXF_TO_DRIVER, sizeof(struct gpio_set),              \
	  sizeof(struct gpio_set), 0, 0)                                      \
	X(GPIO, CHANGED, ATXF_EVENT_FIRST, ATXF_FROM_DRIVER, 8, 8, 0, 0)
#define ATXF_PROTO_GPIO GPIO_PROTO
enum { GPIO_PROTOCOL(ATXF_PROTO_CODE_) };

struct gpio_ops {
	int (*set)(struct atxf_device *dev, uint32_t pin, uint32_t level);
};

/* Its library part. */
static int gpio_serve(struct atxf_device *dev, const struct atxf_msg *req, struct atxf_msg *reply)
{
	const struct gpio_ops *ops = dev->driver->class_ops;
	struct gpio_set s;

	(void)reply;
	memcpy(&s, req->data, sizeof(s));
	if (req->type != ATXF_GPIO_SET)
		return -ATXF_ENOSYS;
	return ops && ops->set ? ops->set(dev, s.pin, s.level) : -ATXF_ENOTSUP;
}

static const struct atxf_msg_shape gpio_shapes[] = { GPIO_PROTOCOL(ATXF_PROTO_SHAPE_) };
static const struct atxf_driver_class gpio_class = {
	.proto = GPIO_PROTO, .device_class = GPIO_CLASS, .shape = gpio_shapes,
	.nshapes = 2, .serve = gpio_serve,
};

/* A driver of the class. */
static struct { unsigned sets; uint32_t pin, level; int defer; struct atxf_request *held; } gpio;

static int my_set(struct atxf_device *dev, uint32_t pin, uint32_t level)
{
	gpio.sets++;
	gpio.pin = pin;
	gpio.level = level;
	if (!gpio.defer)
		return 0;
	gpio.held = atxf_request_current(dev);
	return gpio.held ? ATXF_PENDING : -ATXF_EAGAIN;
}

static const struct gpio_ops my_ops = { .set = my_set };
static const struct atxf_driver my_driver = { .cls = &gpio_class, .class_ops = &my_ops };

static struct tdev t;

static void setup(void)
{
	tport_reset();
	memset(&gpio, 0, sizeof(gpio));
	tdev_init(&t, GPIO_CLASS, &my_driver);
}

static void test_class_request_served(void **state)
{
	struct gpio_set s = { .pin = 5, .level = 1 };
	struct atxf_msg reply;

	(void)state;
	setup();
	assert_int_equal(tdev_request(&t, ATXF_GPIO_SET, TDEV_CLIENT, &s, sizeof(s), &reply), 0);
	assert_int_equal(gpio.sets, 1);
	assert_int_equal(gpio.pin, 5);
	assert_int_equal(gpio.level, 1);
}

static void test_class_shapes_checked_first(void **state)
{
	struct gpio_set s = { 0 };
	struct atxf_msg reply;

	(void)state;
	setup();
	/* Too short, an event, an unknown code, another class's request. */
	assert_int_equal(tdev_request(&t, ATXF_GPIO_SET, TDEV_CLIENT, &s, 4, &reply), -ATXF_EPROTO);
	assert_int_equal(tdev_request(&t, ATXF_GPIO_CHANGED, TDEV_CLIENT, &s, 8, &reply),
			 -ATXF_ENOSYS);
	assert_int_equal(tdev_request(&t, ATXF_REQUEST(GPIO_PROTO, 9), TDEV_CLIENT, NULL, 0, &reply),
			 -ATXF_ENOSYS);
	assert_int_equal(tdev_request(&t, ATXF_BLOCK_INFO, TDEV_CLIENT, NULL, 0, &reply),
			 -ATXF_EPROTO);
	assert_int_equal(gpio.sets, 0);
	/* The driver protocol still works for it. */
	assert_int_equal(tdev_request(&t, ATXF_DRIVER_PING, TDEV_DEVMGR, NULL, 0, &reply), 0);
}

static void test_class_defers(void **state)
{
	struct gpio_set s = { .pin = 2, .level = 0 };

	(void)state;
	setup();
	gpio.defer = 1;
	atxf__serve(&t.dev, tport_push_request(ATXF_GPIO_SET, TDEV_CLIENT, &s, sizeof(s), 0x55));
	assert_int_equal(tport.nreplies, 0);
	assert_non_null(gpio.held);
	assert_int_equal(atxf_request_complete(gpio.held, -ATXF_EIO, 0), 0);
	assert_int_equal(tport.nreplies, 1);
	assert_int_equal(tport.replies[0].port, 0x55);
	assert_int_equal((int)tport.replies[0].msg.type, -ATXF_EIO);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_class_request_served),
		cmocka_unit_test(test_class_shapes_checked_first),
		cmocka_unit_test(test_class_defers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
