/*
 * Capabilities: what a process may touch. A process names its capabilities by
 * handle, a small index into its own table; it has no ambient authority.
 */
#ifndef ATXF_CAP_H
#define ATXF_CAP_H

#include <stdint.h>

typedef int32_t atxf_handle_t;          /* >= 0 valid; negative: none or an error */
#define ATXF_HANDLE_NONE (-1)
#define ATXF_MAX_HANDLES 256            /* per process (the kernel opens 0..63
					 * today; docs/syscalls.md) */

enum atxf_cap_kind {
	ATXF_CAP_NONE = 0,
	ATXF_CAP_ROOT = 1,          /* init's: may create any other capability */
	ATXF_CAP_IOPORT = 2,        /* base = first port, size = number of ports */
	ATXF_CAP_IRQ = 3,           /* base = IRQ line (GSI), size = 1 */
	ATXF_CAP_MMIO = 4,          /* base = physical address, size = bytes; may have
				     * holes (SYS_MMIO_HOLE) that cannot be mapped */
	ATXF_CAP_DMA = 5,           /* a DMA budget (base 0), a buffer (base =
				     * physical address) or a mapping (base =
				     * first bus address); size = bytes */
	ATXF_CAP_PORT = 6,          /* an IPC port; base = port id */
	ATXF_CAP_FRAMEBUFFER = 7,   /* base = physical address, size = bytes */
	ATXF_CAP_SHM = 8,           /* a shared-memory grant received over IPC */
	ATXF_CAP_PCI = 9,           /* configuration space of one PCI function; base = BDF */
	ATXF_CAP_KLOG = 10,         /* READ: the kernel's log ring (SYS_LOG_READ); base, size 0 */
};

/* Rights. Deriving can only remove rights, never add them. */
#define ATXF_RIGHT_READ   0x1u      /* in, MMIO read, receive on a port */
#define ATXF_RIGHT_WRITE  0x2u      /* out, MMIO write, send to a port */
#define ATXF_RIGHT_GRANT  0x4u      /* may be passed on to another process */
#define ATXF_RIGHTS_ALL   0x7u

/*
 * SYS_CAP_DERIVE from an ATXF_CAP_ROOT capability makes a capability of any
 * kind: the kind goes in bits 8..15 of the rights argument, e.g.
 * ATXF_RIGHT_READ | ATXF_RIGHT_WRITE | ATXF_DERIVE_KIND(ATXF_CAP_IOPORT).
 * From any other capability those bits must be 0 or its own kind.
 */
#define ATXF_DERIVE_KIND_SHIFT 8
#define ATXF_DERIVE_KIND(kind) ((uint32_t)(kind) << ATXF_DERIVE_KIND_SHIFT)

/*
 * ATXF_CAP_PCI base: the function's address, ATXF_PCI_BDF(bus, dev, fn) =
 * bus << 8 | dev << 3 | fn (segment 0); size 1.
 * ATXF_CAP_IRQ base: a GSI (the IOAPIC input; ISA IRQ n is GSI n unless the
 * MADT overrides it), ATXF_IRQ_MSI | BDF for the MSI of that PCI function,
 * or ATXF_IRQ_MSIX_VECTOR(BDF, entry) for one vector (table entry) of its
 * MSI-X. An MSI-X capability may cover several vectors: base entry i, size
 * n covers entries i .. i+n-1, and deriving [base + k, 1) from it names
 * entry i+k alone; only a one-vector capability can be bound.
 */
#define ATXF_PCI_BDF(bus, dev, fn) \
	(((uint32_t)(bus) << 8) | ((uint32_t)(dev) << 3) | (uint32_t)(fn))
#define ATXF_IRQ_MSI      0x100000000ull
#define ATXF_IRQ_MSIX     0x200000000ull
#define ATXF_IRQ_MSIX_ENTRY_BITS 12     /* entries 0..2047 (PCI 3.0 §6.8.2) */
#define ATXF_IRQ_MSIX_VECTOR(bdf, entry) \
	(ATXF_IRQ_MSIX | (uint64_t)(bdf) << ATXF_IRQ_MSIX_ENTRY_BITS | (uint64_t)(entry))
#define ATXF_IRQ_MSIX_BDF(source) \
	((uint32_t)((source) >> ATXF_IRQ_MSIX_ENTRY_BITS) & 0xffffu)
#define ATXF_IRQ_MSIX_ENTRY(source) \
	((unsigned)((source) & ((1u << ATXF_IRQ_MSIX_ENTRY_BITS) - 1)))

/* What SYS_CAP_QUERY reports about a handle. */
struct atxf_cap_info {
	uint32_t kind;              /* enum atxf_cap_kind */
	uint32_t rights;            /* ATXF_RIGHT_* */
	uint64_t base;              /* meaning depends on kind, see above */
	uint64_t size;
};

/*
 * The device a DMA buffer or mapping is for, and what its DMA engine can
 * reach (NetBSD's bus_dma tag): SYS_DMA_ALLOC and SYS_DMA_MAP take one. The
 * bus addresses they return are below 2^addr_bits, no segment is longer
 * than max_seg and none crosses a multiple of boundary.
 */
struct atxf_dma_tag {
	atxf_handle_t pci;          /* ATXF_CAP_PCI of the device that will do the DMA */
	uint8_t addr_bits;          /* 12..64: bus address width (edu: 28) */
	uint8_t reserved[3];        /* 0 */
	uint32_t max_seg;           /* bytes, a multiple of 4096; 0: no limit */
	uint32_t boundary;          /* a power of two >= 4096; 0: none */
};

/* What SYS_DMA_ALLOC returns: pinned, zeroed memory that is one segment for
 * the tag's device. */
struct atxf_dma {
	atxf_handle_t handle;       /* ATXF_CAP_DMA; SYS_DMA_FREE takes it */
	uint32_t reserved;
	uint64_t vaddr;             /* where it is mapped in the caller */
	uint64_t bus_addr;          /* what to program into the device (with an
				     * IOMMU, an address of the device's domain) */
	uint64_t size;
};

/* One bus-address range of a DMA mapping. */
struct atxf_dma_seg {
	uint64_t bus_addr;
	uint64_t len;               /* bytes */
};

/* SYS_DMA_MAP's result: a client's shared pages as the device sees them.
 * The frames stay pinned until SYS_DMA_UNMAP, whoever dies first. */
#define ATXF_DMA_MAX_SEGS 16
struct atxf_dma_map {
	atxf_handle_t handle;       /* SYS_DMA_UNMAP takes it */
	uint32_t nsegs;             /* segments used in seg[] */
	uint64_t size;              /* bytes mapped: the whole grant */
	struct atxf_dma_seg seg[ATXF_DMA_MAX_SEGS];
};

/* A DMA the IOMMU blocked (SYS_DMA_FAULT_NEXT). */
struct atxf_dma_fault {
	uint32_t bdf;               /* the device that tried it, ATXF_PCI_BDF() */
	uint32_t pid;               /* the process its domain was last mapped for; 0: none */
	uint64_t addr;              /* bus address (page) it tried */
	uint8_t reason;             /* the VT-d fault reason code (spec §7.2.3) */
	uint8_t write;              /* 1: a write to memory, 0: a read */
	uint8_t reserved[6];
};

/* What SYS_MAP_FRAMEBUFFER reports. */
struct atxf_fb_info {
	uint64_t paddr;
	uint32_t width, height;     /* pixels */
	uint32_t pitch;             /* bytes per line */
	uint32_t bpp;               /* bits per pixel */
};

#endif
