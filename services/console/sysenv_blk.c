/*
 * The shell's disks on the real system (sysenv_blk.h): devmgr's PROPERTY
 * for the device tree's disk and partition nodes, and the block protocol
 * (INFO by a call; blkcheck's reads through the block client library) for
 * the devices those nodes name.
 */
#include <stdio.h>
#include <string.h>
#include <atxf/client/block.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/sys.h>
#include "console.h"
#include "sysenv_blk.h"

#define BLK_CALL_NS   2000000000ull
#define BLK_LOOKUP_NS 0                 /* a name not there now is not a disk now */

static struct atxf_block_client check_disk;     /* blkcheck's, while it runs */

int env_property(void *ctx, uint32_t node, uint32_t i, char *out, size_t size)
{
	struct console *c = ctx;
	struct atxf_msg req, reply;
	uint32_t arg[2] = { node, i };
	int err;

	atxf_msg_init(&req, DEVMGR_PROPERTY);
	atxf_msg_put(&req, arg, sizeof(arg));
	err = atxf_call(c->devmgr, &req, &reply, BLK_CALL_NS);
	if (err >= 0)
		err = (int32_t)reply.type;
	if (err < 0)
		return err;
	snprintf(out, size, "%.*s", (int)reply.len, (const char *)reply.data);
	return 0;
}

int env_block_info(void *ctx, const char *name, struct atxf_block_info *out)
{
	atxf_handle_t h = atxf_name_lookup(name, BLK_LOOKUP_NS);
	struct atxf_msg req, reply;
	int err;

	(void)ctx;
	if (h < 0)
		return (int)h;
	atxf_msg_init(&req, ATXF_BLOCK_INFO);
	err = atxf_call(h, &req, &reply, BLK_CALL_NS);
	atxf_cap_drop(h);
	if (err >= 0)
		err = (int32_t)reply.type;
	if (err < 0)
		return err;
	if (reply.len != sizeof(*out))
		return -ATXF_EPROTO;
	memcpy(out, reply.data, sizeof(*out));
	return 0;
}

int env_block_open(void *ctx, const char *name, struct atxf_block_info *out)
{
	int err = atxf_block_client_open(&check_disk, name, SHELL_BLK_BUF, BLK_CALL_NS);

	(void)ctx;
	if (!err)
		*out = check_disk.info;
	return err;
}

int env_block_read(void *ctx, uint64_t sector, uint32_t count, void *dst)
{
	(void)ctx;
	return atxf_block_client_read(&check_disk, sector, count, dst);
}

void env_block_close(void *ctx)
{
	(void)ctx;
	atxf_block_client_close(&check_disk);
}
