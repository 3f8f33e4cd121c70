/*
 * Hardware access for drivers: port I/O, MMIO, DMA buffers, interrupts and
 * time. Device logic uses only these, so a host test can link the fake
 * hardware library (libatxf-fake, <atxf/fake.h>) instead and play the device.
 *
 * Port I/O uses the `in`/`out` instructions directly when the kernel has
 * opened the port in this process's I/O permission bitmap, and the
 * SYS_IO_* calls otherwise. The kernel opens a port exactly when the process
 * holds an ATXF_CAP_IOPORT capability with both READ and WRITE covering it
 * (the bitmap cannot tell the directions apart); the library keeps the same
 * map, built on first use from SYS_CAP_QUERY over every handle, so it never
 * executes `in`/`out` on a port the kernel has not opened. Every other port
 * goes through the kernel, which checks READ (in) or WRITE (out) and refuses
 * a port the process holds no capability for with -ATXF_EPERM: the read then
 * returns all ones (0xff, 0xffff, 0xffffffff), as a floating bus does, and
 * the write is dropped.
 */
#ifndef ATXF_HW_H
#define ATXF_HW_H

#include <stddef.h>
#include <stdint.h>
#include <atxf/cap.h>

uint8_t atxf_inb(uint16_t port);
uint16_t atxf_inw(uint16_t port);
uint32_t atxf_inl(uint16_t port);
void atxf_outb(uint16_t port, uint8_t value);
void atxf_outw(uint16_t port, uint16_t value);
void atxf_outl(uint16_t port, uint32_t value);

/*
 * Rebuilds the map of directly accessible ports. Call it after the set of
 * I/O port capabilities changed (one received in a message, one dropped);
 * the first port access builds the map by itself.
 */
void atxf_io_refresh(void);

/* Maps len bytes at offset into an MMIO capability, uncached; NULL on failure. */
volatile void *atxf_mmio_map(atxf_handle_t mmio, uint64_t offset, size_t len);

/*
 * The same, write-combining (uncached on a CPU without the PAT): for
 * framebuffers and other memory-like BARs that are written in bulk, never
 * for registers. Writes through it may be combined and reordered and are
 * not ordered with later uncached accesses: call atxf_wc_flush() before a
 * register write that must find them done (a doorbell, a flush command).
 */
volatile void *atxf_mmio_map_wc(atxf_handle_t mmio, uint64_t offset, size_t len);
void atxf_wc_flush(void);

/*
 * MMIO accessors. Each is one access of exactly that width, ordered with
 * respect to every other MMIO access and to DMA memory writes before it
 * (a compiler barrier; x86 keeps uncached accesses in order).
 */
uint8_t atxf_mmio_read8(const volatile void *addr);
uint16_t atxf_mmio_read16(const volatile void *addr);
uint32_t atxf_mmio_read32(const volatile void *addr);
uint64_t atxf_mmio_read64(const volatile void *addr);
void atxf_mmio_write8(volatile void *addr, uint8_t value);
void atxf_mmio_write16(volatile void *addr, uint16_t value);
void atxf_mmio_write32(volatile void *addr, uint32_t value);
void atxf_mmio_write64(volatile void *addr, uint64_t value);

/*
 * The boot framebuffer through the process's ATXF_CAP_FRAMEBUFFER capability:
 * maps it (writable with WRITE) and fills *info; NULL on failure.
 */
void *atxf_fb_map(struct atxf_fb_info *info);

/*
 * DMA for one device, named by the tag (struct atxf_dma_tag, <atxf/cap.h>):
 * a pinned, zeroed buffer that is one segment at bus_addr for it; or a
 * client's shared pages (an ATXF_CAP_SHM handle received over IPC) mapped
 * for it, zero-copy, as a list of segments. Program the device with
 * bus_addr, never anything else: with an IOMMU, nothing else is reachable.
 */
int atxf_dma_alloc(const struct atxf_dma_tag *tag, size_t size, struct atxf_dma *out);
void atxf_dma_free(struct atxf_dma *dma);
int atxf_dma_map(const struct atxf_dma_tag *tag, atxf_handle_t shm, struct atxf_dma_map *out);
int atxf_dma_unmap(struct atxf_dma_map *map);
/* DMA the IOMMU blocked (devmgr; needs ROOT): port gets bit when a fault is
 * queued; next takes the oldest (-ATXF_EAGAIN: none). */
int atxf_dma_fault_watch(atxf_handle_t port, unsigned bit);
int atxf_dma_fault_next(struct atxf_dma_fault *out);

/* Interrupts: bind an IRQ capability to a port's notification bit; ack to unmask. */
int atxf_irq_bind(atxf_handle_t irq, atxf_handle_t port, unsigned bit);
int atxf_irq_ack(atxf_handle_t irq);

/* Time (monotonic) and busy waits for short hardware delays. */
uint64_t atxf_time_ns(void);
void atxf_delay_us(uint32_t us);

/*
 * PCI configuration space through an ATXF_CAP_PCI capability. offset must be
 * aligned to the width. A refused read (bad handle, offset out of range or
 * unaligned) returns all ones, as a read of an absent function does; a
 * refused write is dropped.
 */
uint32_t atxf_pci_read32(atxf_handle_t pci, uint16_t offset);
uint16_t atxf_pci_read16(atxf_handle_t pci, uint16_t offset);
uint8_t atxf_pci_read8(atxf_handle_t pci, uint16_t offset);
void atxf_pci_write32(atxf_handle_t pci, uint16_t offset, uint32_t value);
void atxf_pci_write16(atxf_handle_t pci, uint16_t offset, uint16_t value);
void atxf_pci_write8(atxf_handle_t pci, uint16_t offset, uint8_t value);

/*
 * The offset of the function's next capability `id` (PCI_CAP_ID_*,
 * <atxf/pci_regs.h>) after the one at `after` (0: the first), or 0 if there
 * is none. For capabilities that repeat (virtio's vendor ones), pass the
 * last offset found to get the next.
 */
uint8_t atxf_pci_find_cap(atxf_handle_t pci, uint8_t id, uint8_t after);

#endif
