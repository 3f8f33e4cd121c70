/*
 * The printf engine, shared by every printf-family function. It knows
 * nothing about where output goes: it hands pieces of it to a sink.
 * Host-testable: it uses no libc function and no global state.
 */
#ifndef ATXF_LIBC_FORMAT_H
#define ATXF_LIBC_FORMAT_H

#include <stdarg.h>
#include <stddef.h>

/* Where formatted output goes. Embed it as the first member of a larger
 * struct to carry the destination's state. */
struct atxf_sink {
	void (*write)(struct atxf_sink *sink, const char *s, size_t n);
};

/*
 * Format fmt with ap into sink. Returns the number of characters produced,
 * or -1 if that number does not fit in an int (C11 7.21.6.1p14: EOVERFLOW,
 * which the caller sets).
 */
int atxf_vformat(struct atxf_sink *sink, const char *fmt, va_list ap);

/* vsnprintf with C11 semantics, under a name that cannot clash with the
 * host's libc, so that the tests can call it beside glibc's. */
int atxf_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

#endif /* ATXF_LIBC_FORMAT_H */
