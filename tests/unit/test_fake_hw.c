/*
 * The rest of the fake hardware: MMIO devices behind capabilities, DMA
 * buffers and their bus addresses, interrupts, the clock, capabilities
 * themselves, PCI configuration space, the console and exit.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/fake.h>
#include <atxf/log.h>
#include <atxf/proc.h>

#define RW (ATXF_RIGHT_READ | ATXF_RIGHT_WRITE)

static int setup(void **state)
{
	(void)state;
	atxf_fake_reset();
	return 0;
}

/* ---- MMIO */

struct regs_log {
	uint64_t offset;
	unsigned width;
	uint64_t value;
	unsigned reads, writes;
};

static uint64_t log_read(void *ctx, uint64_t offset, unsigned width)
{
	struct regs_log *l = ctx;

	l->reads++;
	l->offset = offset;
	l->width = width;
	return 0x1122334455667788ull;   /* the fake truncates to width */
}

static void log_write(void *ctx, uint64_t offset, unsigned width, uint64_t value)
{
	struct regs_log *l = ctx;

	l->writes++;
	l->offset = offset;
	l->width = width;
	l->value = value;
}

static void mmio_callbacks_get_offset_and_width(void **state)
{
	struct regs_log log = { 0 };
	void *backing = atxf_fake_mmio_add(0xfebf0000, 0x1000, log_read, log_write, &log);
	atxf_handle_t h = atxf_fake_cap_add(ATXF_CAP_MMIO, RW, 0xfebf0000, 0x1000);
	volatile uint8_t *regs = atxf_mmio_map(h, 0, 0x1000);

	(void)state;
	assert_non_null(backing);
	assert_ptr_equal(regs, backing);
	assert_int_equal(atxf_mmio_read8(regs + 3), 0x88);
	assert_int_equal(atxf_mmio_read16(regs + 0x10), 0x7788);
	assert_int_equal(atxf_mmio_read32(regs + 0x14), 0x55667788);
	assert_int_equal(log.offset, 0x14);
	assert_int_equal(log.width, 4);
	assert_int_equal(atxf_mmio_read64(regs + 0x18), 0x1122334455667788ull);
	atxf_mmio_write32(regs + 0x100, 0xcafe);
	assert_int_equal(log.offset, 0x100);
	assert_int_equal(log.width, 4);
	assert_int_equal(log.value, 0xcafe);
	atxf_mmio_write64(regs + 0x108, 1);
	assert_int_equal(log.width, 8);
	assert_int_equal(log.reads, 4);
	assert_int_equal(log.writes, 2);
}

static void mmio_without_callbacks_is_backing_memory(void **state)
{
	uint32_t *mem = atxf_fake_mmio_add(0xe0000000, 64, NULL, NULL, NULL);
	atxf_handle_t h = atxf_fake_cap_add(ATXF_CAP_MMIO, RW, 0xe0000000, 64);
	volatile uint8_t *regs = atxf_mmio_map(h, 0, 64);

	(void)state;
	mem[1] = 0xdeadbeef;            /* the test presets a register */
	assert_int_equal(atxf_mmio_read32(regs + 4), 0xdeadbeef);
	atxf_mmio_write16(regs + 8, 0xabcd);
	assert_int_equal(mem[2], 0xabcd);
}

static void mmio_plain_memory_and_map_offsets(void **state)
{
	uint32_t ring[4] = { 0 };
	struct regs_log log = { 0 };
	void *backing = atxf_fake_mmio_add(0xf0001000, 0x100, log_read, log_write, &log);
	atxf_handle_t h = atxf_fake_cap_add(ATXF_CAP_MMIO, RW, 0xf0000000, 0x2000);

	(void)state;
	/* Not a device: the accessors touch the memory itself. */
	atxf_mmio_write32(&ring[2], 7);
	assert_int_equal(ring[2], 7);
	assert_int_equal(atxf_mmio_read32(&ring[2]), 7);
	assert_int_equal(log.reads + log.writes, 0);
	/* A capability wider than the device: map the part where it is. */
	assert_ptr_equal(atxf_mmio_map(h, 0x1000, 0x100), backing);
	assert_ptr_equal(atxf_mmio_map(h, 0x1010, 0x10), (uint8_t *)backing + 0x10);
	assert_null(atxf_mmio_map(h, 0, 0x100));            /* no device there */
	assert_null(atxf_mmio_map(h, 0x1000, 0x101));       /* runs past the device */
	assert_null(atxf_mmio_map(h, 0x1f00, 0x200));       /* past the capability */
	assert_null(atxf_mmio_map(h, 0x1000, 0));
	assert_null(atxf_mmio_map(ATXF_HANDLE_FIRST_EXTRA + 5, 0, 4));  /* no such handle */
	assert_null(atxf_fake_mmio_add(0xf0001080, 0x100, NULL, NULL, NULL));   /* overlap */
	assert_null(atxf_fake_mmio_add(0xf0008000, 0, NULL, NULL, NULL));
}

