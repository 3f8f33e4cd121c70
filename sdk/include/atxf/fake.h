/*
 * Fake hardware for host tests (libatxf-fake.a). It implements every
 * function of <atxf/hw.h>, and atxf_cap_query/derive/drop, atxf_clock_ns,
 * atxf_sleep_ns, atxf_yield, atxf_debug_write and atxf_exit of <atxf/sys.h>,
 * on the host; it also carries libatxf's pure parts (atxf_strerror, the
 * message helpers of <atxf/port.h>, the name table of <atxf/proto/name.h>,
 * the request rings of <atxf/ring.h>) and atxf_shm_probe/atxf_shm_unmap,
 * for regions a test revokes with atxf_fake_shm_revoke (below).
 * There are no IPC ports: a test that needs them supplies its own (a ring
 * test: atxf_notify, which records the signals). So a
 * cmocka test links a driver's device logic against a device it plays:
 *
 *   static uint32_t uart_read(void *ctx, uint16_t reg, unsigned width) { ... }
 *   static void uart_write(void *ctx, uint16_t reg, unsigned width, uint32_t v) { ... }
 *
 *   atxf_fake_reset();
 *   atxf_fake_io_add(0x3f8, 8, uart_read, uart_write, &uart);
 *   my_uart_putc('A');                     // the driver's own code
 *   assert_int_equal(uart.thr[0], 'A');
 *   assert_int_equal(atxf_fake_strays(), 0);
 *
 * Devices live at addresses (I/O ports, MMIO physical addresses); a driver
 * reaches them through capabilities, which the test creates the way devmgr
 * grants them: in manifest order, as handles ATXF_HANDLE_FIRST_EXTRA, +1, ..
 *
 * Everything is deterministic: the clock moves only when the code sleeps or
 * delays (or the test says so), DMA bus addresses are the same on every run.
 * An access that would go nowhere on a real machine (a port no fake device
 * claims, DMA outside any buffer, a bad PCI offset) reads all ones, counts as
 * a stray access and prints one line on stderr saying what it was.
 * Not thread-safe; call atxf_fake_reset() at the start of every test.
 */
#ifndef ATXF_FAKE_H
#define ATXF_FAKE_H

#include <stddef.h>
#include <stdint.h>
#include <atxf/cap.h>
#include <atxf/hw.h>
#include <atxf/sys.h>

/* What SYS_SHM_REVOKE does to a receiver's mapping, done to the test's own
 * page-aligned mmap region: the pages read zeros from now on (what is
 * written there stays there), atxf_shm_probe says -ATXF_ESTALE for them,
 * atxf_shm_unmap(mem) unmaps them. 0, -ATXF_ENOMEM, or -ATXF_ENOSPC (16
 * revoked regions not yet unmapped). */
int atxf_fake_shm_revoke(void *mem, size_t len);
/* How many times atxf_shm_unmap let go of a mapping that was not revoked. */
unsigned atxf_fake_shm_unmaps(void);

/* Forget every device, capability, buffer, IRQ and counter; clock to 0. */
void atxf_fake_reset(void);

/* Stray accesses since the reset, and the line printed for the last one. */
unsigned long atxf_fake_strays(void);
const char *atxf_fake_last_stray(void);         /* "" when there was none */

/*
 * I/O ports. A device claims count ports from base; its callbacks get the
 * offset from base and the width in bytes (1, 2 or 4). An access must lie
 * inside one device's ports. A NULL read callback reads all ones; a NULL
 * write callback ignores writes. Returns 0, -ATXF_EINVAL (empty or past
 * 0xffff), -ATXF_EBUSY (overlaps a device), -ATXF_ENOSPC.
 */
typedef uint32_t (*atxf_fake_io_read_fn)(void *ctx, uint16_t offset, unsigned width);
typedef void (*atxf_fake_io_write_fn)(void *ctx, uint16_t offset, unsigned width,
				      uint32_t value);
int atxf_fake_io_add(uint16_t base, uint32_t count, atxf_fake_io_read_fn read,
		     atxf_fake_io_write_fn write, void *ctx);

/*
 * MMIO. A device claims size bytes of physical address space from paddr; a
 * driver maps it with atxf_mmio_map() on an ATXF_CAP_MMIO capability that
 * covers it (atxf_fake_cap_add). The accessors send an access inside the
 * device to its callbacks (offset from paddr, width 1, 2, 4 or 8), or, when
 * a callback is NULL, to the backing memory returned here, which starts
 * zeroed and which the test may read and fill. An accessor given an address
 * outside every device touches plain memory (a DMA ring, a struct).
 * Returns the backing memory, or NULL (bad range, overlap, no room).
 */
