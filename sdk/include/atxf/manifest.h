/*
 * The driver manifest: which device a driver matches and which resources it
 * asks for. A driver declares it once in C with ATXF_DRIVER_MANIFEST(); the
 * compiler puts it in the ELF section .atxf.manifest, which atxf.ld loads with
 * the read-only data so the driver framework reads it at run time; elf2atxf
 * also copies it into the ATXF file as the ATXF_EXT_MANIFEST extension
 * (docs/atxf-format.md §5), so devmgr and atxfdump read it without running it;
 * atxfdump prints it; devmgr matches it against devices and grants exactly
 * the resources listed that the matched device owns.
 *
 * The encoding is this struct as laid out on x86-64 (little-endian, natural
 * alignment, no pointers), fixed by the static assertions below. Unused
 * match and resource slots have kind 0.
 */
#ifndef ATXF_MANIFEST_H
#define ATXF_MANIFEST_H

#include <stdint.h>
#include <atxf/cap.h>

#define ATXF_MANIFEST_MAGIC    0x464e4d44u  /* "DMNF" */
#define ATXF_MANIFEST_VERSION  1
#define ATXF_MANIFEST_NAME_MAX 32           /* including the NUL */
#define ATXF_MANIFEST_MATCHES  8
#define ATXF_MANIFEST_RESOURCES 16
#define ATXF_LEGACY_NAME_MAX   16

/* What kind of device a driver serves: selects its request protocol. */
enum atxf_device_class {
	ATXF_CLASS_NONE = 0,        /* a service with no device */
	ATXF_CLASS_BLOCK = 1,
	ATXF_CLASS_CHAR = 2,        /* serial ports, consoles */
	ATXF_CLASS_INPUT = 3,       /* keyboards, pointers */
	ATXF_CLASS_NET = 4,
	ATXF_CLASS_DISPLAY = 5,
	ATXF_CLASS_RNG = 6,
	ATXF_CLASS_BUS = 7,         /* e.g. a USB host controller */
	ATXF_CLASS_COUNT
};

enum atxf_match_kind {
	ATXF_MATCH_NONE = 0,
	ATXF_MATCH_PCI_ID = 1,      /* vendor and device; device 0xffff matches any */
	ATXF_MATCH_PCI_CLASS = 2,   /* class, subclass, prog-if; 0xff as subclass/prog-if matches any */
	ATXF_MATCH_LEGACY = 3,      /* a named legacy device: "i8042", "COM1".. "COM4" */
	ATXF_MATCH_PROPERTY = 4,    /* a device-tree node property: prop = "key=value" */
};

/*
 * devmgr matches every kind against a node's properties (docs/devmgr.md,
 * "The device tree"): pci-id is bus=pci, vendor=0xVVVV and product=0xDDDD;
 * pci-class is bus=pci, class=0xCC, subclass=0xSS and protocol=0xPP;
 * legacy is bus=legacy and name=NAME; property is the one it names.
 * Entries are alternatives, but one with ATXF_MATCH_F_AND must match
 * together with the entry after it, so a chain asks for several properties.
 */
#define ATXF_MATCH_PROP_MAX 28      /* "key=value" with the NUL */
#define ATXF_MATCH_F_AND    0x1u    /* PROPERTY: the next entry must match too */

struct atxf_match {
	uint16_t kind;              /* enum atxf_match_kind */
	union {
		struct {            /* PCI_ID, PCI_CLASS, LEGACY */
			uint16_t vendor;
			uint16_t device;
			uint8_t class_code;
			uint8_t subclass;
			uint8_t prog_if;
			uint8_t reserved[7];
			char legacy[ATXF_LEGACY_NAME_MAX];
		};
		struct {            /* PROPERTY */
			uint16_t flags;     /* ATXF_MATCH_F_* */
			char prop[ATXF_MATCH_PROP_MAX];  /* "key=value", NUL-terminated */
		};
	};
};

