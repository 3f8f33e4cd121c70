/*
 * dma-victim.atxf: the target of the dma-confined scenarios: a driver
 * process with a DMA buffer for its own device, which another driver's
 * device (dma-attack.atxf) tries to read and overwrite.
 *
 *   dma-victim.atxf
 *   start line: `with pci:BB:DD.F:r dma:8K:w` (its device and budget)
 *
 * Allocates a 4 KiB DMA buffer for its device, fills it with its pattern
 * and registers "dma-victim". Requests (ATXF_PROTO_PRIVATE_FIRST):
 *   1 WHERE  reply data: u64 physical address (its capability's base),
 *            u64 bus address (the one its device uses)
 *   2 CHECK  reply status 0 if the buffer still holds the pattern, else
 *            -ATXF_EIO; then it exits
 * Output:
 *   dma-victim: buffer at bus 0xB (physical 0xP) filled, serving
 *   dma-victim: after the attacks my buffer is intact: ok
 * (or `dma-victim: FAIL: ...` and exit 1; exit 0 after CHECK otherwise).
 */
#include <atxf/log.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include "caps.h"
#include "edu_dma.h"

#define WHERE   ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 1)
#define CHECK   ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 2)
#define SALT    0x5a
#define WAIT_NS 60000000000ull

static struct atxf_dma buf;

static int fail(const char *what, int err)
{
	atxf_log("dma-victim: FAIL: %s: %s\n", what, atxf_strerror(err));
	return 1;
}

static int setup(void)
{
	struct atxf_cap_info info;
	struct atxf_dma_tag tag = { .pci = given_cap(ATXF_CAP_PCI, &info),
				    .addr_bits = EDU_DMA_BITS };
	int err = atxf_dma_alloc(&tag, 4096, &buf);

	if (err < 0)
		return fail("allocating the DMA buffer", err);
	edu_fill((volatile uint8_t *)(uintptr_t)buf.vaddr, 4096, SALT);
	return 0;
}

/* Answers one request: 1 when CHECK has been answered. */
static int serve(const struct atxf_msg *req, uint64_t phys)
{
	struct atxf_msg reply;
	uint64_t where[2] = { phys, buf.bus_addr };
	int intact;

	atxf_msg_init(&reply, 0);
	if (req->type == WHERE) {
		atxf_msg_put(&reply, where, sizeof(where));
		atxf_reply(req, &reply);
		return 0;
	}
	intact = edu_holds((volatile uint8_t *)(uintptr_t)buf.vaddr, 4096, SALT);
	if (intact)
		atxf_log("dma-victim: after the attacks my buffer is intact: ok\n");
	else
		atxf_log("dma-victim: FAIL: my buffer was changed by another device\n");
	reply.type = intact ? 0 : (uint32_t)-ATXF_EIO;
	atxf_reply(req, &reply);
	return 1;
}

int main(void)
{
	struct atxf_cap_info info;
	struct atxf_msg req;
	atxf_handle_t port = atxf_port_create();
	int err = setup();

	if (err)
		return err;
	if (port < 0 || atxf_cap_query(buf.handle, &info) < 0)
		return fail("a port, or the buffer's capability", -ATXF_EBADH);
	err = atxf_name_register("dma-victim", port);
	if (err < 0)
		return fail("registering \"dma-victim\"", err);
	atxf_log("dma-victim: buffer at bus 0x%llx (physical 0x%llx) filled, serving\n",
		 (unsigned long long)buf.bus_addr, (unsigned long long)info.base);
	for (;;) {
		err = atxf_recv(port, &req, WAIT_NS);
		if (err < 0)
			return fail("waiting for a request", err);
		if ((req.type == WHERE || req.type == CHECK) && serve(&req, info.base))
			return 0;
	}
}
