/*
 * system() (C11 7.22.4.8, POSIX): asks init to run the command, a program
 * in the boot archive with its arguments separated by spaces (no shell),
 * and waits for it to end (<atxf/proto/run.h>). The result is POSIX's wait
 * status, so WEXITSTATUS(system(cmd)) (<sys/wait.h>) is its exit status;
 * -1 with errno when it could not start: ENOENT (no such program), EINVAL
 * (an empty command, too many words), E2BIG (longer than a message holds),
 * EAGAIN (init runs too many already), ENOSYS (no name service to ask).
 * system(NULL) is 1 when the process has the name service to ask.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <atxf/errors.h>
#include <atxf/port.h>
#include <atxf/proto/run.h>
#include <atxf/sys.h>

static int has_service(void)
{
	return atxf_start_info()->ncaps > ATXF_HANDLE_NAMESERVICE;
}

static int errno_of(int err)
{
	switch (err) {
	case -ATXF_ENOENT: return ENOENT;
	case -ATXF_EINVAL: return EINVAL;
	case -ATXF_EBUSY: return EAGAIN;
	case -ATXF_ENOMEM: return ENOMEM;
	case -ATXF_ENOEXEC: return ENOEXEC;
	case -ATXF_EBADH: case -ATXF_EPEER: return ENOSYS;
	default: return EIO;
	}
}

int system(const char *command)
{
	struct atxf_msg req, reply;
	struct atxf_run_result res;
	size_t len;
	int err;

	if (!command)
		return has_service();
	len = strlen(command);
	if (len > ATXF_MSG_DATA_MAX) {
		errno = E2BIG;
		return -1;
	}
	atxf_msg_init(&req, ATXF_RUN_START);
	memcpy(req.data, command, len);
	req.len = (uint32_t)len;
	err = has_service() ? atxf_call(ATXF_HANDLE_NAMESERVICE, &req, &reply,
					ATXF_TIMEOUT_FOREVER) : -ATXF_EBADH;
	if (err < 0 || reply.len != sizeof(res)) {
		errno = errno_of(err < 0 ? err : -ATXF_EPROTO);
		return -1;
	}
	memcpy(&res, reply.data, sizeof(res));
	return (res.status & 0xff) << 8;
}
