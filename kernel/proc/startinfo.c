/*
 * The start stack (proc/startinfo.h), from USER_STACK_TOP down:
 *
 *	argument strings, then environment strings, NUL-terminated
 *	padding to 8
 *	envp[0] .. envp[envc-1], NULL
 *	argv[0] .. argv[argc-1], NULL
 *	struct atxf_start_info          <- rdi
 *	padding to 16                   <- rsp, strictly below the start info
 *
 * It is assembled in a kernel buffer with the user addresses it will have,
 * then copied to the top of the stack in one piece.
 */
#include <atxf/errors.h>
#include "lib/string.h"
#include "mm/aspace.h"
#include "mm/heap.h"
#include "proc/process.h"
#include "proc/startinfo.h"

static uint64_t align_down(uint64_t v, uint64_t a)
{
	return v & ~(a - 1);
}

/* Bytes of the strings, or -1 when they are too many or too long. */
static long strings_size(const struct start_args *a)
{
	size_t total = 0;

	if (a->argc > ATXF_SPAWN_MAX_ARGS || a->envc > ATXF_SPAWN_MAX_ENV)
		return -1;
	for (uint32_t i = 0; i < a->argc; i++)
		total += strlen(a->argv[i]) + 1;
	for (uint32_t i = 0; i < a->envc; i++)
		total += strlen(a->envp[i]) + 1;
	return total <= START_STRINGS_MAX ? (long)total : -1;
}

/* Copies n strings to s (user address s_va) and their user addresses to
 * vec[0..n), NULL after; returns the bytes of strings written. */
static size_t fill_vector(uint64_t *vec, char *s, uint64_t s_va, const char *const *strs,
			  uint32_t n)
{
	size_t off = 0;

	for (uint32_t i = 0; i < n; i++) {
		size_t len = strlen(strs[i]) + 1;

		memcpy(s + off, strs[i], len);
		vec[i] = s_va + off;
		off += len;
	}
	vec[n] = 0;
	return off;
}

static void fill(struct process *p, const struct start_args *a, uint8_t *buf, uint64_t base,
		 uint64_t argv_va, uint64_t strings_va)
{
	struct atxf_start_info *si = (struct atxf_start_info *)buf;
	uint64_t *argv = (uint64_t *)(buf + (argv_va - base));
	uint64_t envp_va = argv_va + (a->argc + 1) * 8ul;
	char *s = (char *)buf + (strings_va - base);
	size_t args_bytes;

	si->magic = ATXF_START_MAGIC;
	si->argc = a->argc;
	si->argv = argv_va;
	si->pid = p->pid;
	si->ncaps = p->caps.given;
	si->bootfs = a->bootfs;
	si->bootfs_size = a->bootfs_size;
	si->envc = a->envc;
	si->envp = envp_va;
	args_bytes = fill_vector(argv, s, strings_va, a->argv, a->argc);
	fill_vector(argv + a->argc + 1, s + args_bytes, strings_va + args_bytes, a->envp,
		    a->envc);
}

int startinfo_build(struct process *p, const struct start_args *a)
{
	long strings = strings_size(a);
	uint64_t strings_va, argv_va, si_va, size;
	uint8_t *buf;
	int err;

	if (strings < 0)
		return -ATXF_EINVAL;
	strings_va = USER_STACK_TOP - (uint64_t)strings;
	argv_va = align_down(strings_va, 8) - (a->argc + 1 + a->envc + 1) * 8ul;
	si_va = align_down(argv_va - sizeof(struct atxf_start_info), 8);
	size = USER_STACK_TOP - si_va;
	buf = kzalloc(size);
	if (!buf)
		return -ATXF_ENOMEM;
	fill(p, a, buf, si_va, argv_va, strings_va);
	err = aspace_write(p->as, si_va, buf, size);
	kfree(buf);
	p->start_info = si_va;
	p->user_sp = align_down(si_va - 1, 16);
	return err;
}
