/*
 * The ring of recent kernel lines (lib/logring.h): bytes in a circle from
 * tail (the oldest line's first byte) to head. Lines never split across a
 * drop: making room drops whole lines from the tail.
 */
#include "lib/log.h"
#include "lib/logring.h"

static char ring[LOGRING_BYTES];
static size_t head, tail, used;

static void drop_oldest_line(void)
{
	while (used) {
		char c = ring[tail];

		tail = (tail + 1) % LOGRING_BYTES;
		used--;
		if (c == '\n')
			return;
	}
}

void logring_put_locked(const char *line, size_t n)
{
	if (n == 0 || n >= LOGRING_BYTES)
		return;
	while (LOGRING_BYTES - used < n)
		drop_oldest_line();
	for (size_t i = 0; i < n; i++) {
		ring[head] = line[i];
		head = (head + 1) % LOGRING_BYTES;
	}
	used += n;
}

size_t logring_copy_locked(char *dst, size_t size)
{
	size_t skip = used > size ? used - size : 0, n = 0;

	/* A line cut by the skip is left out whole: on to the next line start. */
	while (skip && skip < used && ring[(tail + skip - 1) % LOGRING_BYTES] != '\n')
		skip++;
	for (size_t i = skip; i < used; i++)
		dst[n++] = ring[(tail + i) % LOGRING_BYTES];
	return n;
}

void logring_replay_locked(void (*fn)(const char *line, size_t n))
{
	char line[LOG_LINE_MAX + 2];
	size_t len = 0;

	for (size_t i = 0, at = tail; i < used; i++, at = (at + 1) % LOGRING_BYTES) {
		if (len < sizeof(line))
			line[len++] = ring[at];
		if (ring[at] == '\n') {
			fn(line, len);
			len = 0;
		}
	}
}
