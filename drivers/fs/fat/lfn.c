/*
 * Names: VFAT long names are UTF-16 (surrogate pairs for what is past the
 * BMP), tied to their 8.3 alias by a checksum; 8.3 names with the NT case
 * flags (byte 12: 0x08 base, 0x10 extension in lowercase) need no long
 * name; the others get a unique alias NAME~N.EXT. Microsoft's FAT
 * specification, section 7 ("Long File Name Implementation").
 */
#include <string.h>
#include "fat_impl.h"

/* UTF-16 units, or -ATXF_EINVAL for bad UTF-8, -ATXF_ENAMETOOLONG past max. */
int fat_utf8_to_utf16(const char *s, uint16_t *out, size_t max)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t n = 0;

	while (*p) {
		static const uint32_t least[4] = { 0, 0x80, 0x800, 0x10000 };
		uint32_t cp;
		int more, seq;

		if (*p < 0x80)       { cp = *p; more = 0; }
		else if (*p >= 0xF0 && *p < 0xF5) { cp = *p & 7; more = 3; }
		else if (*p >= 0xE0) { cp = *p & 15; more = 2; }
		else if (*p >= 0xC2) { cp = *p & 31; more = 1; }
		else return -ATXF_EINVAL;
		seq = more;
		for (p++; more; more--, p++) {
			if ((*p & 0xC0) != 0x80)
				return -ATXF_EINVAL;
			cp = cp << 6 | (*p & 0x3F);
		}
		if ((cp >= 0xD800 && cp < 0xE000) || cp > 0x10FFFF || cp < least[seq])
			return -ATXF_EINVAL;    /* surrogates or overlong forms */
		if (n + (cp >= 0x10000) + 1 > max)
			return -ATXF_ENAMETOOLONG;
		if (cp >= 0x10000) {
			cp -= 0x10000;
			out[n++] = (uint16_t)(0xD800 | cp >> 10);
			out[n++] = (uint16_t)(0xDC00 | (cp & 0x3FF));
		} else {
			out[n++] = (uint16_t)cp;
		}
	}
	return (int)n;
}

static size_t put_utf8(uint32_t cp, char *o)
{
	if (cp < 0x80) { o[0] = (char)cp; return 1; }
	if (cp < 0x800) { o[0] = (char)(0xC0 | cp >> 6); o[1] = (char)(0x80 | (cp & 63)); return 2; }
	if (cp < 0x10000) {
		o[0] = (char)(0xE0 | cp >> 12); o[1] = (char)(0x80 | (cp >> 6 & 63));
		o[2] = (char)(0x80 | (cp & 63));
		return 3;
	}
	o[0] = (char)(0xF0 | cp >> 18); o[1] = (char)(0x80 | (cp >> 12 & 63));
	o[2] = (char)(0x80 | (cp >> 6 & 63)); o[3] = (char)(0x80 | (cp & 63));
	return 4;
}

/* A lone surrogate on the disk becomes U+FFFD. -ATXF_ENAMETOOLONG if it does not fit. */
int fat_utf16_to_utf8(const uint16_t *u, size_t n, char *out, size_t size)
{
	size_t i, len = 0;

	for (i = 0; i < n; i++) {
		uint32_t cp = u[i];
		char tmp[4];
		size_t k;

		if (cp >= 0xD800 && cp < 0xDC00 && i + 1 < n && u[i + 1] >= 0xDC00 && u[i + 1] < 0xE000)
			cp = 0x10000 + ((cp - 0xD800) << 10) + (u[++i] - 0xDC00);
		else if (cp >= 0xD800 && cp < 0xE000)
			cp = 0xFFFD;
		if (cp == 0)
			cp = 0xFFFD;
		k = put_utf8(cp, tmp);
		if (len + k + 1 > size)
			return -ATXF_ENAMETOOLONG;
		memcpy(out + len, tmp, k);
		len += k;
	}
	out[len] = 0;
	return (int)len;
}

/* Section 7.2: the rotate-right sum of the 11 bytes of the 8.3 name. */
uint8_t fat_lfn_checksum(const uint8_t name[11])
{
	uint8_t sum = 0;
	int i;

	for (i = 0; i < 11; i++)
		sum = (uint8_t)(((sum & 1) << 7) + (sum >> 1) + name[i]);
	return sum;
}

int fat_name_check(const char *name, size_t len)
{
	uint16_t u[FAT_LFN_MAX_UNITS];
	char tmp[FAT_NAME_MAX + 1];
	size_t i;

	if (len == 0 || (len == 1 && name[0] == '.') || (len == 2 && !memcmp(name, "..", 2)))
		return -ATXF_EINVAL;
	if (len > FAT_NAME_MAX)
		return -ATXF_ENAMETOOLONG;
	for (i = 0; i < len; i++)
		if ((uint8_t)name[i] < 0x20 || strchr("\"*/:<>?\\|", name[i]))
			return -ATXF_EINVAL;    /* the characters FAT forbids in any name */
	if (name[len - 1] == '.' || name[len - 1] == ' ')
		return -ATXF_EINVAL;            /* Windows would strip them: refused, not changed */
	memcpy(tmp, name, len);
	tmp[len] = 0;
	i = (size_t)fat_utf8_to_utf16(tmp, u, FAT_LFN_MAX_UNITS);
	return (int)i < 0 ? (int)i : 0;
}