enum atxf_resource_kind {
	ATXF_RES_NONE = 0,
	ATXF_RES_IOPORT = 1,        /* base = first port, size = count */
	ATXF_RES_IRQ = 2,           /* base = legacy IRQ line (ISA devices) */
	ATXF_RES_PCI_BAR = 3,       /* index = BAR 0..5: I/O ports or MMIO as the BAR says;
				     * base = ATXF_BAR_F_* flags */
	ATXF_RES_PCI_IRQ = 4,       /* the PCI function's interrupts: size 0, one (MSI,
				     * else MSI-X vector 0, else INTx); size = max > 0,
				     * base = min: min..max MSI-X vectors */
	ATXF_RES_DMA = 5,           /* size = bytes of DMA memory the driver may allocate */
	ATXF_RES_FRAMEBUFFER = 6,
	ATXF_RES_PCI_CONFIG = 7,    /* the PCI function's configuration space */
	ATXF_RES_MMIO = 8,          /* base = physical address, size = bytes (legacy devices) */
	ATXF_RES_PCI_INTX = 9,      /* the PCI function's INTx line, even if it has MSI */
	ATXF_RES_PARENT = 10,       /* a send right to the port the node's parent driver
				     * offered for its children (a child node only) */
};

struct atxf_resource {
	uint16_t kind;              /* enum atxf_resource_kind */
	uint16_t rights;            /* ATXF_RIGHT_* wanted */
	uint32_t index;             /* BAR number for ATXF_RES_PCI_BAR */
	uint64_t base;
	uint64_t size;
};

struct atxf_manifest {
	uint32_t magic;             /* ATXF_MANIFEST_MAGIC */
	uint16_t version;           /* ATXF_MANIFEST_VERSION */
	uint16_t size;              /* sizeof(struct atxf_manifest) */
	char name[ATXF_MANIFEST_NAME_MAX];  /* the driver's name, NUL-terminated */
	uint16_t device_class;      /* enum atxf_device_class */
	uint16_t flags;             /* ATXF_MANIFEST_F_* */
	uint32_t reserved;
	struct atxf_match match[ATXF_MANIFEST_MATCHES];
	struct atxf_resource resources[ATXF_MANIFEST_RESOURCES];
};

/* Flags. */
#define ATXF_MANIFEST_F_NO_RESTART 0x1u   /* devmgr does not restart it after a crash */

/* Flags of a PCI_BAR resource (its .base): how the framework maps an MMIO BAR. */
#define ATXF_BAR_F_WRITE_COMBINING 0x1u   /* a framebuffer-like BAR (atxf_mmio_map_wc) */
#define ATXF_BAR_F_ALL             0x1u

_Static_assert(sizeof(struct atxf_match) == 32, "manifest encoding: match is 32 bytes");
_Static_assert(sizeof(struct atxf_resource) == 24, "manifest encoding: resource is 24 bytes");
_Static_assert(sizeof(struct atxf_manifest) == 48 + 8 * 32 + 16 * 24,
	       "manifest encoding: 688 bytes");

/* Helpers for the declaration; see docs/driver-guide.md. */
#define ATXF_MATCH_PCI(v, d) \
	{ .kind = ATXF_MATCH_PCI_ID, .vendor = (v), .device = (d) }
#define ATXF_MATCH_CLASS(c, s, p) \
	{ .kind = ATXF_MATCH_PCI_CLASS, .class_code = (c), .subclass = (s), .prog_if = (p) }
#define ATXF_MATCH_LEGACY_DEVICE(n) \
	{ .kind = ATXF_MATCH_LEGACY, .legacy = n }
/* A node property, "key=value"; ATXF_MATCH_PROP_AND for one of a chain. */
#define ATXF_MATCH_PROP(kv) \
	{ .kind = ATXF_MATCH_PROPERTY, .prop = kv }
#define ATXF_MATCH_PROP_AND(kv) \
	{ .kind = ATXF_MATCH_PROPERTY, .flags = ATXF_MATCH_F_AND, .prop = kv }

#define ATXF_RESOURCE_IOPORT(b, n, r) \
	{ .kind = ATXF_RES_IOPORT, .rights = (r), .base = (b), .size = (n) }
#define ATXF_RESOURCE_IRQ(line) \
	{ .kind = ATXF_RES_IRQ, .rights = ATXF_RIGHT_READ, .base = (line), .size = 1 }
#define ATXF_RESOURCE_BAR(i) \
	{ .kind = ATXF_RES_PCI_BAR, .rights = ATXF_RIGHT_READ | ATXF_RIGHT_WRITE, .index = (i) }
#define ATXF_RESOURCE_BAR_WC(i) \
	{ .kind = ATXF_RES_PCI_BAR, .rights = ATXF_RIGHT_READ | ATXF_RIGHT_WRITE, .index = (i), \
	  .base = ATXF_BAR_F_WRITE_COMBINING }
