/*
 * A small vsnprintf for the kernel (see printf.h for what it accepts).
 * Output goes through struct out, which counts every character but stores
 * only what fits, so truncation is safe and the return value is C's.
 */
#include <stdint.h>
#include <stdbool.h>
#include "lib/printf.h"
#include "lib/string.h"

struct out {
	char *buf;
	size_t size;
	size_t len;             /* characters produced so far, stored or not */
};

/* One conversion specification, as parsed from the format. */
struct spec {
	bool left;              /* '-' flag */
	bool zero;              /* '0' flag */
	int width;
	int precision;          /* -1 when absent */
	int length;             /* 0 int, 1 long, 2 long long, 3 size_t */
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void pad(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

/* Emits prefix + digits padded to the spec's width. */
static void emit_number(struct out *o, const struct spec *sp, const char *prefix,
			const char *digits, int ndigits)
{
	int plen = strlen(prefix);
	int zeros = sp->precision > ndigits ? sp->precision - ndigits : 0;
	int fill = sp->width - plen - zeros - ndigits;

	if (sp->zero && !sp->left && sp->precision < 0) {
		zeros += fill > 0 ? fill : 0;
		fill = 0;
	}
	if (!sp->left)
		pad(o, ' ', fill);
	while (*prefix)
		put(o, *prefix++);
	pad(o, '0', zeros);
	for (int i = ndigits - 1; i >= 0; i--)    /* digits are stored reversed */
		put(o, digits[i]);
	if (sp->left)
		pad(o, ' ', fill);
}

static void format_unsigned(struct out *o, const struct spec *sp, uint64_t v,
			    unsigned base, bool upper, const char *prefix)
{
	const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char digits[24];
	int n = 0;

	do {
		digits[n++] = set[v % base];
		v /= base;
	} while (v);
	if (sp->precision == 0 && n == 1 && digits[0] == '0')
		n = 0;                  /* C: "%.0d" of 0 prints nothing */
	emit_number(o, sp, prefix, digits, n);
}

static void format_signed(struct out *o, const struct spec *sp, int64_t v)
{
	uint64_t mag = v < 0 ? -(uint64_t)v : (uint64_t)v;

	format_unsigned(o, sp, mag, 10, false, v < 0 ? "-" : "");
}

static void format_string(struct out *o, const struct spec *sp, const char *s)
{
	if (!s)
		s = "(null)";
	int n = sp->precision >= 0 ? (int)strnlen(s, sp->precision) : (int)strlen(s);

	if (!sp->left)
		pad(o, ' ', sp->width - n);
	for (int i = 0; i < n; i++)
		put(o, s[i]);
	if (sp->left)
		pad(o, ' ', sp->width - n);
}

/* Reads a decimal number or '*' from the format; advances *fmt. */
static int parse_count(const char **fmt, va_list *ap)
{
	int n = 0;

	if (**fmt == '*') {
		(*fmt)++;
		return va_arg(*ap, int);
	}
	while (**fmt >= '0' && **fmt <= '9')
		n = n * 10 + (*(*fmt)++ - '0');
	return n;
}

/* Parses flags, width, precision and length after '%'; advances *fmt. */
static void parse_spec(const char **fmt, va_list *ap, struct spec *sp)
{
	*sp = (struct spec){ .precision = -1 };
	for (;; (*fmt)++) {
		if (**fmt == '-')
			sp->left = true;
		else if (**fmt == '0')
			sp->zero = true;
		else
			break;
	}
	sp->width = parse_count(fmt, ap);
	if (sp->width < 0) {            /* C: a negative '*' width means '-' */
		sp->left = true;
		sp->width = -sp->width;
	}
	if (**fmt == '.') {
		(*fmt)++;
		sp->precision = parse_count(fmt, ap);
	}
	for (; **fmt == 'l' && sp->length < 2; (*fmt)++)
		sp->length++;
	if (**fmt == 'z') {
		sp->length = 3;
		(*fmt)++;
	}
}

static uint64_t arg_unsigned(const struct spec *sp, va_list *ap)
{
	return sp->length ? va_arg(*ap, uint64_t) : va_arg(*ap, unsigned int);
}

static int64_t arg_signed(const struct spec *sp, va_list *ap)
{
	return sp->length ? va_arg(*ap, int64_t) : va_arg(*ap, int);
}

static void format_one(struct out *o, char conv, struct spec *sp, va_list *ap)
{
	switch (conv) {
	case 'd':
	case 'i':
		format_signed(o, sp, arg_signed(sp, ap));
		break;
	case 'u':
		format_unsigned(o, sp, arg_unsigned(sp, ap), 10, false, "");
		break;
	case 'x':
	case 'X':
		format_unsigned(o, sp, arg_unsigned(sp, ap), 16, conv == 'X', "");
		break;
	case 'p':
		format_unsigned(o, sp, (uintptr_t)va_arg(*ap, void *), 16, false, "0x");
		break;
	case 's':
		format_string(o, sp, va_arg(*ap, const char *));
		break;
	case 'c':
		sp->precision = -1;
		pad(o, ' ', sp->left ? 0 : sp->width - 1);
		put(o, (char)va_arg(*ap, int));
		pad(o, ' ', sp->left ? sp->width - 1 : 0);
		break;
	default:                        /* "%%" and unknown conversions */
		put(o, '%');
		if (conv != '%')
			put(o, conv);
	}
}

int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { .buf = buf, .size = size };
	struct spec sp;
	va_list args;

	va_copy(args, ap);
	while (*fmt) {
		if (*fmt != '%') {
			put(&o, *fmt++);
			continue;
		}
		fmt++;
		parse_spec(&fmt, &args, &sp);
		if (!*fmt)
			break;
		format_one(&o, *fmt++, &sp, &args);
	}
	va_end(args);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int ksnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = kvsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