static void mmio_map_needs_an_mmio_capability(void **state)
{
	atxf_handle_t io = atxf_fake_cap_ioport(0x3f8, 8, RW);
	atxf_handle_t wo = atxf_fake_cap_add(ATXF_CAP_MMIO, ATXF_RIGHT_WRITE, 0xe0000000, 64);

	(void)state;
	atxf_fake_mmio_add(0xe0000000, 64, NULL, NULL, NULL);
	assert_null(atxf_mmio_map(io, 0, 4));
	assert_null(atxf_mmio_map(wo, 0, 4));
}

/* ---- DMA */

static uint8_t dma_dev_config[256];

/* A tag for a fake PCI function with a 32-bit DMA engine. */
static struct atxf_dma_tag dma_tag(void)
{
	atxf_handle_t pci = atxf_fake_cap_pci(0x0020, dma_dev_config, sizeof(dma_dev_config),
					      NULL, NULL);

	assert_true(pci >= 0);
	return (struct atxf_dma_tag){ .pci = pci, .addr_bits = 32 };
}

static void dma_buffers(void **state)
{
	struct atxf_dma_tag tag = dma_tag();
	struct atxf_dma a, b;
	uint8_t *host;

	(void)state;
	assert_int_equal(atxf_dma_alloc(&tag, 100, &a), 0);
	assert_int_equal(atxf_dma_alloc(&tag, 4096, &b), 0);
	/* Deterministic bus addresses with a gap page between buffers. */
	assert_int_equal(a.bus_addr, 0x40000000);
	assert_int_equal(b.bus_addr, 0x40002000);
	assert_int_equal(a.size, 4096);
	assert_int_equal(a.vaddr % 4096, 0);
	for (int i = 0; i < 4096; i++)
		assert_int_equal(((uint8_t *)(uintptr_t)a.vaddr)[i], 0);
	/* The device side finds the driver's memory from the bus address. */
	((uint8_t *)(uintptr_t)a.vaddr)[10] = 0x42;
	host = atxf_fake_dma_to_host(a.bus_addr + 10, 20);
	assert_ptr_equal(host, (uint8_t *)(uintptr_t)a.vaddr + 10);
	assert_int_equal(*host, 0x42);
	assert_int_equal(atxf_fake_dma_live(), 2);
	assert_int_equal(atxf_fake_strays(), 0);
	assert_null(atxf_fake_dma_to_host(a.bus_addr + 4090, 8));  /* runs off the end */
	assert_int_equal(atxf_fake_strays(), 1);
	atxf_dma_free(&a);
	assert_int_equal(a.handle, ATXF_HANDLE_NONE);
	assert_int_equal(atxf_fake_dma_live(), 1);
	assert_null(atxf_fake_dma_to_host(0x40000000, 1));      /* freed */
	atxf_dma_free(&b);
	assert_int_equal(atxf_fake_dma_live(), 0);
}

static void dma_is_a_capability(void **state)
{
	struct atxf_dma_tag tag = dma_tag();
	struct atxf_dma d;
	struct atxf_cap_info info;
	atxf_handle_t h;

	(void)state;
	assert_int_equal(atxf_dma_alloc(&tag, 8192, &d), 0);
	h = d.handle;
	assert_int_equal(atxf_cap_query(d.handle, &info), 0);
	assert_int_equal(info.kind, ATXF_CAP_DMA);
	assert_int_equal(info.base, d.bus_addr);
	assert_int_equal(info.size, 8192);
	atxf_dma_free(&d);
	assert_int_equal(atxf_cap_query(h, &info), -ATXF_EBADH);
}

