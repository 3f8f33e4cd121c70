/*
 * boot.cfg capability clauses (bootcap.h): KIND:VALUE[:RIGHTS]. Each kind
 * has its own value syntax; a small cursor reads numbers and separators
 * and any leftover byte makes the clause malformed, so a typo is refused
 * rather than granting something else.
 */
#include <stdio.h>
#include <string.h>
#include <atxf/cap.h>
#include <atxf/pci_regs.h>
#include <atxf/ustar.h>
#include "bootcap.h"

struct cursor {
	const char *s;
	const char *why;        /* first problem met, or NULL */
};

static void fail(struct cursor *c, const char *why)
{
	if (!c->why)
		c->why = why;
}

static int digit_value(char ch, unsigned base)
{
	unsigned v = ch >= '0' && ch <= '9' ? (unsigned)(ch - '0')
		   : ch >= 'a' && ch <= 'f' ? (unsigned)(ch - 'a' + 10)
		   : ch >= 'A' && ch <= 'F' ? (unsigned)(ch - 'A' + 10) : 99;

	return v < base ? (int)v : -1;
}

/* Digits in base; at least one, no overflow past max. */
static uint64_t number_in(struct cursor *c, unsigned base, uint64_t max)
{
	uint64_t v = 0;
	int d, any = 0;

	while ((d = digit_value(*c->s, base)) >= 0) {
		if ((uint64_t)d > max || v > (max - (uint64_t)d) / base) {
			fail(c, "number too large");
			return 0;
		}
		v = v * base + (uint64_t)d;
		c->s++;
		any = 1;
	}
	if (!any)
		fail(c, "number expected");
	return v;
}

/* A C-style number: 0x... hexadecimal, otherwise decimal. */
static uint64_t number(struct cursor *c, uint64_t max)
{
	if (c->s[0] == '0' && (c->s[1] == 'x' || c->s[1] == 'X')) {
		c->s += 2;
		return number_in(c, 16, max);
	}
	return number_in(c, 10, max);
}

static void expect(struct cursor *c, char ch, const char *why)
{
	if (*c->s == ch)
		c->s++;
	else
		fail(c, why);
}

/* BB:DD.F in hex, as lspci prints it. */
static uint64_t bdf(struct cursor *c)
{
	uint64_t bus = number_in(c, 16, 0xff), dev, fn;

	expect(c, ':', "BB:DD.F expected");
	dev = number_in(c, 16, 0x1f);
	expect(c, '.', "BB:DD.F expected");
	fn = number_in(c, 16, 7);
	return ATXF_PCI_BDF(bus, dev, fn);
}

/* BYTES with an optional K or M. */
static uint64_t bytes(struct cursor *c)
{
	uint64_t v = number(c, UINT32_MAX);

	if (*c->s == 'K' || *c->s == 'M') {
		v <<= *c->s == 'K' ? 10 : 20;
		c->s++;
	}
	if (!v)
		fail(c, "size 0");
	return v;
}

static void ioport(struct cursor *c, struct bootcap *cap)
{
	uint64_t first = number(c, 0xffff), last;

	expect(c, '-', "FIRST-LAST expected");
	last = number(c, 0xffff);
	if (last < first)
		fail(c, "LAST below FIRST");
	cap->base = first;
	cap->size = last - first + 1;
}

static void irq(struct cursor *c, struct bootcap *cap)
{
	cap->base = number(c, UINT32_MAX);
}

static void msi(struct cursor *c, struct bootcap *cap)
{
	cap->base = ATXF_IRQ_MSI | bdf(c);
}

/* BB:DD.F[/E]: MSI-X table entry E (hex, default 0) of that function. */
static void msix(struct cursor *c, struct bootcap *cap)
{
	uint64_t fn = bdf(c), entry = 0;

	if (*c->s == '/') {
		c->s++;
		entry = number_in(c, 16, PCI_MSIX_MAX_VECTORS - 1);
	}
	cap->base = ATXF_IRQ_MSIX_VECTOR(fn, entry);
}

static void mmio(struct cursor *c, struct bootcap *cap)
{
	cap->base = number(c, UINT64_MAX);
	expect(c, '+', "BASE+SIZE expected");
	cap->size = number(c, UINT64_MAX);
	if (!cap->size)
		fail(c, "size 0");
	else if (cap->base + cap->size - 1 < cap->base)
		fail(c, "range wraps around");
}

static void dma(struct cursor *c, struct bootcap *cap)
{
	cap->size = bytes(c);
}

static void pci(struct cursor *c, struct bootcap *cap)
{
	cap->base = bdf(c);
}

