/*
 * dma-attack.atxf: a driver that aims its device's DMA engine (QEMU's edu)
 * at memory that is not its own: the dma-confined scenarios.
 *
 *   dma-attack.atxf attack | peek
 *   start line: `with pci:BB:DD.F:rw mmio:BASE+SIZE:rw dma:8K:w` (its edu,
 *   a window holding edu's BAR0, a budget)
 *
 * It first copies its own buffer through the device and back (the
 * legitimate DMA must work), asks dma-victim.atxf where its buffer is
 * (physical and bus address), then reads with the device from the
 * victim's physical memory, the victim device's bus address and kernel
 * memory (the kernel image at 1 MiB, whose multiboot header it would
 * recognise), each time checking what reached its own buffer. `attack`
 * then also writes its pattern to all three; `peek` (for a machine
 * without an IOMMU, where reads succeed and writes would do damage) does
 * not. Last it copies its own buffer once more and asks the victim to
 * check its buffer. Output:
 *   dma-attack: own buffer at bus 0xB: the device copied 2048 bytes back: ok
 *   dma-attack: read of WHAT at 0xA: blocked, none of its bytes reached the device
 *     or: read of WHAT at 0xA: LEAKED, its bytes reached the device
 *   dma-attack: write to WHAT at 0xA: issued (the device says done)
 *   dma-attack: after the attacks: own buffer copied back: ok
 *   dma-attack: the victim says its buffer is intact
 * Exit 0; `dma-attack: FAIL: ...` and exit 1 when its own DMA or a
 * request fails.
 */
#include <string.h>
#include <atxf/log.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include "edu_dma.h"

#define WHERE        ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 1)
#define CHECK        ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 2)
#define OWN_SALT     0x21
#define AGAIN_SALT   0x22
#define ATTACK_SALT  0xc3
#define VICTIM_SALT  0x5a               /* dma-victim.c's */
#define KERNEL_PHYS  0x100000ull        /* kernel/arch/x86_64/memlayout.h */
#define MULTIBOOT_MAGIC 0x1badb002u
#define WAIT_NS      10000000000ull
#define XFER         EDU_DMA_XFER
#define PAGE         4096u

static struct edu_drv edu;              /* registers, tag, own buffer */
static int failed;

static volatile uint8_t *page(unsigned i)
{
	return (volatile uint8_t *)(uintptr_t)(edu.own.vaddr + i * PAGE);
}

static int fail(const char *what, int err)
{
	atxf_log("dma-attack: FAIL: %s: %s\n", what, atxf_strerror(err));
	failed = 1;
	return 1;
}

/* Our page 0 into the device, then the device into our page 1. */
static int round_trip(uint8_t salt)
{
	edu_fill(page(0), XFER, salt);
	memset((void *)page(1), 0, PAGE);
	if (edu_dma(edu.regs, edu.own.bus_addr, XFER, 0) ||
	    edu_dma(edu.regs, edu.own.bus_addr + PAGE, XFER, 1))
		return fail("own DMA did not complete", -ATXF_ETIMEDOUT);
	if (!edu_holds(page(1), XFER, salt))
		return fail("own DMA came back wrong", -ATXF_EIO);
	return 0;
}

static int is_kernel_image(const volatile uint8_t *p)
{
	for (unsigned off = 0; off + 4 <= XFER; off += 4) {
		uint32_t v;

		memcpy(&v, (const void *)(p + off), 4);
		if (v == MULTIBOOT_MAGIC)
			return 1;
	}
	return 0;
}

/* Reads XFER bytes at addr into the device (loaded with our pattern
 * first), then the device into our page 1: did the target's bytes come? */
static void try_read(const char *what, uint64_t addr, int kernel)
{
	int leaked;

	if (round_trip(OWN_SALT) || edu_dma(edu.regs, addr, XFER, 0) ||
	    edu_dma(edu.regs, edu.own.bus_addr + PAGE, XFER, 1)) {
		fail("a read attack's transfers did not complete", -ATXF_ETIMEDOUT);
		return;
	}
	leaked = kernel ? is_kernel_image(page(1)) : edu_holds(page(1), XFER, VICTIM_SALT);
	if (leaked)
		atxf_log("dma-attack: read of %s at 0x%llx: LEAKED, its bytes reached the device\n",
			 what, (unsigned long long)addr);
	else
		atxf_log("dma-attack: read of %s at 0x%llx: blocked, none of its bytes reached "
			 "the device\n", what, (unsigned long long)addr);
}

/* Loads our attack pattern into the device and writes it to addr. */
static void try_write(const char *what, uint64_t addr)
{
	edu_fill(page(0), XFER, ATTACK_SALT);
	if (edu_dma(edu.regs, edu.own.bus_addr, XFER, 0) || edu_dma(edu.regs, addr, XFER, 1)) {
		fail("a write attack's transfers did not complete", -ATXF_ETIMEDOUT);
		return;
	}
	atxf_log("dma-attack: write to %s at 0x%llx: issued (the device says done)\n", what,
		 (unsigned long long)addr);
}

static int setup(void)
{
	const char *what;
	int err = edu_open(&edu, &what);

	if (err)
		return fail(what, err);
	if (round_trip(OWN_SALT))
		return 1;
	atxf_log("dma-attack: own buffer at bus 0x%llx: the device copied %u bytes back: ok\n",
		 (unsigned long long)edu.own.bus_addr, XFER);
	return 0;
}

/* Calls dma-victim with an empty request of type; its reply in *reply. */
static int call_victim(atxf_handle_t victim, uint32_t type, struct atxf_msg *reply)
{
	struct atxf_msg req;

	atxf_msg_init(&req, type);
	return atxf_call(victim, &req, reply, WAIT_NS);
}

int main(int argc, char **argv)
{
	int writes = argc > 1 && !strcmp(argv[1], "attack");
	atxf_handle_t victim = atxf_name_lookup("dma-victim", WAIT_NS);
	struct atxf_msg reply;
	uint64_t where[2];
	int status;

	if (setup())
		return 1;
	if (victim < 0 || call_victim(victim, WHERE, &reply) != 0 ||
	    atxf_msg_get(&reply, 0, where, sizeof(where)) < 0)
		return fail("asking dma-victim where its buffer is", -ATXF_ENOENT);
	try_read("the victim's memory", where[0], 0);
	try_read("the victim device's buffer", where[1], 0);
	try_read("kernel memory", KERNEL_PHYS, 1);
	if (writes) {
		try_write("the victim's memory", where[0]);
		try_write("the victim device's buffer", where[1]);
		try_write("kernel memory", KERNEL_PHYS);
	}
	if (round_trip(AGAIN_SALT))
		return 1;
	atxf_log("dma-attack: after the attacks: own buffer copied back: ok\n");
	status = call_victim(victim, CHECK, &reply);
	if (status == 0)
		atxf_log("dma-attack: the victim says its buffer is intact\n");
	else
		atxf_log("dma-attack: the victim says its buffer was changed (%s)\n",
			 atxf_strerror(status));
	return failed;
}