/* A tag must name a PCI function and limits the device can live with. */
static void dma_tag_is_checked(void **state)
{
	struct atxf_dma_tag tag = dma_tag();
	struct atxf_dma_tag bad = tag;
	struct atxf_dma d;
	atxf_handle_t mmio = atxf_fake_cap_add(ATXF_CAP_MMIO, RW, 0xe0000000, 4096);

	(void)state;
	assert_int_equal(atxf_dma_alloc(NULL, 4096, &d), -ATXF_EFAULT);
	bad.pci = mmio;
	assert_int_equal(atxf_dma_alloc(&bad, 4096, &d), -ATXF_EBADH);
	bad = tag;
	bad.addr_bits = 8;
	assert_int_equal(atxf_dma_alloc(&bad, 4096, &d), -ATXF_EINVAL);
	bad = tag;
	bad.max_seg = 4096;
	assert_int_equal(atxf_dma_alloc(&bad, 8192, &d), -ATXF_EINVAL);
	bad = tag;
	bad.boundary = 3 * 4096;
	assert_int_equal(atxf_dma_alloc(&bad, 4096, &d), -ATXF_EINVAL);
	bad = tag;
	bad.addr_bits = 28;                 /* the fake's addresses start at 1 GiB */
	assert_int_equal(atxf_dma_alloc(&bad, 4096, &d), -ATXF_ENOMEM);
	assert_int_equal(atxf_fake_dma_live(), 0);
}

/* A client's pages mapped for the device: segments as the kernel splits
 * them, reachable by the device side until the unmap. */
static void dma_map_of_client_pages(void **state)
{
	struct atxf_dma_tag tag = dma_tag();
	uint8_t *pages = aligned_alloc(4096, 3 * 4096);
	struct atxf_dma_map m, copy;
	atxf_handle_t shm;

	(void)state;
	assert_non_null(pages);
	memset(pages, 0, 3 * 4096);
	shm = atxf_fake_cap_shm(pages, 3 * 4096);
	assert_true(shm >= 0);
	assert_int_equal(atxf_fake_cap_shm(pages, 100), -ATXF_EINVAL);
	tag.max_seg = 4096;
	assert_int_equal(atxf_dma_map(&tag, shm, &m), 0);
	assert_int_equal(m.nsegs, 3);
	assert_int_equal(m.size, 3 * 4096);
	assert_int_equal(m.seg[1].bus_addr, m.seg[0].bus_addr + 4096);
	*(uint8_t *)atxf_fake_dma_to_host(m.seg[1].bus_addr + 5, 1) = 0x42;  /* the device */
	assert_int_equal(pages[4096 + 5], 0x42);                            /* the client */
	copy = m;
	assert_int_equal(atxf_dma_unmap(&m), 0);
	assert_int_equal(m.handle, ATXF_HANDLE_NONE);
	assert_int_equal(atxf_dma_unmap(&copy), -ATXF_EBADH);
	assert_null(atxf_fake_dma_to_host(copy.seg[0].bus_addr, 1));        /* gone */
	assert_int_equal(atxf_fake_strays(), 1);
	assert_int_equal(atxf_dma_map(&tag, tag.pci, &m), -ATXF_EBADH);      /* not an SHM */
	tag.max_seg = 0;
	tag.boundary = 8192;
	assert_int_equal(atxf_dma_map(&tag, shm, &m), 0);
	assert_true(m.nsegs >= 2);
	atxf_dma_unmap(&m);
	assert_int_equal(atxf_fake_dma_live(), 0);
	free(pages);
}

static void dma_double_free_and_limit(void **state)
{
	struct atxf_dma_tag tag = dma_tag();
	struct atxf_dma d, copy;

	(void)state;
	assert_int_equal(atxf_dma_alloc(&tag, 0, &d), -ATXF_EINVAL);
	assert_int_equal(d.handle, ATXF_HANDLE_NONE);
	atxf_dma_free(&d);                          /* a no-op, not a stray */
	assert_int_equal(atxf_fake_strays(), 0);
	assert_int_equal(atxf_dma_alloc(&tag, 1, &d), 0);
	copy = d;
	atxf_dma_free(&d);
	atxf_dma_free(&copy);                       /* the same buffer again */
	assert_int_equal(atxf_fake_strays(), 1);
	assert_non_null(strstr(atxf_fake_last_stray(), "freed twice"));
	atxf_fake_dma_limit(8192);
	assert_int_equal(atxf_dma_alloc(&tag, 8192, &d), 0);
	assert_int_equal(atxf_dma_alloc(&tag, 1, &copy), -ATXF_ENOMEM);
	atxf_dma_free(&d);
	assert_int_equal(atxf_dma_alloc(&tag, 1, &copy), 0);
}

