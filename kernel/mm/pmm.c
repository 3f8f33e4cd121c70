/*
 * Physical frame allocator: a bitmap with one bit per 4 KiB frame from 0 to
 * the end of the highest usable RAM region; a set bit means "not free".
 * Allocation scans 64 frames at a time from a hint (the lowest word that may
 * have a free bit), so the common case is one or two word reads.
 *
 * The bitmap lives in the first usable range big enough for it that holds
 * nothing we must keep. Before paging_init() it is reached through the boot
 * identity map, so until then only frames below 4 GiB are handed out.
 */
#include <stdbool.h>
#include "arch/x86_64/memlayout.h"
#include "core/bootinfo.h"
#include "core/panic.h"
#include "lib/log.h"
#include "lib/string.h"
#include "mm/pin.h"
#include "mm/pmm.h"
#include "sched/spinlock.h"

#define LOW_MEMORY_END  0x100000ul      /* BIOS data, EBDA, ROMs: never used */
#define EARLY_LIMIT     (1ul << 32)     /* identity-mapped by boot.S */
#define MAX_RESERVED    (BOOT_MAX_MODULES + 3)

struct range {
	uint64_t start, end;
};

static struct spinlock pmm_lock = SPINLOCK_INIT("pmm");
static uint64_t bitmap_pa;
static uint64_t nframes;        /* frames the bitmap covers */
static uint64_t nwords;
static uint64_t free_count, total_count;
static uint64_t hint;           /* no free frame in words below this */

static struct range reserved[MAX_RESERVED];
static int nreserved;

static uint64_t *bitmap(void)
{
	return phys_to_virt(bitmap_pa);
}

static uint64_t align_up(uint64_t v, uint64_t a)
{
	return (v + a - 1) & ~(a - 1);
}

static void add_reserved(uint64_t start, uint64_t end)
{
	if (nreserved < MAX_RESERVED)
		reserved[nreserved++] = (struct range){ start, end };
}

/* Where [start, start+size) first overlaps a reserved range: its end, or 0. */
static uint64_t overlap_end(uint64_t start, uint64_t size)
{
	for (int i = 0; i < nreserved; i++)
		if (start < reserved[i].end && reserved[i].start < start + size)
			return reserved[i].end;
	return 0;
}

/* Finds size bytes of usable RAM below 4 GiB overlapping no reserved range. */
static uint64_t find_free_range(uint64_t size)
{
	for (int i = 0; i < boot_info.nmem; i++) {
		const struct boot_region *r = &boot_info.mem[i];
		uint64_t end = r->base + r->len, at = align_up(r->base, PAGE_SIZE), o;

		if (r->type != BOOT_MEM_USABLE)
			continue;
		while ((o = overlap_end(at, size)))
			at = align_up(o, PAGE_SIZE);
		if (at + size <= end && at + size <= EARLY_LIMIT)
			return at;
	}
	panic("pmm: no room for a %lu-byte frame bitmap", size);
}

static uint64_t highest_usable_end(void)
{
	uint64_t end = 0;

	for (int i = 0; i < boot_info.nmem; i++)
		if (boot_info.mem[i].type == BOOT_MEM_USABLE &&
		    boot_info.mem[i].base + boot_info.mem[i].len > end)
			end = boot_info.mem[i].base + boot_info.mem[i].len;
	if (end > DIRECT_MAP_MAX)
		end = DIRECT_MAP_MAX;
	return end & ~(uint64_t)(PAGE_SIZE - 1);
}

/* Sets (used) or clears frames [first, last) a word at a time where it can. */
static void set_frames(uint64_t first, uint64_t last, bool used)
{
	uint64_t *bm = bitmap();

	if (last > nframes)
		last = nframes;
	while (first < last) {
		uint64_t bit = first % 64, n = 64 - bit;
		if (n > last - first)
			n = last - first;
		uint64_t mask = (n == 64 ? ~0ul : ((1ul << n) - 1)) << bit;
		if (used)
			bm[first / 64] |= mask;
		else
			bm[first / 64] &= ~mask;
		first += n;
	}
}

/* Marks a byte range: used ranges round outwards (a partly reserved frame
 * is reserved), free ones inwards (only whole frames of RAM are free). */
static void mark(uint64_t start, uint64_t end, bool used)
{
	if (used)
		set_frames(start >> PAGE_SHIFT, align_up(end, PAGE_SIZE) >> PAGE_SHIFT, true);
	else
		set_frames(align_up(start, PAGE_SIZE) >> PAGE_SHIFT, end >> PAGE_SHIFT, false);
}

/* Bits set in v (the baseline x86-64 ISA has no popcnt instruction). */
static unsigned popcount64(uint64_t v)
{
	v = v - ((v >> 1) & 0x5555555555555555ul);
	v = (v & 0x3333333333333333ul) + ((v >> 2) & 0x3333333333333333ul);
	v = (v + (v >> 4)) & 0x0f0f0f0f0f0f0f0ful;
	return (v * 0x0101010101010101ul) >> 56;
}

