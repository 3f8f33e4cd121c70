/*
 * The scanf engine, shared by every scanf-family function. It reads
 * characters from a source with one character of push-back, which is all
 * C11 7.21.6.2 promises. Host-testable: no global state. Internal.
 */
#ifndef ATXF_LIBC_SCAN_H
#define ATXF_LIBC_SCAN_H

#include <stdarg.h>
#include <stddef.h>

struct atxf_scan_in {
	int (*get)(struct atxf_scan_in *in);            /* a char or EOF (-1) */
	void (*unget)(struct atxf_scan_in *in, int c);  /* c was the last get */
};

/*
 * Scan in by fmt, storing through ap. Returns the number of items
 * assigned, or EOF (-1) if the input ended before the first conversion.
 */
int atxf_vscan(struct atxf_scan_in *in, const char *fmt, va_list ap);

#endif /* ATXF_LIBC_SCAN_H */
