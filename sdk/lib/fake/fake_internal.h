/*
 * What the parts of libatxf-fake share: the stray-access report, the
 * capability table, and each part's reset. Private to sdk/lib/fake.
 */
#ifndef ATXF_FAKE_INTERNAL_H
#define ATXF_FAKE_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <atxf/fake.h>

/* Counts a stray access and prints "fake: stray ...: <message>" on stderr. */
void __atxf_fake_stray(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints "fake: <message>" on stderr: why a call the test made failed. */
void __atxf_fake_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A PCI capability's configuration space (atxf_fake_cap_pci). */
struct fake_pci {
	uint8_t *config;            /* the test's array */
	size_t size;                /* 256 or 4096 */
	atxf_fake_pci_write_fn write;   /* NULL: writes go into config */
	void *ctx;
};

struct fake_cap {
	int used;
	struct atxf_cap_info info;
	struct fake_pci pci;        /* ATXF_CAP_PCI only */
};

/* The capability behind handle h if it is of that kind, else NULL. */
struct fake_cap *__atxf_fake_cap_get(atxf_handle_t h, uint32_t kind);

/* All ones in the low width bytes: what a read from nowhere returns. */
static inline uint64_t __atxf_fake_ones(unsigned width)
{
	return width >= 8 ? ~0ull : (1ull << (8 * width)) - 1;
}

void __atxf_fake_reset_io(void);
void __atxf_fake_reset_mmio(void);
void __atxf_fake_reset_dma(void);
void __atxf_fake_reset_irq(void);
void __atxf_fake_reset_clock(void);
void __atxf_fake_reset_caps(void);
void __atxf_fake_reset_console(void);
void __atxf_fake_reset_fb(void);

#endif
