/*
 * The last large heap blocks freed, with who freed them. Large blocks live
 * in KVA pages that are never reused, so a stale pointer into one faults;
 * this history lets the fault report say which block the address was and
 * whose kfree let it go, which is where a use-after-free is found.
 */
#ifndef MM_HEAP_HISTORY_H
#define MM_HEAP_HISTORY_H

#include <stddef.h>
#include <stdint.h>

/* Records that [va, va + pages * PAGE_SIZE) was freed by the caller's callers. */
void heap_history_freed(uint64_t va, size_t pages);
/* Logs what the history knows of addr: nothing when it is not in a recorded block. */
void heap_history_explain(uint64_t addr);

#endif
