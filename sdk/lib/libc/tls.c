/*
 * Thread-local storage: where each thread's copy of the program's
 * __thread variables goes (layout in pthread_impl.h). ldscripts/atxf.ld
 * keeps .tdata (the initial image) at the start of the data segment and
 * defines the bounds below, so the image reaches ATXF unchanged as data
 * (docs/atxf-format.md §6) and no loader needs to know about it.
 */
#include <string.h>
#include <atxf/atxf.h>
#include "hooks.h"
#include "pthread_impl.h"

/* Absolute symbols from ldscripts/atxf.ld: their addresses are the values. */
extern char __atxf_tls_image[];         /* where .tdata was linked */
extern char __atxf_tls_image_size[];    /* bytes of .tdata */
extern char __atxf_tls_size[];          /* bytes of .tdata + .tbss */
extern char __atxf_tls_align[];         /* the TLS segment's alignment */

/* The TLS segment's own alignment: the linker placed each variable at
 * tp - round_up(size, this) + its offset (x86-64 ABI, variant II). */
static size_t segment_align(void)
{
	size_t a = (size_t)(uintptr_t)__atxf_tls_align;

	return a ? a : 1;
}

/* tp's alignment: the segment's, and a cache line for the control block. */
static size_t tls_align(void)
{
	return segment_align() < 64 ? 64 : segment_align();
}

/* How far below tp the block starts. */
static size_t tls_span(void)
{
	size_t a = segment_align(), size = (size_t)(uintptr_t)__atxf_tls_size;

	return (size + a - 1) & ~(a - 1);
}

size_t __atxf_tls_need(void)
{
	return tls_span() + sizeof(struct __pthread) + tls_align();
}

struct __pthread *__atxf_tls_place(char *base, size_t len, char **low)
{
	uintptr_t tp = ((uintptr_t)base + len - sizeof(struct __pthread)) & ~(tls_align() - 1);
	struct __pthread *t = (struct __pthread *)tp;
	char *block = (char *)tp - tls_span();
	size_t image = (size_t)(uintptr_t)__atxf_tls_image_size;

	memcpy(block, __atxf_tls_image, image);
	memset(block + image, 0, tls_span() - image);
	memset(t, 0, sizeof(*t));
	t->self = t;
	t->canary = __stack_chk_guard;
	t->alive = 1;
	*low = block;
	return t;
}

void __atxf_tls_init_main(void)
{
	size_t len = (__atxf_tls_need() + ATXF_PAGE_SIZE - 1) & ~(size_t)(ATXF_PAGE_SIZE - 1);
	char *base = atxf_heap_grow(len), *low;
	struct __pthread *t;
	static const char msg[] = "atxf: no memory for the first thread's TLS\n";

	if (base == NULL) {
		atxf_debug_write(msg, sizeof(msg) - 1);
		atxf_exit(127);
	}
	__atxf_ssp_init();
	t = __atxf_tls_place(base, len, &low);
	t->map = base;
	t->map_len = len;
	atxf_tls_set(t);
}
