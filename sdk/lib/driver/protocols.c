/*
 * Which decoder a request goes to. The framework's own protocol (the
 * driver protocol, proto_driver.c) is every device's; a device class's
 * comes from the driver's class descriptor (driver->cls), the six built-in
 * classes' (proto_block.c ...) exactly as one of a driver's own: the core
 * knows no class.
 */
#include "core.h"

#define N(a) (unsigned)(sizeof(a) / sizeof((a)[0]))

static const struct atxf_msg_shape driver_shapes[] = { ATXF_DRIVER_PROTOCOL(ATXF_PROTO_SHAPE_) };

static const struct atxf_driver_class driver_protocol = {
	.proto = ATXF_PROTO_DRIVER,
	.device_class = ATXF_CLASS_NONE,
	.shape = driver_shapes,
	.nshapes = N(driver_shapes),
	.serve = atxf__driver_proto,
};

const struct atxf_driver_class *atxf__protocol_of(const struct atxf_device *dev, uint32_t proto)
{
	const struct atxf_driver_class *own = dev->driver ? dev->driver->cls : NULL;

	if (own && own->proto == proto)
		return own;
	return proto == ATXF_PROTO_DRIVER ? &driver_protocol : NULL;
}

const struct atxf_driver_class *atxf__class_protocol(const struct atxf_device *dev)
{
	const struct atxf_driver_class *own = dev->driver ? dev->driver->cls : NULL;
	unsigned cls = atxf_device_class(dev);

	return own && own->device_class == cls ? own : NULL;
}

const struct atxf_msg_shape *atxf__shape(const struct atxf_driver_class *p, uint32_t code)
{
	for (unsigned i = 0; i < p->nshapes; i++)
		if (p->shape[i].code == code)
			return &p->shape[i];
	return NULL;
}
