/*
 * Reply tokens for SYS_IPC_CALL (ipc/call.h): unique for the life of the
 * boot, never 0, and not guessable from the tokens a process has seen.
 * Knowing a token is not enough to answer a call (only its server may,
 * call_find_locked); that they cannot be guessed is a second wall.
 */
#ifndef IPC_TOKEN_H
#define IPC_TOKEN_H

#include <stdint.h>

/* Draws this boot's key (arch_entropy) and logs where it came from. */
void token_init(void);
/* The next token. Callers serialise (cap_lock). */
uint64_t token_next_locked(void);

#endif
