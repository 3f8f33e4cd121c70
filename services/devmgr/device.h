/*
 * What devmgr knows about one device: enough to match a driver manifest
 * against it and to decide which resources it owns (rule 7). Filled by the
 * PCI enumeration (pci.c) and the legacy table (legacy_table.c); read by
 * the pure matching and planning code (match.c), which the host tests
 * drive with hand-made devices.
 */
#ifndef DEVMGR_DEVICE_H
#define DEVMGR_DEVICE_H

#include <stdint.h>

#define DM_DEVICE_NAME_MAX 16   /* "i8042", "COM1", "00:1f.2", with the NUL */
#define DM_PORT_RANGES     2    /* the i8042 decodes 0x60 and 0x64 */
#define DM_IRQS            2    /* the i8042 raises IRQ 1 (keyboard) and 12 (mouse) */
#define DM_BARS            6

enum dm_bus { DM_BUS_LEGACY = 1, DM_BUS_PCI = 2 };
enum dm_bar_kind { DM_BAR_NONE = 0, DM_BAR_IO = 1, DM_BAR_MMIO = 2 };

struct dm_range {
	uint64_t base;
	uint64_t size;          /* 0: unused slot */
};

struct dm_bar {
	uint8_t kind;           /* enum dm_bar_kind */
	uint64_t base;          /* port or physical address */
	uint64_t size;          /* bytes (or ports), found by sizing the BAR */
};

/* A part of a BAR: where an MSI-X table or PBA sits. */
struct dm_bar_part {
	uint8_t bar;            /* BAR index (BIR) */
	uint32_t offset;        /* bytes into the BAR */
	uint32_t size;          /* bytes */
};

struct dm_pci {
	uint64_t bdf;           /* ATXF_PCI_BDF(bus, dev, fn) */
	uint16_t vendor, device;
	uint8_t class_code, subclass, prog_if;
	uint8_t irq_line;       /* config 0x3c: the firmware's PIC line, not a GSI (0xff: none) */
	uint8_t has_msi;        /* an MSI capability in the capability list */
	uint16_t msix_vectors;  /* MSI-X table size; 0: no MSI-X capability */
	struct dm_bar_part msix_table, msix_pba;  /* the kernel's, never a driver's */
	struct dm_bar bar[DM_BARS];
};

struct dm_device {
	uint8_t bus;            /* enum dm_bus */
	uint8_t present;        /* probed and answering (legacy); always 1 for PCI */
	char name[DM_DEVICE_NAME_MAX];
	struct dm_range ports[DM_PORT_RANGES];  /* legacy: fixed I/O ranges */
	uint32_t irqs[DM_IRQS];                 /* legacy: ISA lines; nirqs in use */
	uint8_t nirqs;
	struct dm_pci pci;                      /* DM_BUS_PCI only */
};

#endif
