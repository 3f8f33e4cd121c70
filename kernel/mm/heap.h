/*
 * The kernel heap. Blocks up to 2032 bytes come from power-of-two size
 * classes carved out of whole frames; larger ones get their own pages in the
 * KVA region. Every block is 16-byte aligned.
 */
#ifndef MM_HEAP_H
#define MM_HEAP_H

#include <stddef.h>
#include <stdint.h>

void *kmalloc(size_t size);
void *kzalloc(size_t size);
/* Frees a block from kmalloc/kzalloc; NULL is ignored. Panics on a pointer
 * the heap did not hand out, or one freed twice. */
void kfree(void *p);
/* Blocks and large-block pages handed out and not yet freed (SYS_KERNEL_COUNTS). */
void heap_counts(uint32_t *blocks, uint32_t *pages);

#endif
