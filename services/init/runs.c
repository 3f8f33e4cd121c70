/*
 * init's run service (runs.h, <atxf/proto/run.h>): each START is split into
 * words like a boot.cfg start line (bootcfg_command), spawned from the archive with only the
 * name service, and remembered with the caller's reply token until init
 * reaps the program; then the caller gets its exit status.
 */
#include <string.h>
#include <atxf/errors.h>
#include <atxf/log.h>
#include <atxf/port.h>
#include <atxf/proto/run.h>
#include <atxf/sys.h>
#include "bootcfg.h"
#include "names.h"
#include "runs.h"

struct pending {
	uint32_t pid;           /* 0: free */
	uint64_t token;         /* the caller's reply token */
};

static struct archive fs;
static struct pending pending[ATXF_RUN_PENDING_MAX];
static unsigned started;        /* since runs_take_started() */

unsigned runs_take_started(void)
{
	unsigned n = started;

	started = 0;
	return n;
}

void runs_init(const struct archive *a)
{
	fs = *a;
}

static void answer(uint64_t token, int status, const struct atxf_run_result *res)
{
	struct atxf_msg req = { .reply = token }, reply;

	atxf_msg_init(&reply, (uint32_t)status);
	if (res) {
		memcpy(reply.data, res, sizeof(*res));
		reply.len = sizeof(*res);
	}
	atxf_reply(&req, &reply);       /* -ATXF_ENOENT: the caller stopped waiting */
}

static struct pending *free_slot(void)
{
	for (int i = 0; i < ATXF_RUN_PENDING_MAX; i++)
		if (!pending[i].pid)
			return &pending[i];
	return NULL;
}

static long start(const struct atxf_msg *req, struct bootcfg_directive *d)
{
	atxf_handle_t caps[] = { ATXF_HANDLE_NONE, names_client_handle() };
	size_t len = req->len < ATXF_MSG_DATA_MAX ? req->len : ATXF_MSG_DATA_MAX;

	if (bootcfg_command((const char *)req->data, len, d) != BOOTCFG_DIRECTIVE) {
		atxf_log("init: run for pid %u: %s\n", (unsigned)req->sender, d->error);
		return -ATXF_EINVAL;
	}
	if (!fs.data)
		return -ATXF_ENOENT;
	return program_start(&fs, d, caps, 2, 0, NULL); /* 0: init's own memory limit */
}

void runs_serve(const struct atxf_msg *req)
{
	static struct bootcfg_directive d;      /* big: not on init's stack */
	struct pending *slot = free_slot();
	long pid;

	pid = slot ? start(req, &d) : -ATXF_EBUSY;
	if (pid < 0) {
		atxf_log("init: run for pid %u refused: %s\n", (unsigned)req->sender,
			 atxf_strerror((int)pid));
		if (req->reply)
			answer(req->reply, (int)pid, NULL);
		return;
	}
	atxf_log("init: started %s pid %ld for pid %u\n", d.argv[0], pid, (unsigned)req->sender);
	started++;
	/* A plain send wants no answer: the program runs on its own. */
	if (req->reply)
		*slot = (struct pending){ .pid = (uint32_t)pid, .token = req->reply };
}

void runs_ended(uint32_t pid, int status)
{
	for (int i = 0; i < ATXF_RUN_PENDING_MAX; i++) {
		if (pending[i].pid == pid) {
			struct atxf_run_result res = { .pid = pid, .status = status };

			answer(pending[i].token, 0, &res);
			pending[i].pid = 0;
			return;
		}
	}
}
