/*
 * Reply tokens (ipc/token.h): a counter that never repeats, sent through a
 * keyed permutation of 64-bit values. A permutation maps distinct inputs to
 * distinct outputs, so tokens stay unique as the counter does; the key,
 * drawn once per boot, keeps one process from working out from its own
 * tokens which ones others hold. The permutation is a six-round Feistel
 * network on 32-bit halves, (L, R) -> (R, L ^ F(R, k_i)): any round
 * function gives a bijection, and mix64 (lib/mix.h) keyed by k_i is ours.
 */
#include "arch/x86_64/entropy.h"
#include "ipc/token.h"
#include "lib/log.h"
#include "lib/mix.h"

#define ROUNDS 6

static uint64_t round_key[ROUNDS];
static uint64_t counter;

void token_init(void)
{
	const char *source = "tsc";

	for (int i = 0; i < ROUNDS; i++)
		round_key[i] = arch_entropy(&source);
	klog("ipc: reply tokens keyed per boot from %s", source);
}

static uint32_t round_fn(uint32_t half, uint64_t key)
{
	return (uint32_t)(mix64(half ^ key) >> 32);
}

static uint64_t permute(uint64_t x)
{
	uint32_t l = (uint32_t)(x >> 32), r = (uint32_t)x;

	for (int i = 0; i < ROUNDS; i++) {
		uint32_t t = l ^ round_fn(r, round_key[i]);

		l = r;
		r = t;
	}
	return (uint64_t)l << 32 | r;
}

uint64_t token_next_locked(void)
{
	uint64_t t;

	/* 0 means "no token" in a message (<atxf/ipc.h>): one counter value
	 * in 2^64 maps to it, and is skipped. */
	do
		t = permute(counter++);
	while (t == 0);
	return t;
}