#define ATXF_RESOURCE_PCI_IRQ() \
	{ .kind = ATXF_RES_PCI_IRQ, .rights = ATXF_RIGHT_READ }
/*
 * At least min and at most max MSI-X vectors (1 <= min <= max <= 2048):
 * devmgr grants as many as the device's table has, up to max, or refuses
 * to start the driver when it has fewer than min. The framework calls
 * .irq(dev, i) for vector i (counting from this resource's first index).
 */
#define ATXF_RESOURCE_PCI_IRQS(min, max) \
	{ .kind = ATXF_RES_PCI_IRQ, .rights = ATXF_RIGHT_READ, .base = (min), .size = (max) }
/* For a driver that prefers INTx (docs/pci-interrupts.md): a shared,
 * level-triggered GSI, where ATXF_RESOURCE_PCI_IRQ() would give MSI. */
#define ATXF_RESOURCE_PCI_INTX() \
	{ .kind = ATXF_RES_PCI_INTX, .rights = ATXF_RIGHT_READ }
#define ATXF_RESOURCE_DMA(bytes) \
	{ .kind = ATXF_RES_DMA, .rights = ATXF_RIGHT_READ | ATXF_RIGHT_WRITE, .size = (bytes) }
#define ATXF_RESOURCE_PCI_CONFIG() \
	{ .kind = ATXF_RES_PCI_CONFIG, .rights = ATXF_RIGHT_READ | ATXF_RIGHT_WRITE }
/* The parent driver's port for its children (a child node's driver only). */
#define ATXF_RESOURCE_PARENT() \
	{ .kind = ATXF_RES_PARENT, .rights = ATXF_RIGHT_WRITE }
#define ATXF_RESOURCE_FRAMEBUFFER() \
	{ .kind = ATXF_RES_FRAMEBUFFER, .rights = ATXF_RIGHT_READ | ATXF_RIGHT_WRITE }

/*
 * Declares the program's manifest. Arguments are designated initializers:
 *
 *   ATXF_DRIVER_MANIFEST(
 *       .name = "ps2-keyboard",
 *       .device_class = ATXF_CLASS_INPUT,
 *       .match = { ATXF_MATCH_LEGACY_DEVICE("i8042") },
 *       .resources = { ATXF_RESOURCE_IOPORT(0x60, 1, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE),
 *                      ATXF_RESOURCE_IRQ(1) });
 */
#define ATXF_DRIVER_MANIFEST(...)                                              \
	__attribute__((used, section(".atxf.manifest"), aligned(8)))          \
	const struct atxf_manifest atxf_driver_manifest = {                   \
		.magic = ATXF_MANIFEST_MAGIC,                                 \
		.version = ATXF_MANIFEST_VERSION,                             \
		.size = sizeof(struct atxf_manifest),                         \
		__VA_ARGS__                                                   \
	}

/*
 * Decoding and checking (sdk/format/manifest.c, freestanding). Returns 0 and
 * fills *out, or a negative ATXF_MANIFEST_E* with *why set to a sentence.
 */
enum {
	ATXF_MANIFEST_OK = 0,
	ATXF_MANIFEST_ETRUNCATED = -1,
	ATXF_MANIFEST_EMAGIC = -2,
	ATXF_MANIFEST_EVERSION = -3,
	ATXF_MANIFEST_ENAME = -4,
	ATXF_MANIFEST_ECLASS = -5,
	ATXF_MANIFEST_EMATCH = -6,
	ATXF_MANIFEST_ERESOURCE = -7,
};
int atxf_manifest_decode(const void *buf, uint64_t size, struct atxf_manifest *out,
			 const char **why);
/* Encodes a manifest (checked as by decode) into buf; returns bytes or < 0. */
int atxf_manifest_encode(const struct atxf_manifest *m, void *buf, uint64_t size,
			 const char **why);
const char *atxf_device_class_name(unsigned device_class);
const char *atxf_resource_kind_name(unsigned kind);
const char *atxf_match_kind_name(unsigned kind);
/* 0 if kv[0..len) is a property "key=value" (key of a-z, 0-9, _ and -,
 * a value of printable ASCII without space), else -1. */
int atxf_property_check(const char *kv, uint64_t len);

#endif
