/*
 * The name service's request handling (<atxf/proto/name.h>): decodes one
 * request, applies it to the table and fills the reply. Pure, like the
 * table: the server around it only receives, replies and drops handles.
 */
#include <stddef.h>
#include <atxf/errors.h>
#include <atxf/port.h>
#include <atxf/proto/name.h>

/* A registration being served: the name, whose port, and who asks. */
struct claim {
	const char *name;
	size_t len;
	atxf_handle_t port;
	uint32_t owner;
	uint32_t registrar;
};

/* Adds c's name; a dead owner's entry is taken over (its successor
 * registers again), and *old gets its port to drop. */
static int claim(struct atxf_name_table *t, const struct claim *c, atxf_handle_t *old,
		 int (*port_alive)(atxf_handle_t))
{
	struct atxf_name_entry *e;
	int err = atxf_name_table_add(t, c->name, c->len, c->port, c->owner);

	if (err == 0)
		atxf_name_table_find(t, c->name, c->len)->registrar = c->registrar;
	if (err != -ATXF_EEXIST)
		return err;
	e = atxf_name_table_find(t, c->name, c->len);
	if (port_alive == NULL || port_alive(e->port))
		return -ATXF_EEXIST;
	*old = e->port;
	e->port = c->port;
	e->owner = c->owner;
	e->registrar = c->registrar;
	return 0;
}

static int do_register(struct atxf_name_table *t, const struct atxf_msg *req,
		       atxf_handle_t *old, int (*port_alive)(atxf_handle_t))
{
	struct claim c = { (const char *)req->data, req->len, ATXF_HANDLE_NONE,
			   req->sender, req->sender };

	if (req->ncaps != 1)
		return -ATXF_EPROTO;
	if (atxf_name_check(c.name, c.len) != 0)
		return -ATXF_EINVAL;
	/* DRIVER.DEVICE is devmgr's to give (REGISTER_FOR): refused even when
	 * free or dead, which is when an impostor would try. */
	if (atxf_name_is_instance(c.name, c.len))
		return -ATXF_EPERM;
	c.port = req->caps[0];
	return claim(t, &c, old, port_alive);
}

/* REGISTER_FOR: an authority publishes an instance name for its owner. */
static int do_register_for(struct atxf_name_table *t, const struct atxf_msg *req,
			   atxf_handle_t *old, int (*port_alive)(atxf_handle_t))
{
	struct claim c = { (const char *)req->data + ATXF_NAME_FOR_HEADER, 0,
			   ATXF_HANDLE_NONE, 0, req->sender };

	if (req->ncaps != 1)
		return -ATXF_EPROTO;
	if (req->len <= ATXF_NAME_FOR_HEADER || req->len > ATXF_MSG_DATA_MAX)
		return -ATXF_EINVAL;
	c.len = req->len - ATXF_NAME_FOR_HEADER;
	c.port = req->caps[0];
	atxf_msg_get(req, 0, &c.owner, sizeof(c.owner));
	if (atxf_name_check(c.name, c.len) != 0 || c.owner == 0)
		return -ATXF_EINVAL;
	if (!atxf_name_table_is_authority(t, req->sender))
		return -ATXF_EPERM;
	if (!atxf_name_is_instance(c.name, c.len))
		return -ATXF_EINVAL;
	return claim(t, &c, old, port_alive);
}

/* LOOKUP: a name whose port died is missing, so a client waits for its
 * next owner (a restarting driver) rather than call a dead port; the entry
 * goes, and *old gets its port to drop. */
static int do_lookup(struct atxf_name_table *t, const struct atxf_msg *req,
		     struct atxf_msg *reply, atxf_handle_t *old,
		     int (*port_alive)(atxf_handle_t))
{
	const char *name = (const char *)req->data;
	struct atxf_name_entry *e;

	if (req->ncaps != 0)
		return -ATXF_EPROTO;
	if (atxf_name_check(name, req->len) != 0)
		return -ATXF_EINVAL;
	e = atxf_name_table_find(t, name, req->len);
	if (e == NULL)
		return -ATXF_ENOENT;
	if (port_alive != NULL && !port_alive(e->port)) {
		*old = atxf_name_table_remove(t, name, req->len, e->owner);
		return -ATXF_ENOENT;
	}
	return atxf_msg_put_cap(reply, e->port);
}

static int do_unregister(struct atxf_name_table *t, const struct atxf_msg *req,
			 atxf_handle_t *old)
{
	atxf_handle_t port;

	if (req->ncaps != 0)
		return -ATXF_EPROTO;
	port = atxf_name_table_remove(t, (const char *)req->data, req->len, req->sender);
	if (port < 0)
		return port;
	*old = port;
	return 0;
}

static int dispatch(struct atxf_name_table *t, const struct atxf_msg *req,
		    struct atxf_msg *reply, atxf_handle_t *old,
		    int (*port_alive)(atxf_handle_t))
{
	switch (req->type) {
	case ATXF_NAME_REGISTER:
		return do_register(t, req, old, port_alive);
	case ATXF_NAME_LOOKUP:
		return do_lookup(t, req, reply, old, port_alive);
	case ATXF_NAME_UNREGISTER:
		return do_unregister(t, req, old);
	case ATXF_NAME_REGISTER_FOR:
		return do_register_for(t, req, old, port_alive);
	default:
		return -ATXF_ENOSYS;
	}
}

int atxf_name_serve(struct atxf_name_table *t, const struct atxf_msg *req,
		    struct atxf_msg *reply, atxf_handle_t drop[ATXF_NAME_DROPS],
		    int (*port_alive)(atxf_handle_t port))
{
	atxf_handle_t old = ATXF_HANDLE_NONE;
	unsigned ncaps = req->ncaps < ATXF_MSG_CAPS_MAX ? req->ncaps : ATXF_MSG_CAPS_MAX;
	unsigned n = 0;
	int status, kept;

	for (unsigned i = 0; i < ATXF_NAME_DROPS; i++)
		drop[i] = ATXF_HANDLE_NONE;
	atxf_msg_init(reply, 0);
	status = dispatch(t, req, reply, &old, port_alive);
	/* Only a successful registration keeps what it received: caps[0]. */
	kept = status == 0 && (req->type == ATXF_NAME_REGISTER ||
			       req->type == ATXF_NAME_REGISTER_FOR) ? 0 : -1;
	for (unsigned i = 0; i < ncaps; i++)
		if ((int)i != kept && req->caps[i] >= 0)
			drop[n++] = req->caps[i];
	if (old >= 0)
		drop[n++] = old;
	reply->type = (uint32_t)status;
	return status;
}
