/*
 * The input protocol's requests (<atxf/proto/input.h>): SUBSCRIBE for
 * events and SET_LEDS. Events go out through report.c. Exercised in QEMU by
 * the PS/2 keyboard and mouse drivers.
 */
#include "core.h"

static int set_leds(struct atxf_device *dev, const struct atxf_msg *req)
{
	struct atxf_input_leds leds;
	int err;

	ATXF_REQ(req, leds);
	if (leds.leds & ~ATXF_LED_ALL)
		return -ATXF_EPROTO;
	if (!dev->driver->input.set_leds)
		return -ATXF_ENOTSUP;
	err = dev->driver->input.set_leds(dev, leds.leds);
	return err < 0 ? err : 0;
}

int atxf__input_proto(struct atxf_device *dev, const struct atxf_msg *req,
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
