/*
 * Helpers shared by the driver framework's host tests: see test_driver_util.h.
 */
#include <stdio.h>
#include <string.h>
#include <atxf/port.h>
#include "test_driver_ports.h"
#include "test_driver_util.h"

void tdev_init(struct tdev *t, unsigned cls, const struct atxf_driver *ops)
{
	memset(t, 0, sizeof(*t));
	t->manifest.magic = ATXF_MANIFEST_MAGIC;
	t->manifest.version = ATXF_MANIFEST_VERSION;
	t->manifest.size = sizeof(t->manifest);
	t->manifest.device_class = (uint16_t)cls;
	strcpy(t->manifest.name, "tdev");
	atxf__device_init(&t->dev, &t->core, ops, &t->manifest);
	atxf__name_instance(&t->dev, 0, NULL);
	t->core.port = atxf_port_create();
	t->core.state = ATXF_DRIVER_RUNNING;
}

int tdev_request(struct tdev *t, uint32_t type, uint32_t pid, const void *data,
		 uint32_t len, struct atxf_msg *reply)
{
	struct atxf_msg req;

	memset(&req, 0, sizeof(req));
	req.type = type;
	req.sender = pid;
	req.len = len;
	if (data && len)
		memcpy(req.data, data, len);
	return atxf_driver_dispatch(&t->dev, &req, reply);
}

static uint32_t attach_code(unsigned cls)
{
	switch (cls) {
	case ATXF_CLASS_BLOCK: return ATXF_BLOCK_ATTACH_BUFFER;
	case ATXF_CLASS_NET: return ATXF_NET_ATTACH_BUFFER;
	case ATXF_CLASS_DISPLAY: return ATXF_DISPLAY_ATTACH_BUFFER;
	}
	return 0;
}

void *tdev_attach(struct tdev *t, uint32_t pid, size_t size)
{
	return tdev_attach_to(&t->dev, pid, size);
}

void *tdev_attach_to(struct atxf_device *dev, uint32_t pid, size_t size)
{
	struct atxf_msg req, reply;
	void *mem = NULL;

	memset(&req, 0, sizeof(req));
	req.type = attach_code(atxf_device_class(dev));
	req.sender = pid;
	req.ncaps = 1;
	req.caps[0] = tport_shm(size, &mem);
	if (atxf_driver_dispatch(dev, &req, &reply) != 0)
		return NULL;
	return mem;
}

atxf_handle_t tdev_subscribe(struct tdev *t, uint32_t pid, uint32_t type,
			     const void *data, uint32_t len)
{
	struct atxf_msg req, reply;

	memset(&req, 0, sizeof(req));
	req.type = type;
	req.sender = pid;
	req.len = len;
	if (data && len)
		memcpy(req.data, data, len);
	req.ncaps = 1;
	req.caps[0] = tport_client_port();
	if (atxf_driver_dispatch(&t->dev, &req, &reply) != 0)
		return ATXF_HANDLE_NONE;
	return req.caps[0];
}

void tcase_report(const char *name, int ok, const char *why, unsigned *failed)
{
	if (ok) {
		printf("    OK    %s\n", name);
		return;
	}
	printf("    FAIL  %s: %s\n", name, why);
	(*failed)++;
}
