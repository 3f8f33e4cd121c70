/*
 * The name service's table (<atxf/proto/name.h>): which name maps to which
 * port, whose port it is and who registered it, and which processes are
 * naming authorities. Pure: no system call and no libc, so the server's
 * logic is tested on the host (tests/unit/test_runtime_names.c). 64 fixed
 * slots and a linear search: a system has a few dozen names.
 */
#include <stddef.h>
#include <atxf/errors.h>
#include <atxf/proto/name.h>

/* Printable ASCII without space: a name shows in a log line as it is. */
static int name_char(char c)
{
	return c >= 0x21 && c <= 0x7e;
}

int atxf_name_check(const char *name, size_t len)
{
	if (name == NULL || len == 0 || len > ATXF_NAME_LEN_MAX)
		return -ATXF_EINVAL;
	for (size_t i = 0; i < len; i++)
		if (!name_char(name[i]))
			return -ATXF_EINVAL;
	return 0;
}

int atxf_name_is_instance(const char *name, size_t len)
{
	for (size_t i = 0; name != NULL && i < len; i++)
		if (name[i] == ATXF_NAME_INSTANCE_SEP)
			return 1;
	return 0;
}

static void entry_clear(struct atxf_name_entry *e)
{
	for (size_t i = 0; i < sizeof(e->name); i++)
		e->name[i] = '\0';
	e->port = ATXF_HANDLE_NONE;
	e->owner = 0;
	e->registrar = 0;
}

/* A free slot's name is "", which no valid name (len >= 1) matches. */
static int entry_is(const struct atxf_name_entry *e, const char *name, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (e->name[i] != name[i])
			return 0;
	return e->name[len] == '\0';
}

void atxf_name_table_init(struct atxf_name_table *t)
{
	for (unsigned i = 0; i < ATXF_NAME_TABLE_SIZE; i++)
		entry_clear(&t->entry[i]);
	for (unsigned i = 0; i < ATXF_NAME_AUTHORITIES; i++)
		t->authority[i] = 0;
}

int atxf_name_table_is_authority(const struct atxf_name_table *t, uint32_t pid)
{
	for (unsigned i = 0; pid != 0 && i < ATXF_NAME_AUTHORITIES; i++)
		if (t->authority[i] == pid)
			return 1;
	return 0;
}

int atxf_name_table_trust(struct atxf_name_table *t, uint32_t pid)
{
	if (pid == 0)
		return -ATXF_EINVAL;
	if (atxf_name_table_is_authority(t, pid))
		return 0;
	for (unsigned i = 0; i < ATXF_NAME_AUTHORITIES; i++)
		if (t->authority[i] == 0) {
			t->authority[i] = pid;
			return 0;
		}
	return -ATXF_ENOSPC;
}

void atxf_name_table_distrust(struct atxf_name_table *t, uint32_t pid)
{
	for (unsigned i = 0; i < ATXF_NAME_AUTHORITIES; i++)
		if (t->authority[i] == pid)
			t->authority[i] = 0;
}

struct atxf_name_entry *atxf_name_table_find(struct atxf_name_table *t,
					     const char *name, size_t len)
{
	if (atxf_name_check(name, len) != 0)
		return NULL;
	for (unsigned i = 0; i < ATXF_NAME_TABLE_SIZE; i++)
		if (entry_is(&t->entry[i], name, len))
			return &t->entry[i];
	return NULL;
}

static struct atxf_name_entry *free_entry(struct atxf_name_table *t)
{
	for (unsigned i = 0; i < ATXF_NAME_TABLE_SIZE; i++)
		if (t->entry[i].name[0] == '\0')
			return &t->entry[i];
	return NULL;
}

int atxf_name_table_add(struct atxf_name_table *t, const char *name, size_t len,
			atxf_handle_t port, uint32_t owner)
{
	struct atxf_name_entry *e;

	if (atxf_name_check(name, len) != 0)
		return -ATXF_EINVAL;
	if (port < 0)
		return -ATXF_EBADH;
	if (atxf_name_table_find(t, name, len) != NULL)
		return -ATXF_EEXIST;
	e = free_entry(t);
	if (e == NULL)
		return -ATXF_ENOSPC;
	for (size_t i = 0; i < len; i++)
		e->name[i] = name[i];
	e->name[len] = '\0';
	e->port = port;
	e->owner = owner;
	e->registrar = owner;
	return 0;
}

atxf_handle_t atxf_name_table_remove(struct atxf_name_table *t, const char *name,
				     size_t len, uint32_t who)
{
	struct atxf_name_entry *e;
	atxf_handle_t port;

	if (atxf_name_check(name, len) != 0)
		return -ATXF_EINVAL;
	e = atxf_name_table_find(t, name, len);
	if (e == NULL)
		return -ATXF_ENOENT;
	if (e->owner != who && e->registrar != who)
		return -ATXF_EPERM;
	port = e->port;
	entry_clear(e);
	return port;
}

atxf_handle_t atxf_name_table_evict(struct atxf_name_table *t, uint32_t owner)
{
	for (unsigned i = 0; i < ATXF_NAME_TABLE_SIZE; i++) {
		struct atxf_name_entry *e = &t->entry[i];
		atxf_handle_t port = e->port;

		if (e->name[0] != '\0' && e->owner == owner) {
			entry_clear(e);
			return port;
		}
	}
	return ATXF_HANDLE_NONE;
}
