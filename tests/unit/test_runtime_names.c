/*
 * The name service's pure parts (<atxf/proto/name.h>): which names are
 * valid, the table, and the request handling a server runs, including the
 * handles it must drop so that nothing leaks.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/errors.h>
#include <atxf/port.h>
#include <atxf/proto/name.h>

/* ---- names */

struct name_case {
	const char *why;
	const char *name;
	size_t len;                 /* 0: strlen(name) */
	int valid;
};

static const struct name_case name_cases[] = {
	{ "a short name", "kbd0", 0, 1 },
	{ "punctuation", "net/eth0:1", 0, 1 },
	{ "one character", "x", 0, 1 },
	{ "a USB function's instance", "usb-storage.00-04.0/usb1-2.3.1-1.0", 0, 1 },
	{ "63 characters, the longest",
	  "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_", 0, 1 },
	{ "64 characters",
	  "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_-", 0, 0 },
	{ "empty", "", 0, 0 },
	{ "a space", "com 1", 0, 0 },
	{ "a tab", "com\t1", 0, 0 },
	{ "a newline", "kbd\n", 0, 0 },
	{ "DEL", "kbd\x7f", 0, 0 },
	{ "a byte above 0x7f", "k\xc3\xa9", 0, 0 },
	{ "a NUL inside", "ab\0cd", 5, 0 },
};

static void name_rules(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(name_cases) / sizeof(name_cases[0]); i++) {
		const struct name_case *c = &name_cases[i];
		size_t len = c->len ? c->len : strlen(c->name);
		int got = atxf_name_check(c->name, len) == 0;

		printf("%s %s\n", got == c->valid ? "OK  " : "FAIL", c->why);
		assert_int_equal(got, c->valid);
	}
	assert_int_equal(atxf_name_check(NULL, 3), -ATXF_EINVAL);
}

/* ---- the table */

static void add_find_remove(void **state)
{
	struct atxf_name_table t;
	struct atxf_name_entry *e;

	(void)state;
	atxf_name_table_init(&t);
	assert_null(atxf_name_table_find(&t, "kbd0", 4));
	assert_int_equal(atxf_name_table_add(&t, "kbd0", 4, 7, 100), 0);
	assert_int_equal(atxf_name_table_add(&t, "kbd", 3, 8, 100), 0);
	e = atxf_name_table_find(&t, "kbd0", 4);
	assert_non_null(e);
	assert_int_equal(e->port, 7);
	assert_int_equal(e->owner, 100);
	assert_string_equal(e->name, "kbd0");
	/* A prefix is another name. */
	assert_int_equal(atxf_name_table_find(&t, "kbd", 3)->port, 8);
	assert_null(atxf_name_table_find(&t, "kb", 2));
	assert_int_equal(atxf_name_table_remove(&t, "kbd0", 4, 101), -ATXF_EPERM);
	assert_int_equal(atxf_name_table_remove(&t, "kbd0", 4, 100), 7);
	assert_int_equal(atxf_name_table_remove(&t, "kbd0", 4, 100), -ATXF_ENOENT);
	assert_null(atxf_name_table_find(&t, "kbd0", 4));
	assert_int_equal(atxf_name_table_remove(&t, "", 0, 100), -ATXF_EINVAL);
}

static void add_refuses(void **state)
{
	struct atxf_name_table t;

	(void)state;
	atxf_name_table_init(&t);
	assert_int_equal(atxf_name_table_add(&t, "com 1", 5, 3, 1), -ATXF_EINVAL);
	assert_int_equal(atxf_name_table_add(&t, "", 0, 3, 1), -ATXF_EINVAL);
	assert_int_equal(atxf_name_table_add(&t, "com1", 4, -1, 1), -ATXF_EBADH);
	assert_int_equal(atxf_name_table_add(&t, "com1", 4, 3, 1), 0);
	assert_int_equal(atxf_name_table_add(&t, "com1", 4, 4, 2), -ATXF_EEXIST);
	assert_int_equal(atxf_name_table_find(&t, "com1", 4)->port, 3);
}

static void full_table(void **state)
{
	struct atxf_name_table t;
	char name[16];

	(void)state;
	atxf_name_table_init(&t);
	for (int i = 0; i < ATXF_NAME_TABLE_SIZE; i++) {
		snprintf(name, sizeof(name), "n%d", i);
		assert_int_equal(atxf_name_table_add(&t, name, strlen(name), i, 1), 0);
	}
	assert_int_equal(atxf_name_table_add(&t, "more", 4, 1, 1), -ATXF_ENOSPC);
	/* Freeing one slot makes room again. */
	assert_int_equal(atxf_name_table_remove(&t, "n5", 2, 1), 5);
	assert_int_equal(atxf_name_table_add(&t, "more", 4, 99, 1), 0);
	assert_int_equal(atxf_name_table_find(&t, "more", 4)->port, 99);
}

