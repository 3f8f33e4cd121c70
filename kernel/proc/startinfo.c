/*
 * The start stack (proc/startinfo.h), from USER_STACK_TOP down:
 *
 *	argument strings, NUL-terminated
 *	padding to 8
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

	if (a->argc > ATXF_SPAWN_MAX_ARGS)
		return -1;
	for (uint32_t i = 0; i < a->argc; i++)
		total += strlen(a->argv[i]) + 1;
	return total <= START_STRINGS_MAX ? (long)total : -1;
}

static void fill(struct process *p, const struct start_args *a, uint8_t *buf, uint64_t base,
		 uint64_t argv_va, uint64_t strings_va)
{
	struct atxf_start_info *si = (struct atxf_start_info *)buf;
	uint64_t *argv = (uint64_t *)(buf + (argv_va - base));
	char *s = (char *)buf + (strings_va - base);

	si->magic = ATXF_START_MAGIC;
	si->argc = a->argc;
	si->argv = argv_va;
	si->pid = p->pid;
	si->ncaps = p->caps.given;
	si->bootfs = a->bootfs;
	si->bootfs_size = a->bootfs_size;
	for (uint32_t i = 0, off = 0; i < a->argc; i++) {
		size_t n = strlen(a->argv[i]) + 1;

		memcpy(s + off, a->argv[i], n);
		argv[i] = strings_va + off;
		off += n;
	}
	argv[a->argc] = 0;
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
	argv_va = align_down(strings_va, 8) - (a->argc + 1) * 8ul;
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
