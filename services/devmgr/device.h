/*
 * What devmgr knows about one device, a node of its device tree: enough to
 * match a driver manifest against it (its properties, props.c) and to
 * decide which resources it owns (rule 7). Filled by the PCI enumeration
 * (pci.c), the legacy table (legacy_table.c) and the drivers that add
 * children (tree.c); read by the pure matching and planning code
 * (match.c), which the host tests drive with hand-made devices.
 */
#ifndef DEVMGR_DEVICE_H
#define DEVMGR_DEVICE_H

#include <stdint.h>
#include <atxf/cap.h>
#include <atxf/proto/devmgr.h>

#define DM_DEVICE_NAME_MAX DEVMGR_NAME_MAX  /* "i8042", "00:1f.2", "00:1f.2/port0" */
#define DM_PROPS           8    /* free-form properties of a child node */
#define DM_PROP_MAX        (DEVMGR_NAME_MAX + 8)  /* "key=value" with the NUL: path=PATH fits */
#define DM_PORT_RANGES     4    /* the i8042 decodes 0x60 and 0x64; a compatibility-mode
				 * IDE function two blocks per channel (ide_compat.h) */
#define DM_IRQS            2    /* the i8042 raises IRQ 1 (keyboard) and 12 (mouse);
				 * compatibility-mode IDE 14 and 15 */
#define DM_BARS            6

/* DM_BUS_NONE marks a free slot of the node table. */
enum dm_bus { DM_BUS_NONE = 0, DM_BUS_LEGACY = DEVMGR_BUS_LEGACY, DM_BUS_PCI = DEVMGR_BUS_PCI,
	      DM_BUS_CHILD = DEVMGR_BUS_CHILD };

struct dm_instance;
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
	uint8_t intx_pin;       /* config 0x3d: 1 = INTA# .. 4 = INTD#; 0: no INTx */
	uint8_t is_bridge;      /* a PCI-to-PCI bridge (header type 1) */
	uint8_t secondary;      /* a bridge's secondary bus number */
	uint8_t intx_routed;    /* intx_gsi is known (intx.c, from the DSDT's _PRT) */
	uint32_t intx_gsi;      /* the GSI the INTx pin reaches at the IOAPIC */
	struct dm_bar bar[DM_BARS];
};

struct dm_device {
	uint8_t bus;            /* enum dm_bus */
	uint8_t present;        /* probed and answering (legacy); always 1 for PCI */
	uint8_t nprops;         /* props in use */
	uint8_t removing;       /* being removed: matches nothing, takes no children */
	uint32_t id;            /* never reused; 0 only in a free slot */
	uint32_t parent;        /* the parent's id; DEVMGR_NODE_NONE for a root */
	struct dm_instance *owner;  /* a child's: the instance that added it */
	atxf_handle_t parent_port;  /* a child's: the port its parent offered for it
				     * (ATXF_RES_PARENT), or ATXF_HANDLE_NONE */
	char name[DM_DEVICE_NAME_MAX];          /* a child's: its path */
	char props[DM_PROPS][DM_PROP_MAX];      /* a child's "key=value" properties */
	struct dm_range ports[DM_PORT_RANGES];  /* legacy, compatibility IDE: fixed I/O ranges */
	uint32_t irqs[DM_IRQS];                 /* the same: ISA lines; nirqs in use */
	uint8_t nirqs;
	struct dm_pci pci;                      /* DM_BUS_PCI only */
};

#endif