static void evict_owner(void **state)
{
	struct atxf_name_table t;
	int seen = 0;
	atxf_handle_t h;

	(void)state;
	atxf_name_table_init(&t);
	atxf_name_table_add(&t, "a", 1, 10, 5);
	atxf_name_table_add(&t, "b", 1, 11, 6);
	atxf_name_table_add(&t, "c", 1, 12, 5);
	while ((h = atxf_name_table_evict(&t, 5)) >= 0)
		seen |= 1 << (h - 10);
	assert_int_equal(seen, 0x5);
	assert_null(atxf_name_table_find(&t, "a", 1));
	assert_non_null(atxf_name_table_find(&t, "b", 1));
	assert_int_equal(atxf_name_table_evict(&t, 5), ATXF_HANDLE_NONE);
}

static void authorities(void **state)
{
	struct atxf_name_table t;

	(void)state;
	atxf_name_table_init(&t);
	assert_false(atxf_name_table_is_authority(&t, 2));
	assert_false(atxf_name_table_is_authority(&t, 0));     /* free slots are 0 */
	assert_int_equal(atxf_name_table_trust(&t, 0), -ATXF_EINVAL);
	for (uint32_t pid = 2; pid < 2 + ATXF_NAME_AUTHORITIES; pid++)
		assert_int_equal(atxf_name_table_trust(&t, pid), 0);
	assert_int_equal(atxf_name_table_trust(&t, 2), 0);     /* already */
	assert_int_equal(atxf_name_table_trust(&t, 99), -ATXF_ENOSPC);
	assert_true(atxf_name_table_is_authority(&t, 3));
	atxf_name_table_distrust(&t, 3);
	assert_false(atxf_name_table_is_authority(&t, 3));
	assert_int_equal(atxf_name_table_trust(&t, 99), 0);
	assert_true(atxf_name_table_is_authority(&t, 99));
}

static void instance_names(void **state)
{
	(void)state;
	assert_true(atxf_name_is_instance("uart16550.com1", 14));
	assert_true(atxf_name_is_instance("virtio-rng.00-04.0", 18));
	assert_false(atxf_name_is_instance("com2", 4));
	assert_false(atxf_name_is_instance("ps2-keyboard0", 13));
	/* Only the bytes of the name count. */
	assert_false(atxf_name_is_instance("com2.x", 4));
}

/* ---- serving requests */

static struct atxf_msg request(uint32_t type, const char *name, uint32_t sender)
{
	struct atxf_msg m;

	atxf_msg_init(&m, type);
	atxf_msg_put(&m, name, strlen(name));
	m.sender = sender;
	return m;
}

static int serve(struct atxf_name_table *t, const struct atxf_msg *req,
		 struct atxf_msg *reply, atxf_handle_t drop[ATXF_NAME_DROPS],
		 int (*alive)(atxf_handle_t))
{
	int status = atxf_name_serve(t, req, reply, drop, alive);

	assert_int_equal((int)reply->type, status);
	return status;
}

static void assert_drops(const atxf_handle_t drop[ATXF_NAME_DROPS], atxf_handle_t a,
			 atxf_handle_t b)
{
	assert_int_equal(drop[0], a);
	assert_int_equal(drop[1], b);
	for (int i = 2; i < ATXF_NAME_DROPS; i++)
		assert_int_equal(drop[i], ATXF_HANDLE_NONE);
}

static void serve_register_lookup_unregister(void **state)
{
	struct atxf_name_table t;
	struct atxf_msg req, reply;
	atxf_handle_t drop[ATXF_NAME_DROPS];

	(void)state;
	atxf_name_table_init(&t);
	req = request(ATXF_NAME_LOOKUP, "uart0", 9);
	assert_int_equal(serve(&t, &req, &reply, drop, NULL), -ATXF_ENOENT);

	req = request(ATXF_NAME_REGISTER, "uart0", 42);
	atxf_msg_put_cap(&req, 20);
	assert_int_equal(serve(&t, &req, &reply, drop, NULL), 0);
	assert_drops(drop, ATXF_HANDLE_NONE, ATXF_HANDLE_NONE);     /* kept */

	req = request(ATXF_NAME_LOOKUP, "uart0", 9);
	assert_int_equal(serve(&t, &req, &reply, drop, NULL), 0);
	assert_int_equal(reply.ncaps, 1);
	assert_int_equal(reply.caps[0], 20);
	assert_drops(drop, ATXF_HANDLE_NONE, ATXF_HANDLE_NONE);

	req = request(ATXF_NAME_UNREGISTER, "uart0", 9);
	assert_int_equal(serve(&t, &req, &reply, drop, NULL), -ATXF_EPERM);
	req.sender = 42;
	assert_int_equal(serve(&t, &req, &reply, drop, NULL), 0);
	assert_drops(drop, 20, ATXF_HANDLE_NONE);
	req = request(ATXF_NAME_LOOKUP, "uart0", 9);
	assert_int_equal(serve(&t, &req, &reply, drop, NULL), -ATXF_ENOENT);
}