/* The kinds with a value, as docs/boot.md lists them. */
static const struct {
	const char *word;
	uint32_t kind;
	void (*value)(struct cursor *c, struct bootcap *cap);
} kinds[] = {
	{ "ioport", ATXF_CAP_IOPORT, ioport },
	{ "irq", ATXF_CAP_IRQ, irq },
	{ "msi", ATXF_CAP_IRQ, msi },
	{ "msix", ATXF_CAP_IRQ, msix },
	{ "mmio", ATXF_CAP_MMIO, mmio },
	{ "dma", ATXF_CAP_DMA, dma },
	{ "pci", ATXF_CAP_PCI, pci },
};

/* :RIGHTS at the end: letters r, w, g, each at most once. */
static uint32_t rights(struct cursor *c)
{
	uint32_t r = 0, bit;

	if (!*c->s)
		return ATXF_RIGHTS_ALL;
	expect(c, ':', "unexpected text after the value");
	if (!*c->s)
		fail(c, "empty rights");
	for (; *c->s && !c->why; c->s++) {
		bit = *c->s == 'r' ? ATXF_RIGHT_READ : *c->s == 'w' ? ATXF_RIGHT_WRITE
		    : *c->s == 'g' ? ATXF_RIGHT_GRANT : 0;
		if (!bit || (r & bit))
			fail(c, "rights are r, w and g, each once");
		r |= bit;
	}
	return r;
}

/* The value after KIND:, by kind; size 1 unless the kind says more. */
static void value(struct cursor *c, const char *kind, struct bootcap *cap)
{
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		if (!strcmp(kind, kinds[i].word)) {
			cap->kind = kinds[i].kind;
			cap->size = 1;
			kinds[i].value(c, cap);
			return;
		}
	}
	fail(c, "unknown capability kind");
}

/* Splits KIND off the word: its length, the cursor past the ':'. */
static size_t kind_of(struct cursor *c)
{
	size_t n = strcspn(c->s, ":");

	c->s += n;
	if (*c->s == ':')
		c->s++;
	return n;
}

/* mem:SIZE: whole MiB, with no rights after it. */
static void mem_limit(struct cursor *c, struct bootcap *cap)
{
	cap->kind = BOOTCAP_MEM_LIMIT;
	cap->size = bytes(c);
	if (!c->why && (cap->size & ((1u << 20) - 1)))
		fail(c, "a memory limit is whole MiB");
	if (!c->why && *c->s)
		fail(c, "unexpected text after the value");
}

/* stdin:MEMBER: any member name the archive could hold; init finds it. */
static int stdin_member(const char *member, struct bootcap *cap, char *why, size_t why_size)
{
	size_t n = strlen(member);

	if (n == 0 || n > ATXF_USTAR_NAME_MAX) {
		snprintf(why, why_size, "stdin: a member name of 1 to %d bytes expected",
			 ATXF_USTAR_NAME_MAX);
		return -1;
	}
	cap->kind = BOOTCAP_STDIN;
	cap->rights = ATXF_RIGHT_READ;
	cap->member = member;
	return 0;
}

int bootcap_parse(const char *word, struct bootcap *cap, char *why, size_t why_size)
{
	struct cursor c = { word, NULL };
	char kind[8] = "";
	size_t n = kind_of(&c);

	memset(cap, 0, sizeof(*cap));
	if (!strcmp(word, "root")) {
		cap->kind = ATXF_CAP_ROOT;
		cap->rights = ATXF_RIGHTS_ALL;
		return 0;
	}
	if (!strcmp(word, "bootfs")) {
		cap->kind = ATXF_CAP_SHM;       /* the boot archive, read-only */
		cap->rights = ATXF_RIGHT_READ;
		return 0;
	}
	if (n == 5 && !strncmp(word, "stdin:", 6))
		return stdin_member(word + 6, cap, why, why_size);
	if (n == 3 && !strncmp(word, "mem:", 4)) {
		mem_limit(&c, cap);
		if (!c.why)
			return 0;
		snprintf(why, why_size, "%s", c.why);
		return -1;
	}
	if (n == 2 && !strncmp(word, "fb", 2)) {
		cap->kind = ATXF_CAP_FRAMEBUFFER;
		cap->size = 0;          /* the kernel fills in the real range */
		c.s = word + 2;         /* fb has no value: rights may follow */
	} else if (n == 4 && !strncmp(word, "klog", 4)) {
		cap->kind = ATXF_CAP_KLOG;      /* the kernel's log ring, for dmesg */
		c.s = word + 4;         /* no value either */
	} else if (n >= sizeof(kind) || word[n] != ':') {
		fail(&c, "KIND:VALUE expected");
	} else {
		memcpy(kind, word, n);
		kind[n] = '\0';
		value(&c, kind, cap);
	}
	if (!c.why)
		cap->rights = rights(&c);
	if (!c.why && cap->kind == ATXF_CAP_DMA && !(cap->rights & ATXF_RIGHT_WRITE))
		fail(&c, "a DMA budget needs w");
	if (!c.why)
		return 0;
	snprintf(why, why_size, "%s", c.why);
	return -1;
}
