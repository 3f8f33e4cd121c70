/*
 * taker.atxf: the survivor of the kill scenario. It shows that what
 * holder.atxf holds is taken while holder lives, then free once it is
 * killed, and that holder's port then answers with -ATXF_EPEER.
 *
 *   taker.atxf
 *   start line: the same clauses as holder's (its own copies from init;
 *   the DMA buffer is for the PCI function of the pci: clause)
 *
 * Looks up "holder" (waiting up to 5 s), then checks that binding the IRQ
 * fails with EBUSY and registering "holder" with EEXIST; registers
 * "taker" (killer.atxf's cue) and waits up to 5 s for holder's port to
 * die (SYS_IPC_NOTIFY with no bits says EPEER); then sends to it, binds
 * the IRQ, registers "holder" and allocates the same DMA budget. Output:
 *   taker: while holder lives: irq bind EBUSY, "holder" EEXIST: ok
 *   taker: holder's port after the kill: send EPEER: ok
 *   taker: after the kill: irq bound, "holder" registered, dma N KiB at bus 0xADDR: ok
 * Exit 0, or 1 after `taker: FAIL: ...`.
 */
#include <atxf/hw.h>
#include <atxf/log.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/sys.h>
#include "caps.h"

#define WAIT_NS 5000000000ull
#define POLL_NS 10000000ull

static atxf_handle_t irq, budget, port;
static struct atxf_cap_info dma_info;

static int fail(const char *what, int err)
{
	atxf_log("taker: FAIL: %s: %s\n", what, atxf_strerror(err));
	return 1;
}

static int while_alive(void)
{
	int err = atxf_irq_bind(irq, port, 0);

	if (err != -ATXF_EBUSY)
		return fail("binding holder's IRQ was not refused with EBUSY", err);
	err = atxf_name_register("holder", port);
	if (err != -ATXF_EEXIST)
		return fail("registering \"holder\" was not refused with EEXIST", err);
	atxf_log("taker: while holder lives: irq bind EBUSY, \"holder\" EEXIST: ok\n");
	return 0;
}

/* Waits for the peer's port to die, then sends to it once more. */
static int peer_gone(atxf_handle_t peer)
{
	struct atxf_msg msg;
	uint64_t waited = 0;
	int err;

	while (atxf_notify(peer, 0) != -ATXF_EPEER) {
		if (waited >= WAIT_NS)
			return fail("holder's port still alive after 5 s", -ATXF_ETIMEDOUT);
		atxf_sleep_ns(POLL_NS);
		waited += POLL_NS;
	}
	atxf_msg_init(&msg, ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 1));
	err = atxf_send(peer, &msg, ATXF_IPC_NONBLOCK);
	if (err != -ATXF_EPEER)
		return fail("a send to holder's port did not fail with EPEER", err);
	atxf_log("taker: holder's port after the kill: send EPEER: ok\n");
	return 0;
}

static int after_kill(void)
{
	struct atxf_cap_info pci_info;
	struct atxf_dma_tag tag = { .pci = given_cap(ATXF_CAP_PCI, &pci_info), .addr_bits = 32 };
	struct atxf_dma dma;
	int err = atxf_irq_bind(irq, port, 0);

	if (err < 0)
		return fail("binding the IRQ after the kill", err);
	err = atxf_name_register("holder", port);
	if (err < 0)
		return fail("registering \"holder\" after the kill", err);
	err = atxf_dma_alloc(&tag, dma_info.size, &dma);
	if (err < 0)
		return fail("allocating the DMA budget", err);
	atxf_log("taker: after the kill: irq bound, \"holder\" registered, dma %llu KiB at bus 0x%llx: ok\n",
		 (unsigned long long)dma.size / 1024, (unsigned long long)dma.bus_addr);
	return 0;
}

int main(void)
{
	struct atxf_cap_info info;
	atxf_handle_t peer = atxf_name_lookup("holder", WAIT_NS);
	int err;

	irq = given_cap(ATXF_CAP_IRQ, &info);
	budget = given_cap(ATXF_CAP_DMA, &dma_info);
	port = atxf_port_create();
	if (irq < 0 || budget < 0)
		return fail("init gave no IRQ or DMA budget capability", -ATXF_EPERM);
	if (peer < 0)
		return fail("looking up \"holder\"", peer);
	if (port < 0)
		return fail("creating a port", port);
	if (while_alive())
		return 1;
	err = atxf_name_register("taker", port);
	if (err < 0)
		return fail("registering \"taker\"", err);
	return peer_gone(peer) || after_kill();
}