/* ---- interrupts */

static void irq_bind_raise_ack(void **state)
{
	atxf_handle_t irq = atxf_fake_cap_irq(4);
	atxf_handle_t port;
	unsigned bit;

	(void)state;
	assert_int_equal(atxf_fake_irq_binding(4, &port, &bit), -ATXF_ENOENT);
	assert_int_equal(atxf_irq_bind(irq, 9, 3), 0);
	assert_int_equal(atxf_fake_irq_binding(4, &port, &bit), 0);
	assert_int_equal(port, 9);
	assert_int_equal(bit, 3);
	assert_false(atxf_fake_irq_pending(4));
	atxf_fake_irq_raise(4);
	assert_true(atxf_fake_irq_pending(4));
	assert_int_equal(atxf_irq_ack(irq), 0);
	assert_false(atxf_fake_irq_pending(4));
	assert_int_equal(atxf_fake_irq_acks(4), 1);
	assert_int_equal(atxf_fake_irq_acks(5), 0);
}

static void irq_refusals(void **state)
{
	atxf_handle_t irq = atxf_fake_cap_irq(1);
	atxf_handle_t io = atxf_fake_cap_ioport(0x60, 1, RW);

	(void)state;
	assert_int_equal(atxf_irq_bind(io, 9, 0), -ATXF_EBADH);
	assert_int_equal(atxf_irq_ack(io), -ATXF_EBADH);
	assert_int_equal(atxf_irq_bind(irq, -1, 0), -ATXF_EBADH);
	assert_int_equal(atxf_irq_bind(irq, 9, 64), -ATXF_EINVAL);
	atxf_fake_irq_raise(300);
	assert_int_equal(atxf_fake_strays(), 1);
	assert_false(atxf_fake_irq_pending(300));
}

/* ---- the clock */

static void clock_moves_only_when_told(void **state)
{
	(void)state;
	assert_int_equal(atxf_time_ns(), 0);
	assert_int_equal(atxf_clock_ns(), 0);
	atxf_delay_us(3);
	assert_int_equal(atxf_sleep_ns(500), 0);
	atxf_yield();
	atxf_fake_clock_advance(7);
	assert_int_equal(atxf_time_ns(), 3507);
	atxf_fake_clock_step(10);
	assert_int_equal(atxf_time_ns(), 3517);
	assert_int_equal(atxf_clock_ns(), 3527);
	atxf_sleep_ns(ATXF_TIMEOUT_FOREVER);        /* saturates, never wraps */
	assert_int_equal(atxf_time_ns(), UINT64_MAX);
}

/* ---- capabilities */

static void caps_query_derive_drop(void **state)
{
	atxf_handle_t io = atxf_fake_cap_ioport(0x3f8, 8, RW | ATXF_RIGHT_GRANT);
	atxf_handle_t irq = atxf_fake_cap_irq(4);
	struct atxf_cap_info info;
	atxf_handle_t d;

	(void)state;
	/* Handed out as devmgr would: from ATXF_HANDLE_FIRST_EXTRA, in order. */
	assert_int_equal(io, ATXF_HANDLE_FIRST_EXTRA);
	assert_int_equal(irq, ATXF_HANDLE_FIRST_EXTRA + 1);
	assert_int_equal(atxf_cap_query(io, &info), 0);
	assert_int_equal(info.kind, ATXF_CAP_IOPORT);
	assert_int_equal(info.rights, RW | ATXF_RIGHT_GRANT);
	assert_int_equal(info.base, 0x3f8);
	assert_int_equal(info.size, 8);
	assert_int_equal(atxf_cap_query(ATXF_HANDLE_PARENT, &info), -ATXF_EBADH);
	assert_int_equal(atxf_cap_query(-1, &info), -ATXF_EBADH);
	assert_int_equal(atxf_cap_query(ATXF_MAX_HANDLES, &info), -ATXF_EBADH);

	d = atxf_cap_derive(io, 0x3fd, 1, ATXF_RIGHT_READ);
	assert_true(d >= 0);
	atxf_cap_query(d, &info);
	assert_int_equal(info.base, 0x3fd);
	assert_int_equal(info.rights, ATXF_RIGHT_READ);
	assert_int_equal(atxf_cap_derive(d, 0x3fd, 1, RW), -ATXF_EPERM);
	assert_int_equal(atxf_cap_derive(io, 0x3fc, 8, RW), -ATXF_ERANGE);
	assert_int_equal(atxf_cap_derive(io, 0x3f0, 4, RW), -ATXF_ERANGE);
	assert_int_equal(atxf_cap_drop(io), 0);
	assert_int_equal(atxf_cap_drop(io), -ATXF_EBADH);
	/* The lowest free handle is reused. */
	assert_int_equal(atxf_fake_cap_irq(5), io);
}