static int dead_port;
static int alive_unless_dead(atxf_handle_t port)
{
	return port != dead_port;
}

static void serve_duplicate_live_and_dead(void **state)
{
	struct atxf_name_table t;
	struct atxf_msg req, reply;
	atxf_handle_t drop[ATXF_NAME_DROPS];

	(void)state;
	atxf_name_table_init(&t);
	req = request(ATXF_NAME_REGISTER, "blk0", 50);
	atxf_msg_put_cap(&req, 30);
	assert_int_equal(serve(&t, &req, &reply, drop, alive_unless_dead), 0);

	/* A second driver while the first is alive: refused, its cap dropped. */
	dead_port = -1;
	req = request(ATXF_NAME_REGISTER, "blk0", 51);
	atxf_msg_put_cap(&req, 31);
	assert_int_equal(serve(&t, &req, &reply, drop, alive_unless_dead), -ATXF_EEXIST);
	assert_drops(drop, 31, ATXF_HANDLE_NONE);

	/* The first died; its restart takes the name over. */
	dead_port = 30;
	req = request(ATXF_NAME_REGISTER, "blk0", 52);
	atxf_msg_put_cap(&req, 32);
	assert_int_equal(serve(&t, &req, &reply, drop, alive_unless_dead), 0);
	assert_drops(drop, 30, ATXF_HANDLE_NONE);
	assert_int_equal(atxf_name_table_find(&t, "blk0", 4)->port, 32);
	assert_int_equal(atxf_name_table_find(&t, "blk0", 4)->owner, 52);
}

/* A lookup never hands out a dead port: the name is missing until its
 * owner's successor registers it, and the dead entry is dropped. */
static void serve_lookup_of_a_dead_port(void **state)
{
	struct atxf_name_table t;
	struct atxf_msg req, reply;
	atxf_handle_t drop[ATXF_NAME_DROPS];

	(void)state;
	atxf_name_table_init(&t);
	req = request(ATXF_NAME_REGISTER, "blk0", 50);
	atxf_msg_put_cap(&req, 30);
	assert_int_equal(serve(&t, &req, &reply, drop, alive_unless_dead), 0);

	dead_port = 30;
	req = request(ATXF_NAME_LOOKUP, "blk0", 9);
	assert_int_equal(serve(&t, &req, &reply, drop, alive_unless_dead), -ATXF_ENOENT);
	assert_int_equal(reply.ncaps, 0);
	assert_drops(drop, 30, ATXF_HANDLE_NONE);
	assert_null(atxf_name_table_find(&t, "blk0", 4));
	/* Asked again: simply missing, nothing more to drop. */
	assert_int_equal(serve(&t, &req, &reply, drop, alive_unless_dead), -ATXF_ENOENT);
	assert_drops(drop, ATXF_HANDLE_NONE, ATXF_HANDLE_NONE);
	dead_port = -1;
}

#define DEVMGR 2                /* the naming authority's pid */

/* REGISTER_FOR: data = u32 owner pid, then the name; caps[0] the port. */
static struct atxf_msg register_for(const char *name, uint32_t owner, uint32_t sender,
				    atxf_handle_t port)
{
	struct atxf_msg m;

	atxf_msg_init(&m, ATXF_NAME_REGISTER_FOR);
	atxf_msg_put(&m, &owner, sizeof(owner));
	atxf_msg_put(&m, name, strlen(name));
	atxf_msg_put_cap(&m, port);
	m.sender = sender;
	return m;
}