static uint64_t count_free(void)
{
	uint64_t n = 0;

	for (uint64_t w = 0; w < nwords; w++)
		n += 64 - popcount64(bitmap()[w]);
	return n;
}

void pmm_init(void)
{
	nframes = highest_usable_end() >> PAGE_SHIFT;
	nwords = align_up(nframes, 64) / 64;
	add_reserved(0, LOW_MEMORY_END);
	add_reserved(KERNEL_LOAD_PHYS, kernel_image_phys(__image_end));
	for (int i = 0; i < boot_info.nmods; i++)
		add_reserved(boot_info.mods[i].start, boot_info.mods[i].end);
	bitmap_pa = find_free_range(nwords * 8);
	add_reserved(bitmap_pa, bitmap_pa + nwords * 8);

	memset(bitmap(), 0xff, nwords * 8);     /* everything used ... */
	for (int i = 0; i < boot_info.nmem; i++)  /* ... but usable RAM */
		if (boot_info.mem[i].type == BOOT_MEM_USABLE)
			mark(boot_info.mem[i].base,
			     boot_info.mem[i].base + boot_info.mem[i].len, false);
	for (int i = 0; i < nreserved; i++)
		mark(reserved[i].start, reserved[i].end, true);
	total_count = free_count = count_free();
	klog("pmm: %lu frames free (%lu MiB), bitmap of %lu KiB at 0x%lx",
	     free_count, free_count >> 8, nwords * 8 >> 10, bitmap_pa);
}

/* Takes the lowest free frame below limit; 0 if none. Lock held. */
static uint64_t take_frame(uint64_t limit_frames)
{
	uint64_t *bm = bitmap();
	uint64_t words = align_up(limit_frames < nframes ? limit_frames : nframes, 64) / 64;

	for (uint64_t w = hint; w < words; w++) {
		if (bm[w] == ~0ul)
			continue;
		uint64_t f = w * 64 + __builtin_ctzll(~bm[w]);
		if (f >= nframes)
			break;
		bm[w] |= 1ul << (f % 64);
		hint = w;
		free_count--;
		return f << PAGE_SHIFT;
	}
	return 0;
}

uint64_t pmm_alloc(void)
{
	uint64_t limit = direct_map_offset ? nframes : EARLY_LIMIT >> PAGE_SHIFT;
	uint64_t flags = spin_lock_irqsave(&pmm_lock);
	uint64_t pa = take_frame(limit);

	spin_unlock_irqrestore(&pmm_lock, flags);
	return pa;
}

uint64_t pmm_alloc_zeroed(void)
{
	uint64_t pa = pmm_alloc();

	if (pa)
		memset(phys_to_virt(pa), 0, PAGE_SIZE);
	return pa;
}

void pmm_free(uint64_t pa)
{
	uint64_t f = pa >> PAGE_SHIFT;
	uint64_t flags;

	if (pin_keeps(pa))              /* a device may still use it (mm/pin.h) */
		return;
	flags = spin_lock_irqsave(&pmm_lock);
	uint64_t *word = &bitmap()[f / 64];

	if ((pa & (PAGE_SIZE - 1)) || f >= nframes || !(*word & (1ul << (f % 64))))
		panic("pmm: bad free of frame 0x%lx", pa);
	*word &= ~(1ul << (f % 64));
	free_count++;
	if (f / 64 < hint)
		hint = f / 64;
	spin_unlock_irqrestore(&pmm_lock, flags);
}

static bool frame_used(const uint64_t *bm, uint64_t f)
{
	return bm[f / 64] & (1ul << (f % 64));
}

/* First-fit scan for n free frames in a row below limit_frames. Lock held. */
static uint64_t find_run(uint64_t n, uint64_t limit_frames)
{
	const uint64_t *bm = bitmap();
	uint64_t run = 0;

	for (uint64_t f = 0; f < limit_frames; f++) {
		run = frame_used(bm, f) ? 0 : run + 1;
		if (run == n)
			return f + 1 - n;
	}
	return 0;
}

uint64_t pmm_alloc_contig(uint64_t n, uint64_t below)
{
	uint64_t limit = below >> PAGE_SHIFT;
	uint64_t flags, first;

	if (limit > nframes)
		limit = nframes;
	flags = spin_lock_irqsave(&pmm_lock);
	first = n ? find_run(n, limit) : 0;
	if (first) {
		set_frames(first, first + n, true);
		free_count -= n;
	}
	spin_unlock_irqrestore(&pmm_lock, flags);
	if (!first)
		return 0;
	memset(phys_to_virt(first << PAGE_SHIFT), 0, n << PAGE_SHIFT);
	return first << PAGE_SHIFT;
}

uint64_t pmm_free_frames(void)
{
	return free_count;
}

uint64_t pmm_total_frames(void)
{
	return total_count;
}

uint64_t pmm_ram_end(void)
{
	return nframes << PAGE_SHIFT;
}
