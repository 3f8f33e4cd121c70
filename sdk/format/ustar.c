/*
 * POSIX ustar reading (IEEE Std 1003.1, "pax" chapter, ustar interchange
 * format): 512-byte header blocks, octal size and checksum fields, member
 * data padded to 512 bytes, two zero blocks at the end. Only what a boot
 * archive needs: names up to 100 bytes (the prefix field is ignored unless
 * set, in which case the name is refused as too long), regular files.
 */
#include <atxf/ustar.h>

#define BLOCK 512
#define OFF_NAME 0
#define OFF_SIZE 124
#define OFF_CHKSUM 148
#define OFF_TYPE 156
#define OFF_MAGIC 257
#define OFF_PREFIX 345

static int is_zero_block(const uint8_t *b)
{
	for (int i = 0; i < BLOCK; i++)
		if (b[i])
			return 0;
	return 1;
}

/* Octal digits, optionally space- or NUL-padded; -1 if anything else. */
static int64_t octal(const uint8_t *f, int len)
{
	int64_t v = 0;
	int i = 0, digits = 0;

	while (i < len && f[i] == ' ')
		i++;
	for (; i < len && f[i] >= '0' && f[i] <= '7'; i++, digits++)
		v = v * 8 + (f[i] - '0');
	for (; i < len; i++)
		if (f[i] != ' ' && f[i] != 0)
			return -1;
	return digits ? v : -1;
}

static int checksum_ok(const uint8_t *b)
{
	int64_t want = octal(b + OFF_CHKSUM, 8);
	int64_t sum = 0;

	for (int i = 0; i < BLOCK; i++)
		sum += (i >= OFF_CHKSUM && i < OFF_CHKSUM + 8) ? ' ' : b[i];
	return want == sum;
}

static int valid_header(const uint8_t *b)
{
	static const char magic[5] = "ustar";

	for (int i = 0; i < 5; i++)
		if (b[OFF_MAGIC + i] != (uint8_t)magic[i])
			return 0;
	return b[OFF_PREFIX] == 0 && checksum_ok(b);
}

static void copy_name(char *dst, const uint8_t *src)
{
	int i;

	for (i = 0; i < ATXF_USTAR_NAME_MAX && src[i]; i++)
		dst[i] = (char)src[i];
	dst[i] = 0;
}

int atxf_ustar_next(const void *archive, uint64_t size, uint64_t *cursor,
		    struct atxf_ustar_entry *entry)
{
	const uint8_t *b = (const uint8_t *)archive + *cursor;
	int64_t len;

	if (*cursor + BLOCK > size || is_zero_block(b))
		return ATXF_USTAR_END;
	if (!valid_header(b))
		return ATXF_USTAR_EBADHEADER;
	len = octal(b + OFF_SIZE, 12);
	if (len < 0)
		return ATXF_USTAR_EBADSIZE;
	if ((uint64_t)len > size - *cursor - BLOCK)
		return ATXF_USTAR_ETRUNCATED;
	copy_name(entry->name, b + OFF_NAME);
	entry->data = b + BLOCK;
	entry->size = (uint64_t)len;
	entry->type = b[OFF_TYPE] ? (char)b[OFF_TYPE] : '0';
	*cursor += BLOCK + (((uint64_t)len + BLOCK - 1) / BLOCK) * BLOCK;
	return ATXF_USTAR_ENTRY;
}

static int same_name(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

int atxf_ustar_find(const void *archive, uint64_t size, const char *name,
		    struct atxf_ustar_entry *entry)
{
	uint64_t cursor = 0;
	int r;

	while ((r = atxf_ustar_next(archive, size, &cursor, entry)) == ATXF_USTAR_ENTRY)
		if (entry->type == '0' && same_name(entry->name, name))
			return 1;
	return r;
}

const char *atxf_ustar_strerror(int err)
{
	switch (err) {
	case ATXF_USTAR_END: return "end of archive";
	case ATXF_USTAR_ENTRY: return "entry";
	case ATXF_USTAR_EBADHEADER: return "bad ustar header (magic or checksum)";
	case ATXF_USTAR_ETRUNCATED: return "archive member runs past the end of the archive";
	case ATXF_USTAR_EBADSIZE: return "bad size field in a ustar header";
	default: return "unknown ustar error";
	}
}