/* devmgr publishes a driver's instance name for it; the driver owns it. */
static void serve_register_for(void **state)
{
	struct atxf_name_table t;
	struct atxf_msg req, reply;
	atxf_handle_t drop[ATXF_NAME_DROPS];
	const struct atxf_name_entry *e;

	(void)state;
	atxf_name_table_init(&t);
	atxf_name_table_trust(&t, DEVMGR);
	req = register_for("uart16550.com1", 40, DEVMGR, 21);
	assert_int_equal(serve(&t, &req, &reply, drop, NULL), 0);
	assert_drops(drop, ATXF_HANDLE_NONE, ATXF_HANDLE_NONE);     /* kept */
	e = atxf_name_table_find(&t, "uart16550.com1", 14);
	assert_non_null(e);
	assert_int_equal(e->port, 21);
	assert_int_equal(e->owner, 40);
	assert_int_equal(e->registrar, DEVMGR);
	req = request(ATXF_NAME_LOOKUP, "uart16550.com1", 9);
	assert_int_equal(serve(&t, &req, &reply, drop, NULL), 0);
	assert_int_equal(reply.caps[0], 21);

	/* From a process that is no authority: refused, its cap dropped. */
	req = register_for("ps2-keyboard.i8042", 9, 9, 22);
	assert_int_equal(serve(&t, &req, &reply, drop, NULL), -ATXF_EPERM);
	assert_drops(drop, 22, ATXF_HANDLE_NONE);
	assert_null(atxf_name_table_find(&t, "ps2-keyboard.i8042", 18));
	/* Only instance names, and a pid and a valid name in the data. */
	req = register_for("devmgr", 40, DEVMGR, 23);
	assert_int_equal(serve(&t, &req, &reply, drop, NULL), -ATXF_EINVAL);
	req = register_for("x.y", 0, DEVMGR, 23);
	assert_int_equal(serve(&t, &req, &reply, drop, NULL), -ATXF_EINVAL);
	req = register_for("a b.c", 40, DEVMGR, 23);
	assert_int_equal(serve(&t, &req, &reply, drop, NULL), -ATXF_EINVAL);
	req = register_for("", 40, DEVMGR, 23);
	assert_int_equal(serve(&t, &req, &reply, drop, NULL), -ATXF_EINVAL);
	req = register_for("x.y", 40, DEVMGR, 23);
	req.ncaps = 0;
	assert_int_equal(serve(&t, &req, &reply, drop, NULL), -ATXF_EPROTO);
}

/* A plain REGISTER of an instance name is refused, whoever asks, whether
 * the name is free, held, or held by a dead port (a restarting driver). */
static void serve_instance_names_only_for(void **state)
{
	static const uint32_t who[] = { 9, 40, DEVMGR };
	struct atxf_name_table t;
	struct atxf_msg req, reply;
	atxf_handle_t drop[ATXF_NAME_DROPS];

	(void)state;
	atxf_name_table_init(&t);
	atxf_name_table_trust(&t, DEVMGR);
	for (unsigned i = 0; i < 3; i++) {
		req = request(ATXF_NAME_REGISTER, "uart16550.com1", who[i]);
		atxf_msg_put_cap(&req, 30 + (int)i);
		assert_int_equal(serve(&t, &req, &reply, drop, NULL), -ATXF_EPERM);
		assert_drops(drop, 30 + (int)i, ATXF_HANDLE_NONE);
	}
	req = register_for("uart16550.com1", 40, DEVMGR, 21);
	assert_int_equal(serve(&t, &req, &reply, drop, alive_unless_dead), 0);
	dead_port = 21;                 /* the driver crashed */
	req = request(ATXF_NAME_REGISTER, "uart16550.com1", 9);
	atxf_msg_put_cap(&req, 33);
	assert_int_equal(serve(&t, &req, &reply, drop, alive_unless_dead), -ATXF_EPERM);
	assert_int_equal(atxf_name_table_find(&t, "uart16550.com1", 14)->owner, 40);
	/* Its next generation: devmgr registers it again, over the dead port. */
	req = register_for("uart16550.com1", 41, DEVMGR, 24);
	assert_int_equal(serve(&t, &req, &reply, drop, alive_unless_dead), 0);
	assert_drops(drop, 21, ATXF_HANDLE_NONE);
	assert_int_equal(atxf_name_table_find(&t, "uart16550.com1", 14)->owner, 41);
	dead_port = -1;
	/* A name without a dot is anyone's, as before. */
	req = request(ATXF_NAME_REGISTER, "com2", 9);
	atxf_msg_put_cap(&req, 34);
	assert_int_equal(serve(&t, &req, &reply, drop, NULL), 0);
}