static void caps_refuse_nonsense(void **state)
{
	(void)state;
	assert_int_equal(atxf_fake_cap_add(ATXF_CAP_NONE, RW, 0, 1), -ATXF_EINVAL);
	assert_int_equal(atxf_fake_cap_add(42, RW, 0, 1), -ATXF_EINVAL);
	assert_int_equal(atxf_fake_cap_add(ATXF_CAP_PORT, 0x80, 0, 1), -ATXF_EINVAL);
	assert_int_equal(atxf_fake_cap_ioport(0xfffe, 4, RW), -ATXF_EINVAL);
	for (int i = ATXF_HANDLE_FIRST_EXTRA; i < ATXF_MAX_HANDLES; i++)
		assert_int_equal(atxf_fake_cap_irq(1), i);
	assert_int_equal(atxf_fake_cap_irq(1), -ATXF_ENOSPC);
}

/* ---- PCI configuration space */

struct bar_model {
	uint8_t *config;
	uint32_t bar0;              /* what BAR0 holds */
	uint32_t size;              /* the BAR's size: a power of two */
};

/* BAR sizing (PCI 3.0 §6.2.5.1): writing all ones reads back the size mask. */
static void bar_write(void *ctx, uint16_t offset, unsigned width, uint32_t value)
{
	struct bar_model *m = ctx;
	uint32_t stored;

	if (offset != 0x10 || width != 4) {
		for (unsigned i = 0; i < width; i++)
			m->config[offset + i] = (uint8_t)(value >> (8 * i));
		return;
	}
	stored = value == 0xffffffffu ? ~(m->size - 1) : value & ~(m->size - 1);
	memcpy(&m->config[0x10], &stored, 4);
}

static void pci_config_space(void **state)
{
	uint8_t config[256] = { 0x34, 0x12, 0x78, 0x56 };   /* vendor 0x1234, device 0x5678 */
	atxf_handle_t pci = atxf_fake_cap_pci(0x0018, config, sizeof(config), NULL, NULL);
	struct atxf_cap_info info;

	(void)state;
	assert_int_equal(atxf_pci_read32(pci, 0), 0x56781234);
	assert_int_equal(atxf_pci_read16(pci, 2), 0x5678);
	assert_int_equal(atxf_pci_read8(pci, 1), 0x12);
	atxf_pci_write16(pci, 4, 0x0507);           /* command: IO, MEM, master */
	assert_int_equal(config[4], 0x07);
	assert_int_equal(config[5], 0x05);
	atxf_pci_write8(pci, 0x3c, 11);
	assert_int_equal(atxf_pci_read32(pci, 0x3c), 11);
	atxf_pci_write32(pci, 0xfc, 0xa1b2c3d4);
	assert_int_equal(config[0xff], 0xa1);
	assert_int_equal(atxf_fake_strays(), 0);
	assert_int_equal(atxf_cap_query(pci, &info), 0);
	assert_int_equal(info.kind, ATXF_CAP_PCI);
	assert_int_equal(info.base, 0x0018);
}

