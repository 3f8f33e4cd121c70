/*
 * The input protocol's requests (<atxf/proto/input.h>): SUBSCRIBE for
 * events and SET_LEDS. Events go out through report.c. Exercised in QEMU by
 * the PS/2 keyboard and mouse drivers.
 */
#include <atxf/driver/input.h>
#include "core.h"

static const struct atxf_input_ops none;    /* a driver without ops */

static int set_leds(struct atxf_device *dev, const struct atxf_msg *req)
{
	const struct atxf_input_ops *ops = atxf__ops(dev, &none);
	struct atxf_input_leds leds;
	int err;

	ATXF_REQ(req, leds);
	if (leds.leds & ~ATXF_LED_ALL)
		return -ATXF_EPROTO;
	if (!ops->set_leds)
		return -ATXF_ENOTSUP;
	err = ops->set_leds(dev, leds.leds);
	return err < 0 ? err : 0;
}

static int serve(struct atxf_device *dev, const struct atxf_msg *req,
		      struct atxf_msg *reply)
{
	static const struct atxf_subscriber plain = { .port = ATXF_HANDLE_NONE };

	(void)reply;
	switch (req->type) {
	case ATXF_INPUT_SUBSCRIBE:
		return atxf__subscribe(dev, req, &plain);
	case ATXF_INPUT_SET_LEDS:
		return set_leds(dev, req);
	}
	return -ATXF_ENOSYS;
}

static const struct atxf_msg_shape shapes[] = { ATXF_INPUT_PROTOCOL(ATXF_PROTO_SHAPE_) };

const struct atxf_driver_class atxf_input_class = {
	.proto = ATXF_PROTO_INPUT,
	.device_class = ATXF_CLASS_INPUT,
	.shape = shapes,
	.nshapes = sizeof(shapes) / sizeof(shapes[0]),
	.serve = serve,
};
