/*
 * The framework's decoder table, generated from the protocol tables in
 * <atxf/proto/...> ("one table, many uses"): for each protocol, its class,
 * the shape of every message (size, capabilities, direction) and the file
 * that serves it. A message added to a table is decoded from then on.
 */
#include "core.h"

#define N(a) (unsigned)(sizeof(a) / sizeof((a)[0]))

static const struct atxf_msg_shape driver_shapes[] = { ATXF_DRIVER_PROTOCOL(ATXF_PROTO_SHAPE_) };
static const struct atxf_msg_shape block_shapes[] = { ATXF_BLOCK_PROTOCOL(ATXF_PROTO_SHAPE_) };
static const struct atxf_msg_shape char_shapes[] = { ATXF_CHAR_PROTOCOL(ATXF_PROTO_SHAPE_) };
static const struct atxf_msg_shape input_shapes[] = { ATXF_INPUT_PROTOCOL(ATXF_PROTO_SHAPE_) };
static const struct atxf_msg_shape net_shapes[] = { ATXF_NET_PROTOCOL(ATXF_PROTO_SHAPE_) };
static const struct atxf_msg_shape display_shapes[] = { ATXF_DISPLAY_PROTOCOL(ATXF_PROTO_SHAPE_) };
static const struct atxf_msg_shape rng_shapes[] = { ATXF_RNG_PROTOCOL(ATXF_PROTO_SHAPE_) };

static const struct atxf_driver_class protocols[] = {
	{ ATXF_PROTO_DRIVER, ATXF_CLASS_NONE, driver_shapes, N(driver_shapes), atxf__driver_proto, NULL },
	{ ATXF_PROTO_BLOCK, ATXF_CLASS_BLOCK, block_shapes, N(block_shapes), atxf__block_proto,
	  atxf__block_ring },
	{ ATXF_PROTO_CHAR, ATXF_CLASS_CHAR, char_shapes, N(char_shapes), atxf__char_proto, NULL },
	{ ATXF_PROTO_INPUT, ATXF_CLASS_INPUT, input_shapes, N(input_shapes), atxf__input_proto, NULL },
	{ ATXF_PROTO_NET, ATXF_CLASS_NET, net_shapes, N(net_shapes), atxf__net_proto, atxf__net_ring },
	{ ATXF_PROTO_DISPLAY, ATXF_CLASS_DISPLAY, display_shapes, N(display_shapes),
	  atxf__display_proto, NULL },
	{ ATXF_PROTO_RNG, ATXF_CLASS_RNG, rng_shapes, N(rng_shapes), atxf__rng_proto, NULL },
};

const struct atxf_driver_class *atxf__protocol(uint32_t proto)
{
	for (unsigned i = 0; i < N(protocols); i++)
		if (protocols[i].proto == proto)
			return &protocols[i];
	return NULL;
}

const struct atxf_driver_class *atxf__protocol_of(const struct atxf_device *dev, uint32_t proto)
{
	const struct atxf_driver_class *own = dev->driver ? dev->driver->cls : NULL;

	return own && own->proto == proto ? own : atxf__protocol(proto);
}

const struct atxf_driver_class *atxf__class_protocol(const struct atxf_device *dev)
{
	const struct atxf_driver_class *own = dev->driver ? dev->driver->cls : NULL;
	unsigned cls = atxf_device_class(dev);

	if (own && own->device_class == cls)
		return own;
	for (unsigned i = 0; i < N(protocols); i++)
		if (protocols[i].device_class == cls && cls != ATXF_CLASS_NONE)
			return &protocols[i];
	return NULL;
}

const struct atxf_msg_shape *atxf__shape(const struct atxf_driver_class *p, uint32_t code)
{
	for (unsigned i = 0; i < p->nshapes; i++)
		if (p->shape[i].code == code)
			return &p->shape[i];
	return NULL;
}