static void pci_refused_accesses_read_all_ones(void **state)
{
	uint8_t config[256] = { 0 };
	atxf_handle_t pci = atxf_fake_cap_pci(0x0018, config, sizeof(config), NULL, NULL);
	atxf_handle_t ro = atxf_cap_derive(pci, 0x0018, 256, ATXF_RIGHT_READ);

	(void)state;
	assert_int_equal(atxf_pci_read32(pci, 2), 0xffffffffu);     /* unaligned */
	assert_int_equal(atxf_pci_read16(pci, 0xff), 0xffff);
	assert_int_equal(atxf_pci_read8(pci, 0x100), 0xff);         /* past the space */
	assert_int_equal(atxf_pci_read32(ATXF_HANDLE_FIRST_EXTRA + 9, 0), 0xffffffffu);
	assert_int_equal(atxf_pci_read32(ro, 0), 0);                /* read is fine */
	atxf_pci_write8(ro, 0, 1);                                  /* write is not */
	assert_int_equal(config[0], 0);
	assert_int_equal(atxf_fake_strays(), 5);
	assert_int_equal(atxf_fake_cap_pci(0, config, 100, NULL, NULL), -ATXF_EINVAL);
	assert_int_equal(atxf_fake_cap_pci(0, NULL, 256, NULL, NULL), -ATXF_EINVAL);
}

static void pci_bar_sizing_through_a_callback(void **state)
{
	uint8_t config[4096] = { 0 };
	struct bar_model m = { config, 0, 0x4000 };
	atxf_handle_t pci = atxf_fake_cap_pci(0x0100, config, sizeof(config), bar_write, &m);
	uint32_t saved;

	(void)state;
	atxf_pci_write32(pci, 0x10, 0xfebf0000);
	saved = atxf_pci_read32(pci, 0x10);
	assert_int_equal(saved, 0xfebf0000);
	atxf_pci_write32(pci, 0x10, 0xffffffff);
	assert_int_equal(~(atxf_pci_read32(pci, 0x10) & ~0xfu) + 1, 0x4000);
	atxf_pci_write32(pci, 0x10, saved);
	assert_int_equal(atxf_pci_read32(pci, 0x10), 0xfebf0000);
	assert_int_equal(atxf_pci_read32(pci, 0xffc), 0);           /* extended space */
}

/* ---- the framebuffer */

static void framebuffer(void **state)
{
	struct atxf_fb_info info;
	uint32_t *fb = atxf_fake_framebuffer(640, 480, 32);
	uint32_t *mapped;

	(void)state;
	assert_non_null(fb);
	assert_null(atxf_fb_map(&info));            /* no capability yet */
	atxf_fake_cap_add(ATXF_CAP_FRAMEBUFFER, RW, 0xfd000000, 640 * 480 * 4);
	mapped = atxf_fb_map(&info);
	assert_ptr_equal(mapped, fb);
	assert_int_equal(info.paddr, 0xfd000000);
	assert_int_equal(info.width, 640);
	assert_int_equal(info.height, 480);
	assert_int_equal(info.pitch, 2560);
	assert_int_equal(info.bpp, 32);
	mapped[641] = 0xffffff;                     /* the driver draws... */
	assert_int_equal(fb[641], 0xffffff);        /* ...the test sees it */
	assert_null(atxf_fake_framebuffer(640, 480, 12));
}

/* ---- every accessor of <atxf/hw.h> exists in the fake (else: no link) */

static void fake_implements_all_of_hw_h(void **state)
{
	const void *const fns[] = {
		(const void *)atxf_inb, (const void *)atxf_inw, (const void *)atxf_inl,
		(const void *)atxf_outb, (const void *)atxf_outw, (const void *)atxf_outl,
		(const void *)atxf_io_refresh, (const void *)atxf_mmio_map,
		(const void *)atxf_mmio_read8, (const void *)atxf_mmio_read16,
		(const void *)atxf_mmio_read32, (const void *)atxf_mmio_read64,
		(const void *)atxf_mmio_write8, (const void *)atxf_mmio_write16,
		(const void *)atxf_mmio_write32, (const void *)atxf_mmio_write64,
		(const void *)atxf_fb_map, (const void *)atxf_dma_alloc,
		(const void *)atxf_dma_free, (const void *)atxf_dma_map,
		(const void *)atxf_dma_unmap, (const void *)atxf_irq_bind,
		(const void *)atxf_irq_ack, (const void *)atxf_time_ns,
		(const void *)atxf_delay_us, (const void *)atxf_pci_read32,
		(const void *)atxf_pci_read16, (const void *)atxf_pci_read8,
		(const void *)atxf_pci_write32, (const void *)atxf_pci_write16,
		(const void *)atxf_pci_write8,
		/* and the <atxf/sys.h> calls device logic needs */
		(const void *)atxf_cap_query, (const void *)atxf_cap_derive,
		(const void *)atxf_cap_drop, (const void *)atxf_clock_ns,
		(const void *)atxf_sleep_ns, (const void *)atxf_yield,
		(const void *)atxf_debug_write, (const void *)atxf_exit,
		(const void *)atxf_strerror, (const void *)atxf_log,
	};

	(void)state;
	for (size_t i = 0; i < sizeof(fns) / sizeof(fns[0]); i++)
		assert_non_null(fns[i]);
}

