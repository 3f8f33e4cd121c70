/*
 * dma-orphan.atxf: a driver that dies with a DMA transfer pending, for
 * the dma-orphan-stopped scenario (kernel/mm/dma_stop.c), beside
 * dma-orphan-check.atxf on the same edu. Started
 *   with pci:00:10.0:rw mmio:WINDOW:rw dma:8K:w
 * it fills its DMA buffer with a pattern, registers "dma-orphan" and
 * waits; on GO it starts an edu transfer from that buffer into the device
 * (edu runs it about 100 ms later), answers and exits at once, so the
 * transfer outlives it and its buffer. Output only on failure:
 * `dma-orphan: FAIL: ...`, exit 1.
 */
#include <atxf/log.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include "dma_orphan.h"
#include "edu_dma.h"

#define GO_WAIT_NS  60000000000ull

static int fail(const char *what, int err)
{
	atxf_log("dma-orphan: FAIL: %s: %s\n", what, atxf_strerror(err));
	return 1;
}

/* Starts edu reading xfer bytes from RAM at bus address `from`, and does
 * not wait for it. */
static void start_read_from(volatile uint8_t *regs, uint64_t from)
{
	atxf_mmio_write64(regs + EDU_DMA_SRC, from);
	atxf_mmio_write64(regs + EDU_DMA_DST, EDU_DMA_BUF);
	atxf_mmio_write64(regs + EDU_DMA_COUNT, EDU_DMA_XFER);
	atxf_mmio_write64(regs + EDU_DMA_CMD, EDU_DMA_START);
}

int main(void)
{
	atxf_handle_t port = atxf_port_create();
	struct edu_drv e;
	struct atxf_msg req, reply;
	const char *what;
	int err = edu_open(&e, &what);

	if (err < 0)
		return fail(what, err);
	edu_fill((volatile uint8_t *)(uintptr_t)e.own.vaddr, EDU_DMA_XFER, DMA_ORPHAN_SALT);
	if (port < 0 || (err = atxf_name_register(DMA_ORPHAN_NAME, port)) < 0)
		return fail("registering dma-orphan", port < 0 ? port : err);
	while ((err = atxf_recv(port, &req, GO_WAIT_NS)) < 0 || req.type != DMA_ORPHAN_GO)
		if (err < 0)
			return fail("waiting for GO", err);
	start_read_from(e.regs, e.own.bus_addr);
	atxf_msg_init(&reply, 0);
	atxf_reply(&req, &reply);
	atxf_exit(0);   /* with the transfer pending: the kernel frees own */
}
