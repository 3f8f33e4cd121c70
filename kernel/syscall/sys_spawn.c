/*
 * SYS_PROC_SPAWN(struct atxf_spawn *, flags) -> pid (docs/syscalls.md).
 *
 * Everything the caller points at is copied into the kernel first (the
 * request, name, argument and environment strings and the image itself), so nothing it
 * changes meanwhile can reach the loader half-checked; then the child is
 * created, loaded by the one ATXF reader, given its capabilities and its
 * start stack, and started. Any failure throws the child away unstarted.
 *
 * Needs ATXF_CAP_ROOT for now (init, and whoever init gives it to); each
 * handle in caps[] must be open with ATXF_RIGHT_GRANT (ATXF_HANDLE_NONE
 * leaves the child's slot empty).
 */
#include <atxf/errors.h>
#include <atxf/proc.h>
#include "arch/x86_64/memlayout.h"
#include "arch/x86_64/usermode.h"
#include "mm/heap.h"
#include "mm/kva.h"
#include "mm/vm.h"
#include "lib/string.h"
#include "proc/loader.h"
#include "proc/process.h"
#include "proc/startinfo.h"
#include "sched/thread.h"
#include "syscall/syscall.h"

#define SPAWN_NAME_MAX 256      /* a longer name is refused; PROC_NAME_MAX is kept */

/* The kernel's copy of one request. */
struct spawn_req {
	struct atxf_spawn s;
	char name[SPAWN_NAME_MAX];
	char strings[START_STRINGS_MAX];
	const char *argv[ATXF_SPAWN_MAX_ARGS];
	const char *envp[ATXF_SPAWN_MAX_ENV];
	size_t strings_used;            /* of strings[], by argv then envp */
	struct cap caps[ATXF_SPAWN_MAX_CAPS];
	uint8_t *image;                 /* s.image_size bytes, from kva_alloc */
	size_t image_pages;
};

/* copy_string_from_user()'s "too long" is an invalid argument here. */
static long copy_string(char *dst, uint64_t src, size_t size)
{
	long n = copy_string_from_user(dst, src, size);

	return n == -ATXF_ERANGE ? -ATXF_EINVAL : n;
}

/* Copies the n strings of the user array at uvec into r->strings, one
 * budget for argv and envp together, and points out[] at the copies. */
static int copy_vector(struct spawn_req *r, uint64_t uvec, uint32_t n, uint32_t max,
		       const char **out)
{
	uint64_t ptrs[ATXF_SPAWN_MAX_ENV];

	if (n > max)
		return -ATXF_EINVAL;
	if (copy_from_user(ptrs, uvec, n * sizeof(ptrs[0])))
		return -ATXF_EFAULT;
	for (uint32_t i = 0; i < n; i++) {
		size_t used = r->strings_used;
		long len = copy_string(r->strings + used, ptrs[i], sizeof(r->strings) - used);

		if (len < 0)
			return (int)len;
		out[i] = r->strings + used;
		r->strings_used += (size_t)len + 1;
	}
	return 0;
}

/* Every environment string must be NAME=VALUE with a non-empty NAME. */
static int check_env(const struct spawn_req *r)
{
	for (uint32_t i = 0; i < r->s.envc; i++) {
		const char *e = r->envp[i];
		size_t name = 0;

		while (e[name] && e[name] != '=')
			name++;
		if (name == 0 || !e[name])
			return -ATXF_EINVAL;
	}
	return 0;
}

static int copy_strings(struct spawn_req *r)
{
	int err = copy_vector(r, r->s.argv, r->s.argc, ATXF_SPAWN_MAX_ARGS, r->argv);

	if (!err)
		err = copy_vector(r, r->s.envp, r->s.envc, ATXF_SPAWN_MAX_ENV, r->envp);
	return err ? err : check_env(r);
}

/* Copies of the caller's capabilities named in caps[0..ncaps), each
 * holding a reference until the child has its own (release_caps): the
 * spawner's handles may close while the image is copied in. */
