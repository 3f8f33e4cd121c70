/* Restart backoff and the give-up rule (backoff.h). */
#include <string.h>
#include "backoff.h"

/* The oldest of the last DM_FAIL_LIMIT endings, once there are that many. */
static int window_full(const struct dm_backoff *b, uint64_t now_ns)
{
	uint64_t oldest = b->ends[b->next];   /* the slot about to be overwritten */

	return b->count == DM_FAIL_LIMIT && now_ns - oldest <= DM_FAIL_WINDOW_NS;
}

int64_t dm_backoff_ended(struct dm_backoff *b, uint64_t started_ns, uint64_t now_ns)
{
	if (now_ns - started_ns > DM_FAIL_WINDOW_NS)
		memset(b, 0, sizeof(*b));
	b->ends[b->next] = now_ns;
	b->next = (b->next + 1) % DM_FAIL_LIMIT;
	if (b->count < DM_FAIL_LIMIT)
		b->count++;
	if (window_full(b, now_ns))
		return -1;
	b->delay_ns = b->delay_ns ? b->delay_ns * 2 : DM_BACKOFF_FIRST_NS;
	if (b->delay_ns > DM_BACKOFF_MAX_NS)
		b->delay_ns = DM_BACKOFF_MAX_NS;
	return (int64_t)b->delay_ns;
}