/* ---- console and exit */

static jmp_buf exited;
static int exit_status;

static void on_exit_jump(int status)
{
	exit_status = status;
	longjmp(exited, 1);
}

static void console_and_exit(void **state)
{
	(void)state;
	assert_string_equal(atxf_fake_debug_output(), "");
	assert_int_equal(atxf_debug_write("probe ", 6), 6);
	assert_int_equal(atxf_debug_write("ok\n", 3), 3);
	assert_string_equal(atxf_fake_debug_output(), "probe ok\n");
	atxf_fake_on_exit(on_exit_jump);
	if (setjmp(exited) == 0)
		atxf_exit(3);
	assert_int_equal(exit_status, 3);
	atxf_fake_reset();
	assert_string_equal(atxf_fake_debug_output(), "");
}

/* atxf_log: one line per call, a trailing newline or none, long text cut. */
static void log_lines_in_order(void **state)
{
	char long_text[ATXF_LOG_MAX + 50];

	(void)state;
	memset(long_text, 'x', sizeof(long_text) - 1);
	long_text[sizeof(long_text) - 1] = '\0';
	assert_int_equal(atxf_debug_write("out ", 4), 4);
	assert_int_equal(atxf_log("dev0: ready, irq %d", 4), 0);
	assert_int_equal(atxf_log("dev0: %s\n", "stopped"), 0);
	assert_string_equal(atxf_fake_debug_output(), "out dev0: ready, irq 4\ndev0: stopped\n");
	atxf_fake_reset();
	assert_int_equal(atxf_log("%s", long_text), 0);
	assert_int_equal(strlen(atxf_fake_debug_output()), ATXF_LOG_MAX + 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(mmio_callbacks_get_offset_and_width, setup),
		cmocka_unit_test_setup(mmio_without_callbacks_is_backing_memory, setup),
		cmocka_unit_test_setup(mmio_plain_memory_and_map_offsets, setup),
		cmocka_unit_test_setup(mmio_map_needs_an_mmio_capability, setup),
		cmocka_unit_test_setup(dma_buffers, setup),
		cmocka_unit_test_setup(dma_is_a_capability, setup),
		cmocka_unit_test_setup(dma_tag_is_checked, setup),
		cmocka_unit_test_setup(dma_map_of_client_pages, setup),
		cmocka_unit_test_setup(dma_double_free_and_limit, setup),
		cmocka_unit_test_setup(irq_bind_raise_ack, setup),
		cmocka_unit_test_setup(irq_refusals, setup),
		cmocka_unit_test_setup(clock_moves_only_when_told, setup),
		cmocka_unit_test_setup(caps_query_derive_drop, setup),
		cmocka_unit_test_setup(caps_refuse_nonsense, setup),
		cmocka_unit_test_setup(pci_config_space, setup),
		cmocka_unit_test_setup(pci_refused_accesses_read_all_ones, setup),
		cmocka_unit_test_setup(pci_bar_sizing_through_a_callback, setup),
		cmocka_unit_test_setup(framebuffer, setup),
		cmocka_unit_test_setup(fake_implements_all_of_hw_h, setup),
		cmocka_unit_test_setup(console_and_exit, setup),
		cmocka_unit_test_setup(log_lines_in_order, setup),
	};

	return cmocka_run_group_tests_name("fake hardware: MMIO, DMA, IRQ, clock, caps, PCI",
					   tests, NULL, NULL);
}
