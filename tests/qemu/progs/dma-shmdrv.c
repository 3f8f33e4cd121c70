/*
 * dma-shmdrv.atxf: the driver of the dma-shm scenarios: zero-copy DMA into
 * a client's shared page (SYS_DMA_MAP), and the page's frames kept for the
 * device after the client dies, until the driver unmaps them.
 *
 *   dma-shmdrv.atxf
 *   start line: `with pci:BB:DD.F:rw mmio:BASE+SIZE:rw dma:8K:w`, and
 *   killer.atxf kills dma-client.atxf once "dma-shmdrv-armed" appears
 *
 * Registers "dma-shmdrv". On request 1 (a grant in caps[0]) it maps the
 * grant for its edu (one segment) and has the device write its pattern
 * there, then replies; on request 2 the client has seen the bytes, so it
 * registers "dma-shmdrv-armed" and waits for the client's port to die.
 * Then it allocates and fills 16 MiB of fresh memory (a freed frame would
 * likely be among them), reads the mapping back through the device and
 * checks it still holds the device's bytes; writes it once more and reads
 * that back; and unmaps it. Output:
 *   dma-shmdrv: client page mapped for 00:BB.F: N segment(s), bus 0xB; device wrote it
 *   dma-shmdrv: client dead; after 16 MiB of new allocations the device still reads its bytes: ok
 *   dma-shmdrv: the device still writes the page and reads it back: ok
 *   dma-shmdrv: unmapped
 * `dma-shmdrv: FAIL: ...` and exit 1 otherwise; exit 0.
 */
#include <string.h>
#include <atxf/log.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include "edu_dma.h"

#define MAPIT       ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 1)
#define SEEN        ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 2)
#define DRIVER_SALT 0x99
#define AGAIN_SALT  0x42
#define XFER         EDU_DMA_XFER
#define PAGE        4096u
#define HOG_BYTES   (16u << 20)
#define WAIT_NS     20000000000ull
#define POLL_NS     20000000ull

static struct edu_drv edu;              /* registers, tag, own buffer */
static struct atxf_dma_map map;

static volatile uint8_t *page(unsigned i)
{
	return (volatile uint8_t *)(uintptr_t)(edu.own.vaddr + i * PAGE);
}

static int fail(const char *what, int err)
{
	atxf_log("dma-shmdrv: FAIL: %s: %s\n", what, atxf_strerror(err));
	return 1;
}

/* Our pattern salt into the device, the device into the client's page. */
static int write_page(uint8_t salt)
{
	edu_fill(page(0), XFER, salt);
	if (edu_dma(edu.regs, edu.own.bus_addr, XFER, 0) ||
	    edu_dma(edu.regs, map.seg[0].bus_addr, XFER, 1))
		return fail("DMA into the client's page", -ATXF_ETIMEDOUT);
	return 0;
}

/* The client's page through the device into our page 1: holds salt? */
static int read_page_holds(uint8_t salt)
{
	memset((void *)page(1), 0, PAGE);
	if (edu_dma(edu.regs, map.seg[0].bus_addr, XFER, 0) ||
	    edu_dma(edu.regs, edu.own.bus_addr + PAGE, XFER, 1))
		return fail("DMA from the client's page", -ATXF_ETIMEDOUT), 0;
	return edu_holds(page(1), XFER, salt);
}

static int setup(void)
{
	const char *what;
	int err = edu_open(&edu, &what);

	return err ? fail(what, err) : 0;
}

/* Request 1: map the grant and let the device write it. */
static int map_grant(const struct atxf_msg *req)
{
	int err;

	if (req->type != MAPIT || req->ncaps != 1)
		return fail("MAPIT with one capability expected", -ATXF_EPROTO);
	err = atxf_dma_map(&edu.tag, req->caps[0], &map);
	if (err < 0)
		return fail("SYS_DMA_MAP of the client's grant", err);
	if (write_page(DRIVER_SALT))
		return 1;
	atxf_log("dma-shmdrv: client page mapped for %02x:%02x.%u: %u segment(s), bus 0x%llx; "
		 "device wrote it\n", edu.bdf >> 8, edu.bdf >> 3 & 0x1f, edu.bdf & 7, map.nsegs,
		 (unsigned long long)map.seg[0].bus_addr);
	return 0;
}

/* Waits until the client's port is dead (it was killed). */
static int wait_client_dead(void)
{
	atxf_handle_t client = atxf_name_lookup("dma-client", WAIT_NS);
	uint64_t end = atxf_time_ns() + WAIT_NS;

	if (client < 0)
		return fail("looking up \"dma-client\"", client);
	while (atxf_notify(client, 0) != -ATXF_EPEER) {
		if (atxf_time_ns() > end)
			return fail("the client was not killed", -ATXF_ETIMEDOUT);
		atxf_sleep_ns(POLL_NS);
	}
	return 0;
}

/* New memory, written all over: what a reused frame would get. */
static int hog(void)
{
	uint8_t *m = atxf_mem_map(NULL, HOG_BYTES, ATXF_PROT_READ | ATXF_PROT_WRITE);

	if (!m)
		return fail("allocating 16 MiB", -ATXF_ENOMEM);
	memset(m, 0xee, HOG_BYTES);
	return 0;
}

static int after_death(void)
{
	if (wait_client_dead() || hog())
		return 1;
	if (!read_page_holds(DRIVER_SALT))
		return fail("the mapped page after the client's death", -ATXF_EIO);
	atxf_log("dma-shmdrv: client dead; after 16 MiB of new allocations the device still "
		 "reads its bytes: ok\n");
	if (write_page(AGAIN_SALT) || !read_page_holds(AGAIN_SALT))
		return fail("writing the page again and reading it back", -ATXF_EIO);
	atxf_log("dma-shmdrv: the device still writes the page and reads it back: ok\n");
	if (atxf_dma_unmap(&map) < 0)
		return fail("SYS_DMA_UNMAP", -ATXF_EBADH);
	atxf_log("dma-shmdrv: unmapped\n");
	return 0;
}

int main(void)
{
	struct atxf_msg req, reply;
	atxf_handle_t port = atxf_port_create();
	int err;

	if (setup())
		return 1;
	err = port < 0 ? port : atxf_name_register("dma-shmdrv", port);
	if (err < 0)
		return fail("registering \"dma-shmdrv\"", err);
	if (atxf_recv(port, &req, WAIT_NS) < 0 || map_grant(&req))
		return 1;
	atxf_msg_init(&reply, 0);
	atxf_reply(&req, &reply);
	if (atxf_recv(port, &req, WAIT_NS) < 0 || req.type != SEEN)
		return fail("waiting for the client's word", -ATXF_EPROTO);
	atxf_reply(&req, &reply);
	err = atxf_name_register("dma-shmdrv-armed", port);
	if (err < 0)
		return fail("registering \"dma-shmdrv-armed\"", err);
	return after_death();
}