static int short_char(uint8_t c)
{
	return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c && strchr("$%'-_@~`!(){}^#&", c));
}

/* Its case: 1 all upper (or none), 2 all lower, 0 mixed. */
static int part_case(const char *s, size_t n)
{
	int up = 0, low = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		up |= s[i] >= 'A' && s[i] <= 'Z';
		low |= s[i] >= 'a' && s[i] <= 'z';
	}
	return up && low ? 0 : low ? 2 : 1;
}

static uint8_t upper(uint8_t c) { return c >= 'a' && c <= 'z' ? (uint8_t)(c - 32) : c; }

/* 1 if the name is a plain 8.3 name, stored in out with the case flags in *nt. */
int fat_short_exact(const char *name, size_t len, uint8_t out[11], uint8_t *nt)
{
	const char *dot = memchr(name, '.', len);
	size_t base = dot ? (size_t)(dot - name) : len, ext = dot ? len - base - 1 : 0, i;
	int bc, ec;

	if (base == 0 || base > 8 || ext > 3 || (dot && ext == 0))
		return 0;
	for (i = 0; i < len; i++)
		if (name + i != dot && !short_char((uint8_t)name[i]))
			return 0;
	bc = part_case(name, base);
	ec = part_case(dot ? dot + 1 : "", ext);
	if (!bc || !ec)
		return 0;
	memset(out, ' ', 11);
	for (i = 0; i < base; i++)
		out[i] = upper((uint8_t)name[i]);
	for (i = 0; i < ext; i++)
		out[8 + i] = upper((uint8_t)dot[1 + i]);
	*nt = (uint8_t)((bc == 2 ? FAT_NT_LOWER_BASE : 0) | (ec == 2 ? FAT_NT_LOWER_EXT : 0));
	return 1;
}

/* Section 7.4's basis name: uppercase, invalid characters to '_', no spaces or dots but the last. */
void fat_short_basis(const uint16_t *u, int n, uint8_t out[11])
{
	int last_dot = -1, i, o = 0;

	for (i = 0; i < n; i++)
		if (u[i] == '.')
			last_dot = i;
	if (last_dot == 0)
		last_dot = -1;  /* ".profile": all base */
	memset(out, ' ', 11);
	for (i = 0; i < n && i != last_dot && o < 8; i++) {
		if (u[i] == ' ' || u[i] == '.')
			continue;
		out[o++] = u[i] < 0x80 && short_char((uint8_t)u[i]) ? upper((uint8_t)u[i]) : '_';
	}
	if (o == 0)
		out[o++] = '_';
	for (i = last_dot + 1, o = 8; last_dot > 0 && i < n && o < 11; i++) {
		if (u[i] == ' ' || u[i] == '.')
			continue;
		out[o++] = u[i] < 0x80 && short_char((uint8_t)u[i]) ? upper((uint8_t)u[i]) : '_';
	}
}

/* The numeric tail: "LONGNAME" with n = 12 becomes "LONGNA~12". */
void fat_short_tail(uint8_t name[11], uint32_t n)
{
	char digits[12];
	int d = 0, len, i;

	do {
		digits[d++] = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	for (len = 8; len > 0 && name[len - 1] == ' '; len--)
		;
	if (len > 8 - (d + 1))
		len = 8 - (d + 1);
	name[len++] = '~';
	for (i = d - 1; i >= 0; i--)
		name[len++] = (uint8_t)digits[i];
	while (len < 8)
		name[len++] = ' ';
}

/* "README.TXT" (or "readme.txt" by the case flags) from the 11 stored bytes. */
void fat_short_format(const uint8_t raw[11], uint8_t nt, char *out, int with_case)
{
	int i, o = 0, n;

	for (n = 8; n > 0 && raw[n - 1] == ' '; n--)
		;
	for (i = 0; i < n; i++) {
		uint8_t c = (i == 0 && raw[0] == 0x05) ? 0xE5 : raw[i];

		if (with_case && (nt & FAT_NT_LOWER_BASE) && c >= 'A' && c <= 'Z')
			c = (uint8_t)(c + 32);
		out[o++] = c < 0x20 || c >= 0x7F ? '_' : (char)c;
	}
	for (n = 11; n > 8 && raw[n - 1] == ' '; n--)
		;
	if (n > 8)
		out[o++] = '.';
	for (i = 8; i < n; i++) {
		uint8_t c = raw[i];

		if (with_case && (nt & FAT_NT_LOWER_EXT) && c >= 'A' && c <= 'Z')
			c = (uint8_t)(c + 32);
		out[o++] = c < 0x20 || c >= 0x7F ? '_' : (char)c;
	}
	out[o] = 0;
}

int fat_name_eq(const char *a, size_t alen, const char *b)
{
	size_t i;

	for (i = 0; i < alen; i++)
		if (!b[i] || upper((uint8_t)a[i]) != upper((uint8_t)b[i]))
			return 0;
	return b[alen] == 0;
}