static int copy_caps_locked(struct spawn_req *r, struct cap_table *mine)
{
	for (uint32_t i = 0; i < r->s.ncaps; i++) {
		const struct cap *c;

		if (r->s.caps[i] == ATXF_HANDLE_NONE)
			continue;               /* stays ATXF_CAP_NONE */
		c = cap_lookup(mine, r->s.caps[i]);
		if (!c)
			return -ATXF_EBADH;
		/* The spawner holds ROOT, which makes any hardware capability
		 * anyway: only those naming objects (ports, shm, DMA buffers)
		 * need GRANT to be passed on. */
		if (c->obj && !(c->rights & ATXF_RIGHT_GRANT))
			return -ATXF_EPERM;
		r->caps[i] = *c;
		cap_get(c);
	}
	return 0;
}

static int copy_caps(struct spawn_req *r, struct cap_table *mine)
{
	if (r->s.ncaps > ATXF_SPAWN_MAX_CAPS)
		return -ATXF_EINVAL;
	uint64_t flags = spin_lock_irqsave(&cap_lock);
	int err = copy_caps_locked(r, mine);

	spin_unlock_irqrestore(&cap_lock, flags);
	return err;
}

/* The references copy_caps took (a cap never taken is all zero: no object). */
static void release_caps(struct spawn_req *r)
{
	uint64_t flags = spin_lock_irqsave(&cap_lock);

	for (uint32_t i = 0; i < ATXF_SPAWN_MAX_CAPS; i++)
		cap_put(&r->caps[i]);
	spin_unlock_irqrestore(&cap_lock, flags);
}

static int copy_request(struct spawn_req *r, uint64_t user_req, struct cap_table *mine)
{
	long n;
	int err;

	if (copy_from_user(&r->s, user_req, sizeof(r->s)))
		return -ATXF_EFAULT;
	if (r->s.priority > PRIO_MAX)
		return -ATXF_EINVAL;
	n = copy_string(r->name, r->s.name, sizeof(r->name));
	if (n < 0)
		return (int)n;
	err = copy_strings(r);
	return err ? err : copy_caps(r, mine);
}

static int copy_image(struct spawn_req *r)
{
	uint64_t size = r->s.image_size;

	if (loader_check_size(r->name, size))
		return -ATXF_ENOEXEC;
	r->image_pages = size ? (size + PAGE_SIZE - 1) / PAGE_SIZE : 1;
	r->image = kva_alloc(r->image_pages, VM_WRITE, false);
	if (!r->image)
		return -ATXF_ENOMEM;
	return copy_from_user(r->image, r->s.image, size) ? -ATXF_EFAULT : 0;
}

static int setup_child(struct process *p, const struct spawn_req *r)
{
	struct start_args args = { .argc = r->s.argc, .argv = r->argv,
				   .envc = r->s.envc, .envp = r->envp };

	size_t limit = (size_t)r->s.mem_limit_mib << (20 - PAGE_SHIFT);

	/* 0 keeps the spawner's limit (process_create); more cannot be had. */
	if (limit && limit < p->maps.limit)
		p->maps.limit = limit;
	for (uint32_t i = 0; i < r->s.ncaps; i++)
		cap_install(&p->caps, (atxf_handle_t)i, &r->caps[i]);
	p->caps.given = r->s.ncaps;
	return loader_exec(p, r->image, r->s.image_size, &args,
			   r->s.priority ? r->s.priority : PRIO_DEFAULT);
}

static long spawn(struct process *self, const struct spawn_req *r)
{
	struct process *p = process_create(r->name, self);
	uint32_t pid;
	int err;

	if (!p)
		return -ATXF_ENOMEM;
	pid = p->pid;                   /* a zombie stays until we reap it */
	err = setup_child(p, r);
	if (err) {
		process_destroy(p);
		return err;
	}
	return pid;
}

long sys_proc_spawn(const struct syscall_args *args)
{
	struct process *self = process_current();
	struct spawn_req *r;
	long ret;

	if (args->a[1])
		return -ATXF_EINVAL;            /* flags: none defined */
	if (!cap_holds(&self->caps, ATXF_CAP_ROOT))
		return -ATXF_EPERM;
	r = kzalloc(sizeof(*r));
	if (!r)
		return -ATXF_ENOMEM;
	ret = copy_request(r, args->a[0], &self->caps);
	if (!ret)
		ret = copy_image(r);
	if (!ret)
		ret = spawn(self, r);
	if (r->image)
		kva_free(r->image, r->image_pages);
	release_caps(r);
	kfree(r);
	return ret;
}
