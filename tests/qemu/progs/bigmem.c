/*
 * bigmem.atxf: big allocations, freed and made again, each byte checked.
 *
 *   bigmem.atxf [BIG_MIB [SMALL_COUNT]]     defaults: 200 and 190
 *
 * In order, each step printing "bigmem: STEP ok" or "bigmem: STEP FAILED:
 * WHY" (and then exiting 1):
 *   big        malloc(BIG_MIB MiB) as one block, every page written and
 *              read back, freed;
 *   small      SMALL_COUNT blocks of 1 MiB, all held at once, written and
 *              read back, freed;
 *   big-again  the big block once more: the memory freed above is back;
 *   reuse      64 blocks of 16 KiB freed, then one of 768 KiB that fits
 *              where they were: a freed block is reused for a larger one.
 * First it prints "bigmem: limit L MiB, RAM F of T MiB free" from
 * SYS_MEM_INFO (L: "none" for no limit). Exits 0 when every step was ok.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <atxf/sys.h>

#define MIB       (1024u * 1024u)
#define PAGE      4096u
#define SMALL_MAX 1024
#define PIECES    64
#define PIECE     (16u * 1024u)

/* A word per page that names the block and the page, so a page mapped
 * twice or zeroed by mistake reads wrong. */
static void fill(char *p, size_t len, uint64_t tag)
{
	for (size_t off = 0; off < len; off += PAGE)
		*(uint64_t *)(p + off) = tag ^ off;
	*(uint64_t *)(p + len - 8) = ~tag;
}

static int intact(const char *p, size_t len, uint64_t tag)
{
	for (size_t off = 0; off < len; off += PAGE)
		if (*(const uint64_t *)(p + off) != (tag ^ off))
			return 0;
	return *(const uint64_t *)(p + len - 8) == ~tag;
}

static int report(const char *step, const char *why)
{
	if (why) {
		printf("bigmem: %s FAILED: %s\n", step, why);
		return 1;
	}
	printf("bigmem: %s ok\n", step);
	return 0;
}

static const char *big(size_t mib)
{
	size_t len = mib * MIB;
	char *p = malloc(len);

	if (p == NULL)
		return "malloc returned NULL";
	fill(p, len, 0xb16b10c);
	if (!intact(p, len, 0xb16b10c))
		return "the block did not read back";
	free(p);
	return NULL;
}

static const char *small(unsigned count)
{
	static char *blocks[SMALL_MAX];
	const char *why = NULL;
	unsigned made = 0;

	if (count > SMALL_MAX)
		return "too many blocks asked for";
	for (; made < count; made++) {
		blocks[made] = malloc(MIB);
		if (blocks[made] == NULL) {
			why = "malloc(1 MiB) returned NULL";
			break;
		}
		fill(blocks[made], MIB, made);
	}
	for (unsigned i = 0; i < made && why == NULL; i++)
		if (!intact(blocks[i], MIB, i))
			why = "a 1 MiB block did not read back";
	for (unsigned i = 0; i < made; i++)
		free(blocks[i]);
	return why;
}

static const char *reuse(void)
{
	char *piece[PIECES], *lo, *hi, *p;

	for (int i = 0; i < PIECES; i++)
		if ((piece[i] = malloc(PIECE)) == NULL)
			return "malloc(16 KiB) returned NULL";
	lo = hi = piece[0];
	for (int i = 0; i < PIECES; i++) {
		lo = piece[i] < lo ? piece[i] : lo;
		hi = piece[i] > hi ? piece[i] : hi;
		free(piece[i]);
	}
	p = malloc(768u * 1024u);
	if (p == NULL)
		return "malloc(768 KiB) returned NULL";
	if (p < lo || p > hi)
		return "the larger block did not reuse the freed ones";
	fill(p, 768u * 1024u, 0x5e05e);
	if (!intact(p, 768u * 1024u, 0x5e05e))
		return "the reused block did not read back";
	free(p);
	return NULL;
}

static void print_info(void)
{
	struct atxf_mem_info mi;

	if (atxf_mem_info(&mi) < 0) {
		printf("bigmem: SYS_MEM_INFO failed\n");
		return;
	}
	if (mi.limit == ATXF_MEM_UNLIMITED)
		printf("bigmem: limit none, ");
	else
		printf("bigmem: limit %llu MiB, ", (unsigned long long)(mi.limit / MIB));
	printf("RAM %llu of %llu MiB free\n", (unsigned long long)(mi.ram_free / MIB),
	       (unsigned long long)(mi.ram_total / MIB));
}

int main(int argc, char **argv)
{
	size_t big_mib = argc > 1 ? strtoul(argv[1], NULL, 0) : 200;
	unsigned count = argc > 2 ? (unsigned)strtoul(argv[2], NULL, 0) : 190;
	int failed = 0;

	print_info();
	failed |= report("big", big(big_mib));
	failed |= report("small", small(count));
	failed |= report("big-again", big(big_mib));
	failed |= report("reuse", reuse());
	return failed;
}
