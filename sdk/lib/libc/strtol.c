/*
 * strtol, strtoul, strtoll, strtoull, strtoimax, strtoumax (C11 7.22.1.4).
 *
 * One scanner reads the magnitude and sign; the callers differ only in
 * their limits. Out-of-range values saturate at the limit with errno set to
 * ERANGE; the unsigned forms negate a '-' value modulo 2^N, as C requires.
 */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>

struct number {
	unsigned long long mag;     /* magnitude, saturated at the limit */
	int neg;                    /* a '-' was read */
	int overflow;               /* the magnitude passed the limit */
};

static int is_space(char c)
{
	return c == ' ' || (unsigned)c - '\t' < 5;
}

/* 0-35 for a digit or letter; 36 (beyond any base) otherwise. */
static unsigned digit_value(char c)
{
	if ((unsigned)c - '0' < 10)
		return c - '0';
	if ((unsigned)(c | 0x20) - 'a' < 26)
		return (c | 0x20) - 'a' + 10;
	return 36;
}

/* Skip "0x" for bases 0 and 16, but only if a hex digit follows: in "0xg"
 * the number is "0" and the scan must stop at the 'x'. Base 0 then picks
 * 16, 8 or 10 from the prefix. */
static const char *base_prefix(const char *p, int *base)
{
	int hex = p[0] == '0' && (p[1] | 0x20) == 'x' && digit_value(p[2]) < 16;

	if ((*base == 0 || *base == 16) && hex) {
		*base = 16;
		return p + 2;
	}
	if (*base == 0)
		*base = p[0] == '0' ? 8 : 10;
	return p;
}

static struct number scan(const char *s, char **endptr, int base,
			  unsigned long long pos_max, unsigned long long neg_max)
{
	struct number n = { 0 };
	const char *p = s, *digits = NULL;
	unsigned long long limit;
	unsigned d;

	if (base < 0 || base == 1 || base > 36) {
		errno = EINVAL;
		p = NULL;
		goto out;
	}
	while (is_space(*p))
		p++;
	if (*p == '+' || *p == '-')
		n.neg = *p++ == '-';
	p = digits = base_prefix(p, &base);
	limit = n.neg ? neg_max : pos_max;
	for (; (d = digit_value(*p)) < (unsigned)base; p++) {
		if (n.mag > (limit - d) / base)
			n.overflow = 1;
		else
			n.mag = n.mag * base + d;
	}
	if (n.overflow) {
		n.mag = limit;
		errno = ERANGE;
	}
out:
	/* With no digits nothing was converted and *endptr is s itself. */
	if (endptr != NULL)
		*endptr = (char *)(p == NULL || p == digits ? s : p);
	return n;
}

/* -mag as a signed value without computing -LLONG_MIN. */
static long long negate(unsigned long long mag)
{
	return mag == 0 ? 0 : -(long long)(mag - 1) - 1;
}

long long strtoll(const char *restrict s, char **restrict endptr, int base)
{
	struct number n = scan(s, endptr, base, LLONG_MAX, (unsigned long long)LLONG_MAX + 1);

	return n.neg ? negate(n.mag) : (long long)n.mag;
}

long strtol(const char *restrict s, char **restrict endptr, int base)
{
	struct number n = scan(s, endptr, base, LONG_MAX, (unsigned long)LONG_MAX + 1);

	return n.neg ? (long)negate(n.mag) : (long)n.mag;
}

unsigned long long strtoull(const char *restrict s, char **restrict endptr, int base)
{
	struct number n = scan(s, endptr, base, ULLONG_MAX, ULLONG_MAX);

	return n.neg && !n.overflow ? -n.mag : n.mag;
}

unsigned long strtoul(const char *restrict s, char **restrict endptr, int base)
{
	struct number n = scan(s, endptr, base, ULONG_MAX, ULONG_MAX);

	return n.neg && !n.overflow ? -(unsigned long)n.mag : (unsigned long)n.mag;
}

intmax_t strtoimax(const char *restrict s, char **restrict endptr, int base)
{
	return strtoll(s, endptr, base);
}

uintmax_t strtoumax(const char *restrict s, char **restrict endptr, int base)
{
	return strtoull(s, endptr, base);
}