/* Who may drop a name: its owner, and whoever registered it for the owner. */
static void serve_unregister_rules(void **state)
{
	struct atxf_name_table t;
	struct atxf_msg req, reply;
	atxf_handle_t drop[ATXF_NAME_DROPS];

	(void)state;
	atxf_name_table_init(&t);
	atxf_name_table_trust(&t, DEVMGR);
	req = register_for("uart16550.com1", 40, DEVMGR, 21);
	assert_int_equal(serve(&t, &req, &reply, drop, NULL), 0);
	req = register_for("ps2-keyboard.i8042", 41, DEVMGR, 22);
	assert_int_equal(serve(&t, &req, &reply, drop, NULL), 0);

	req = request(ATXF_NAME_UNREGISTER, "uart16550.com1", 9);
	assert_int_equal(serve(&t, &req, &reply, drop, NULL), -ATXF_EPERM);
	req.sender = 41;                /* another driver */
	assert_int_equal(serve(&t, &req, &reply, drop, NULL), -ATXF_EPERM);
	req.sender = 40;                /* its owner */
	assert_int_equal(serve(&t, &req, &reply, drop, NULL), 0);
	assert_drops(drop, 21, ATXF_HANDLE_NONE);
	req = request(ATXF_NAME_UNREGISTER, "ps2-keyboard.i8042", DEVMGR);
	assert_int_equal(serve(&t, &req, &reply, drop, NULL), 0);     /* its registrar */
	assert_drops(drop, 22, ATXF_HANDLE_NONE);
	assert_null(atxf_name_table_find(&t, "ps2-keyboard.i8042", 18));
}

static void serve_refuses_malformed(void **state)
{
	struct atxf_name_table t;
	struct atxf_msg req, reply;
	atxf_handle_t drop[ATXF_NAME_DROPS];

	(void)state;
	atxf_name_table_init(&t);
	/* REGISTER without a port, or with two. */
	req = request(ATXF_NAME_REGISTER, "x", 1);
	assert_int_equal(serve(&t, &req, &reply, drop, NULL), -ATXF_EPROTO);
	atxf_msg_put_cap(&req, 5);
	atxf_msg_put_cap(&req, 6);
	assert_int_equal(serve(&t, &req, &reply, drop, NULL), -ATXF_EPROTO);
	assert_drops(drop, 5, 6);
	/* LOOKUP carrying caps: refused, and they are not leaked. */
	req = request(ATXF_NAME_LOOKUP, "x", 1);
	atxf_msg_put_cap(&req, 7);
	assert_int_equal(serve(&t, &req, &reply, drop, NULL), -ATXF_EPROTO);
	assert_drops(drop, 7, ATXF_HANDLE_NONE);
	/* A bad name, a lying length, an unknown request. */
	req = request(ATXF_NAME_LOOKUP, "a b", 1);
	assert_int_equal(serve(&t, &req, &reply, drop, NULL), -ATXF_EINVAL);
	req = request(ATXF_NAME_LOOKUP, "x", 1);
	req.len = 1000;
	assert_int_equal(serve(&t, &req, &reply, drop, NULL), -ATXF_EINVAL);
	req = request(ATXF_REQUEST(ATXF_PROTO_NAME, 77), "x", 1);
	assert_int_equal(serve(&t, &req, &reply, drop, NULL), -ATXF_ENOSYS);
	/* A kernel-reported ncaps beyond the array is clamped, never overrun. */
	req = request(ATXF_NAME_LOOKUP, "x", 1);
	req.ncaps = 1000;
	req.caps[0] = 1; req.caps[1] = 2; req.caps[2] = 3; req.caps[3] = 4;
	assert_int_equal(serve(&t, &req, &reply, drop, NULL), -ATXF_EPROTO);
	assert_int_equal(drop[3], 4);
	assert_int_equal(drop[4], ATXF_HANDLE_NONE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(name_rules),
		cmocka_unit_test(add_find_remove),
		cmocka_unit_test(add_refuses),
		cmocka_unit_test(full_table),
		cmocka_unit_test(evict_owner),
		cmocka_unit_test(authorities),
		cmocka_unit_test(instance_names),
		cmocka_unit_test(serve_register_lookup_unregister),
		cmocka_unit_test(serve_duplicate_live_and_dead),
		cmocka_unit_test(serve_lookup_of_a_dead_port),
		cmocka_unit_test(serve_register_for),
		cmocka_unit_test(serve_instance_names_only_for),
		cmocka_unit_test(serve_unregister_rules),
		cmocka_unit_test(serve_refuses_malformed),
	};

	return cmocka_run_group_tests_name("runtime: name table and server", tests, NULL, NULL);
}
