/*
 * stdinsum: reads all of its standard input and says how much it got and
 * its FNV-1a hash, so a scenario can compare them with the member init gave
 * it (`stdin:MEMBER`, docs/boot.md). It reads in three ways in turn, so
 * they share one stream: fgetc for the first 100 bytes, fgets for one more, fread for the rest; then the end of file must hold.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static uint32_t hash = 2166136261u;
static unsigned long total;

static void add(const void *p, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++)
		hash = (hash ^ b[i]) * 16777619u;
	total += n;
}

int main(void)
{
	char buf[1000];
	size_t n;
	int c;

	for (int i = 0; i < 100 && (c = getchar()) != EOF; i++) {
		unsigned char ch = (unsigned char)c;

		add(&ch, 1);
	}
	/* fgets with room for one byte reads exactly one; a NUL byte reads as
	 * an empty string, so its length is 1 all the same. */
	if (fgets(buf, 2, stdin))
		add(buf, 1);
	while ((n = fread(buf, 1, sizeof(buf), stdin)) > 0)
		add(buf, n);
	printf("stdinsum: %lu bytes, fnv1a %08x, eof %d, error %d, read(0) %ld\n", total,
	       (unsigned)hash, feof(stdin), ferror(stdin), (long)read(0, buf, sizeof(buf)));
	return 0;
}
