/*
 * Driver manifest decoding and checking (<atxf/manifest.h>). Freestanding:
 * atxfdump, the tests and devmgr all use this, so a manifest one accepts, all
 * accept. Each refusal comes with a sentence saying which field is wrong.
 */
#include <atxf/manifest.h>

static const char *const class_names[ATXF_CLASS_COUNT] = {
	"none", "block", "char", "input", "net", "display", "rng", "bus",
};

const char *atxf_device_class_name(unsigned device_class)
{
	return device_class < ATXF_CLASS_COUNT ? class_names[device_class] : "invalid";
}

const char *atxf_match_kind_name(unsigned kind)
{
	static const char *const names[] = { "none", "pci-id", "pci-class", "legacy",
					     "property" };

	return kind < sizeof(names) / sizeof(names[0]) ? names[kind] : "invalid";
}

const char *atxf_resource_kind_name(unsigned kind)
{
	static const char *const names[] = {
		"none", "ioport", "irq", "pci-bar", "pci-irq", "dma", "framebuffer",
		"pci-config", "mmio", "pci-intx", "parent",
	};

	return kind < sizeof(names) / sizeof(names[0]) ? names[kind] : "invalid";
}

static void copy_bytes(void *dst, const void *src, uint64_t n)
{
	uint8_t *d = dst;
	const uint8_t *s = src;

	while (n--)
		*d++ = *s++;
}

/* A name: 1..max-1 characters of [A-Za-z0-9._-], NUL-terminated in the field. */
static int valid_name(const char *s, unsigned max)
{
	unsigned i;

	for (i = 0; i < max && s[i]; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
			return 0;
	}
	return i > 0 && i < max;
}

static int key_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

int atxf_property_check(const char *kv, uint64_t len)
{
	uint64_t i = 0;

	while (i < len && key_char(kv[i]))
		i++;
	if (i == 0 || i >= len || kv[i] != '=' || i + 1 >= len)
		return -1;
	for (i++; i < len; i++)
		if (kv[i] < 0x21 || kv[i] > 0x7e)
			return -1;
	return 0;
}

