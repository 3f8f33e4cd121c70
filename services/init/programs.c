/* Starting programs from the boot archive, and the table of children. */
#include <string.h>
#include <atxf/sys.h>
#include <atxf/ustar.h>
#include "programs.h"

struct child {
	uint32_t pid;                   /* 0: free slot */
	char name[ATXF_USTAR_NAME_MAX + 1];
};

static struct child children[INIT_CHILDREN_MAX];

/* The environment so far: copies of env lines' words. */
static char env_text[ATXF_SPAWN_MAX_ENV][BOOTCFG_LINE_MAX + 1];
static const char *env[ATXF_SPAWN_MAX_ENV];
static unsigned env_count;

int program_setenv(const char *entry)
{
	size_t name = strcspn(entry, "=");
	unsigned i = 0;

	while (i < env_count && (strncmp(env[i], entry, name) || env[i][name] != '='))
		i++;
	if (i == ATXF_SPAWN_MAX_ENV)
		return -ATXF_ENOSPC;
	strncpy(env_text[i], entry, BOOTCFG_LINE_MAX);
	env[i] = env_text[i];
	if (i == env_count)
		env_count++;
	return 0;
}

/*
 * The start info carries bootfs and bootfs_size (<atxf/proc.h>). A libatxf
 * that does not copy them into atxf_start_info() still leaves the kernel's
 * record where docs/syscalls.md §2 puts it: right below argv, with argv
 * pointing back at argv. Both ways are checked.
 */
int archive_find(struct archive *a)
{
	const struct atxf_start_info *si = atxf_start_info();

	a->data = (const void *)(uintptr_t)si->bootfs;
	a->size = si->bootfs_size;
	return a->data != NULL && a->size != 0;
}

const char *archive_member(const struct archive *a, const char *name, uint64_t *size)
{
	struct atxf_ustar_entry e;

	if (atxf_ustar_find(a->data, a->size, name, &e) != 1)
		return NULL;
	*size = e.size;
	return (const char *)e.data;
}

static void remember(uint32_t pid, const char *name)
{
	for (int i = 0; i < INIT_CHILDREN_MAX; i++) {
		if (!children[i].pid) {
			children[i].pid = pid;
			strncpy(children[i].name, name, sizeof(children[i].name) - 1);
			return;
		}
	}
}

long program_start(const struct archive *a, const struct bootcfg_directive *d,
		   const atxf_handle_t *caps, unsigned ncaps, uint32_t mem_mib,
		   const char *extra_env)
{
	const char *envp[ATXF_SPAWN_MAX_ENV];
	unsigned envc = 0;
	struct atxf_spawn s;
	uint64_t size;
	const char *image = archive_member(a, d->argv[0], &size);
	long pid;

	if (!image)
		return -ATXF_ENOENT;
	memset(&s, 0, sizeof(s));
	s.image = (uint64_t)(uintptr_t)image;
	s.image_size = size;
	s.name = (uint64_t)(uintptr_t)d->argv[0];
	s.argc = d->argc;
	s.argv = (uint64_t)(uintptr_t)d->argv;
	/* extra_env goes first, so an env line cannot replace it. */
	if (extra_env)
		envp[envc++] = extra_env;
	for (unsigned i = 0; i < env_count && envc < ATXF_SPAWN_MAX_ENV; i++)
		envp[envc++] = env[i];
	s.envc = envc;
	s.envp = (uint64_t)(uintptr_t)envp;
	if (ncaps > ATXF_SPAWN_MAX_CAPS)
		return -ATXF_EINVAL;
	s.ncaps = ncaps;
	s.mem_limit_mib = mem_mib;
	for (unsigned i = 0; i < ncaps; i++)
		s.caps[i] = caps[i];
	pid = atxf_proc_spawn(&s);
	if (pid > 0)
		remember((uint32_t)pid, d->argv[0]);
	return pid;
}

const char *program_forget(uint32_t pid, char *buf, unsigned size)
{
	for (int i = 0; i < INIT_CHILDREN_MAX; i++) {
		if (children[i].pid == pid) {
			strncpy(buf, children[i].name, size - 1);
			buf[size - 1] = '\0';
			children[i].pid = 0;
			return buf;
		}
	}
	return "?";
}
