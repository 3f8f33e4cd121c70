/*
 * Why the virtio library refused something: one line in vd->error, which
 * the driver logs (atxf_virtio_error).
 */
#include <stdarg.h>
#include <stdio.h>
#include "virtio_impl.h"

int atxf__virtio_refuse(struct atxf_virtio *vd, int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(vd->error, sizeof(vd->error), fmt, ap);
	va_end(ap);
	return err;
}

const char *atxf_virtio_error(const struct atxf_virtio *vd)
{
	return vd->error;
}