/* The length of a NUL-terminated string in a field of max bytes, or max. */
static uint64_t field_len(const char *s, uint64_t max)
{
	uint64_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

static int reject(const char **why, const char *sentence, int code)
{
	if (why)
		*why = sentence;
	return code;
}

static int check_match(const struct atxf_match *m, const char **why)
{
	switch (m->kind) {
	case ATXF_MATCH_NONE:
	case ATXF_MATCH_PCI_CLASS:
		return 0;
	case ATXF_MATCH_PCI_ID:
		if (m->vendor == 0 || m->vendor == 0xffff)
			return reject(why, "a pci-id match has no valid vendor", ATXF_MANIFEST_EMATCH);
		return 0;
	case ATXF_MATCH_LEGACY:
		if (!valid_name(m->legacy, ATXF_LEGACY_NAME_MAX))
			return reject(why, "a legacy match names no valid device", ATXF_MANIFEST_EMATCH);
		return 0;
	case ATXF_MATCH_PROPERTY:
		if (m->flags & ~ATXF_MATCH_F_AND)
			return reject(why, "a property match has unknown flags", ATXF_MANIFEST_EMATCH);
		if (field_len(m->prop, ATXF_MATCH_PROP_MAX) == ATXF_MATCH_PROP_MAX ||
		    atxf_property_check(m->prop, field_len(m->prop, ATXF_MATCH_PROP_MAX)) < 0)
			return reject(why, "a property match is not \"key=value\" (key of a-z, 0-9, "
				      "_ and -; a printable value; NUL-terminated)", ATXF_MANIFEST_EMATCH);
		return 0;
	default:
		return reject(why, "a match has an unknown kind", ATXF_MANIFEST_EMATCH);
	}
}

static int check_resource(const struct atxf_resource *r, const char **why)
{
	if (r->rights & ~ATXF_RIGHTS_ALL)
		return reject(why, "a resource asks for unknown rights", ATXF_MANIFEST_ERESOURCE);
	switch (r->kind) {
	case ATXF_RES_PCI_IRQ:
		if (r->size ? r->base < 1 || r->base > r->size || r->size > 2048 : r->base != 0)
			return reject(why, "a pci-irq vector range is not 1 <= min <= max <= 2048",
				      ATXF_MANIFEST_ERESOURCE);
		return 0;
	case ATXF_RES_NONE:
	case ATXF_RES_PCI_INTX:
	case ATXF_RES_PARENT:
	case ATXF_RES_FRAMEBUFFER:
	case ATXF_RES_PCI_CONFIG:
		return 0;
	case ATXF_RES_IOPORT:
		if (r->size == 0 || r->base + r->size > 0x10000)
			return reject(why, "an ioport range is empty or goes past port 0xffff",
				      ATXF_MANIFEST_ERESOURCE);
		return 0;
	case ATXF_RES_IRQ:
		if (r->base > 255)
			return reject(why, "an irq line is above 255", ATXF_MANIFEST_ERESOURCE);
		return 0;
	case ATXF_RES_PCI_BAR:
		if (r->index > 5)
			return reject(why, "a pci-bar index is above 5", ATXF_MANIFEST_ERESOURCE);
		if (r->base & ~(uint64_t)ATXF_BAR_F_ALL)
			return reject(why, "a pci-bar resource has unknown flags",
				      ATXF_MANIFEST_ERESOURCE);
		return 0;
	case ATXF_RES_DMA:
	case ATXF_RES_MMIO:
		if (r->size == 0 || r->base + r->size < r->base)
			return reject(why, "a dma or mmio resource is empty or wraps around",
				      ATXF_MANIFEST_ERESOURCE);
		return 0;
	default:
		return reject(why, "a resource has an unknown kind", ATXF_MANIFEST_ERESOURCE);
	}
}

static int check_manifest(const struct atxf_manifest *m, const char **why)
{
	unsigned i;
	int err;

	if (m->magic != ATXF_MANIFEST_MAGIC)
		return reject(why, "wrong manifest magic", ATXF_MANIFEST_EMAGIC);
	if (m->version != ATXF_MANIFEST_VERSION)
		return reject(why, "unsupported manifest version", ATXF_MANIFEST_EVERSION);
	if (m->size != sizeof(*m))
		return reject(why, "manifest size field is not that of version 1", ATXF_MANIFEST_ETRUNCATED);
	if (!valid_name(m->name, ATXF_MANIFEST_NAME_MAX))
		return reject(why, "driver name is empty, too long, or has characters outside [A-Za-z0-9._-]",
			      ATXF_MANIFEST_ENAME);
	if (m->device_class >= ATXF_CLASS_COUNT)
		return reject(why, "unknown device class", ATXF_MANIFEST_ECLASS);
	for (i = 0; i < ATXF_MANIFEST_MATCHES; i++)
		if ((err = check_match(&m->match[i], why)) != 0)
			return err;
	for (i = 0; i < ATXF_MANIFEST_MATCHES; i++)
		if (m->match[i].kind == ATXF_MATCH_PROPERTY && (m->match[i].flags & ATXF_MATCH_F_AND) &&
		    (i + 1 == ATXF_MANIFEST_MATCHES || m->match[i + 1].kind == ATXF_MATCH_NONE))
			return reject(why, "a property match says \"and the next\" but no match follows",
				      ATXF_MANIFEST_EMATCH);
	for (i = 0; i < ATXF_MANIFEST_RESOURCES; i++)
		if ((err = check_resource(&m->resources[i], why)) != 0)
			return err;
	return ATXF_MANIFEST_OK;
}

int atxf_manifest_decode(const void *buf, uint64_t size, struct atxf_manifest *out,
			 const char **why)
{
	if (size < sizeof(*out))
		return reject(why, "manifest is shorter than version 1's 688 bytes", ATXF_MANIFEST_ETRUNCATED);
	copy_bytes(out, buf, sizeof(*out));
	return check_manifest(out, why);
}

int atxf_manifest_encode(const struct atxf_manifest *m, void *buf, uint64_t size,
			 const char **why)
{
	int err = check_manifest(m, why);

	if (err)
		return err;
	if (size < sizeof(*m))
		return reject(why, "buffer too small for a manifest", ATXF_MANIFEST_ETRUNCATED);
	copy_bytes(buf, m, sizeof(*m));
	return (int)sizeof(*m);
}