typedef uint64_t (*atxf_fake_mmio_read_fn)(void *ctx, uint64_t offset, unsigned width);
typedef void (*atxf_fake_mmio_write_fn)(void *ctx, uint64_t offset, unsigned width,
					uint64_t value);
void *atxf_fake_mmio_add(uint64_t paddr, size_t size, atxf_fake_mmio_read_fn read,
			 atxf_fake_mmio_write_fn write, void *ctx);

/*
 * DMA. atxf_dma_alloc() checks its tag as the kernel does (a PCI capability
 * from atxf_fake_cap_pci, sane limits) and returns zeroed, page-aligned host
 * memory with a fake bus_addr; the device side turns a bus address the
 * driver programmed back into memory with atxf_fake_dma_to_host(), which
 * returns NULL (and counts a stray) unless [bus, bus+len) lies in one live
 * buffer.
 */
void *atxf_fake_dma_to_host(uint64_t bus, size_t len);
/* A client's shared pages as the driver receives them (an ATXF_CAP_SHM
 * handle): len bytes (whole pages) of the test's page-aligned memory.
 * atxf_dma_map() of it gives made-up bus addresses, split as the kernel
 * splits them, which atxf_fake_dma_to_host() turns back into mem until
 * atxf_dma_unmap(). */
atxf_handle_t atxf_fake_cap_shm(void *mem, size_t len);
unsigned atxf_fake_dma_live(void);              /* buffers not yet freed */
void atxf_fake_dma_limit(uint64_t bytes);       /* later allocations past it: -ATXF_ENOMEM */
/* Later buffers as behind an IOMMU: their capability's base (the physical
 * address) differs from bus_addr. */
void atxf_fake_dma_translate(int on);

/*
 * Interrupts. A driver binds an IRQ capability (atxf_fake_cap_irq) to a port
 * and acks it; the test raises the line, calls the driver's handler, and
 * checks that it was acked. Lines are 0..255.
 */
void atxf_fake_irq_raise(unsigned line);
int atxf_fake_irq_pending(unsigned line);       /* raised and not acked since */
unsigned atxf_fake_irq_acks(unsigned line);
/* 0 and where the driver bound the line, or -ATXF_ENOENT if it did not. */
int atxf_fake_irq_binding(unsigned line, atxf_handle_t *port, unsigned *bit);

/*
 * The clock (atxf_time_ns, atxf_clock_ns) starts at 0 and moves only by
 * atxf_delay_us, atxf_sleep_ns, this call, and the optional step that every
 * read adds (0 by default): set one to make a poll loop that never delays
 * end in its own timeout rather than hang the test.
 */
void atxf_fake_clock_advance(uint64_t ns);
void atxf_fake_clock_step(uint64_t ns_per_read);

/*
 * Capabilities, seen by atxf_cap_query() and taken by the accessors. Handles
 * are given out from ATXF_HANDLE_FIRST_EXTRA, lowest free first. Each
 * returns the handle or a negative ATXF_E* code.
 */
atxf_handle_t atxf_fake_cap_add(uint32_t kind, uint32_t rights, uint64_t base, uint64_t size);
atxf_handle_t atxf_fake_cap_ioport(uint16_t base, uint32_t count, uint32_t rights);
atxf_handle_t atxf_fake_cap_irq(unsigned line);

/*
 * A PCI function: bdf as ATXF_CAP_PCI's base, its configuration space
 * (the test's array of 256 or 4096 bytes, little-endian). Reads come from
 * the array. Writes go to the write callback when there is one (to model
 * BAR sizing or read-only registers), else into the array.
 */
typedef void (*atxf_fake_pci_write_fn)(void *ctx, uint16_t offset, unsigned width,
				       uint32_t value);
atxf_handle_t atxf_fake_cap_pci(uint32_t bdf, uint8_t *config, size_t size,
				atxf_fake_pci_write_fn write, void *ctx);

/*
 * The boot framebuffer: width x height pixels of bpp bits, zeroed, returned
 * for the test to look at. atxf_fb_map() returns it (and its geometry) to a
 * process holding an ATXF_CAP_FRAMEBUFFER capability (atxf_fake_cap_add).
 */
void *atxf_fake_framebuffer(uint32_t width, uint32_t height, uint32_t bpp);

/* What the code wrote with atxf_debug_write and logged (atxf_log, each
 * line as "text\n") since the reset, in order, NUL-terminated. */
const char *atxf_fake_debug_output(void);

/*
 * atxf_exit() calls handler(status), which must not return (longjmp out of
 * it); without one it prints the status and ends the test program with it.
 */
void atxf_fake_on_exit(void (*handler)(int status));

#endif
