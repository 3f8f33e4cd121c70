/*
 * dma-client.atxf: the client of the dma-shm scenarios. It shares a page
 * of its own memory with dma-shmdrv.atxf, whose device writes into it
 * directly, and is then killed while the mapping exists.
 *
 *   dma-client.atxf
 *
 * Fills a page with its pattern, registers "dma-client", grants the page
 * (READ|WRITE) to "dma-shmdrv" and calls it with the grant (request 1).
 * When the call returns, the device has written the driver's pattern over
 * the first half of the page: it checks that (and that the rest is still
 * its own), says so, then calls again (request 2: "seen")
 * and sleeps until killed. Output:
 *   dma-client: the device's bytes are in my page, no copy: ok
 * `dma-client: FAIL: ...` and exit 1 otherwise.
 */
#include <atxf/log.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/sys.h>
#include "edu_dma.h"

#define MAPIT   ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 1)
#define SEEN    ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 2)
#define CLIENT_SALT 0x77
#define DRIVER_SALT 0x99                /* dma-shmdrv.c's */
#define PAGE    4096u
#define WAIT_NS 20000000000ull

static int fail(const char *what, long err)
{
	atxf_log("dma-client: FAIL: %s: %s\n", what, atxf_strerror((int)err));
	return 1;
}

/* The device wrote its transfer (EDU_DMA_XFER bytes) over the start of
 * the page; the rest must still be ours. */
static int device_wrote_first_half(const uint8_t *p)
{
	for (unsigned i = EDU_DMA_XFER; i < PAGE; i++)
		if (p[i] != edu_pattern(i, CLIENT_SALT))
			return 0;
	return edu_holds(p, EDU_DMA_XFER, DRIVER_SALT);
}

static int call(atxf_handle_t to, uint32_t type, long grant)
{
	struct atxf_msg req, reply;

	atxf_msg_init(&req, type);
	if (grant >= 0)
		atxf_msg_put_cap(&req, (atxf_handle_t)grant);
	return atxf_call(to, &req, &reply, WAIT_NS);
}

int main(void)
{
	uint8_t *p = atxf_mem_map(NULL, PAGE, ATXF_PROT_READ | ATXF_PROT_WRITE);
	atxf_handle_t port = atxf_port_create();
	atxf_handle_t drv = atxf_name_lookup("dma-shmdrv", WAIT_NS);
	long grant;
	int err;

	if (!p || port < 0 || drv < 0)
		return fail("a page, a port or \"dma-shmdrv\"", -ATXF_ENOENT);
	edu_fill(p, PAGE, CLIENT_SALT);
	err = atxf_name_register("dma-client", port);
	if (err < 0)
		return fail("registering \"dma-client\"", err);
	grant = atxf_shm_grant(p, PAGE, drv, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE);
	if (grant < 0)
		return fail("SYS_SHM_GRANT", grant);
	err = call(drv, MAPIT, grant);
	if (err != 0)
		return fail("the driver's DMA into my page", err);
	if (!device_wrote_first_half(p))
		return fail("my page after the device wrote it", -ATXF_EIO);
	atxf_log("dma-client: the device's bytes are in my page, no copy: ok\n");
	err = call(drv, SEEN, -1);
	if (err != 0)
		return fail("telling the driver", err);
	for (;;)
		atxf_sleep_ns(ATXF_TIMEOUT_FOREVER);
}
