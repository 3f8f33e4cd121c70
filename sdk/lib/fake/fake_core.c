/*
 * The fake hardware's reset and its stray-access report: an access a real
 * machine would send nowhere is counted, remembered and printed, so a test
 * can assert there were none and a person can see which one it was.
 */
#include <stdarg.h>
#include <stdio.h>
#include "fake_internal.h"

static unsigned long strays;
static char last_stray[256];

void __atxf_fake_stray(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(last_stray, sizeof(last_stray), fmt, ap);
	va_end(ap);
	strays++;
	fprintf(stderr, "fake: stray %s\n", last_stray);
}

void __atxf_fake_note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("fake: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

unsigned long atxf_fake_strays(void)
{
	return strays;
}

const char *atxf_fake_last_stray(void)
{
	return last_stray;
}

void atxf_fake_reset(void)
{
	strays = 0;
	last_stray[0] = '\0';
	/* DMA first: its buffers hold capabilities the cap reset forgets. */
	__atxf_fake_reset_dma();
	__atxf_fake_reset_io();
	__atxf_fake_reset_mmio();
	__atxf_fake_reset_irq();
	__atxf_fake_reset_clock();
	__atxf_fake_reset_caps();
	__atxf_fake_reset_console();
	__atxf_fake_reset_fb();
}
