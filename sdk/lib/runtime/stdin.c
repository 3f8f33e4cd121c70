/*
 * The program's standard input (<atxf/stdin.h>): the grant that
 * ATXF_STDIN=HANDLE:OFFSET:SIZE names, mapped read-only at the first read
 * and then read front to back. A variable that does not parse, or a grant
 * that does not map or is smaller than it says, is an error on every read
 * (read(0) says EIO), never input made up.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <atxf/cap.h>
#include <atxf/errors.h>
#include <atxf/port.h>
#include <atxf/stdin.h>
#include <atxf/sys.h>

static struct {
	int state;              /* 0 not looked at, 1 ready, -ATXF_E* unusable */
	const char *data;
	uint64_t size, pos;
} in;

/* "H:OFFSET:SIZE", decimal, nothing else. */
static int parse(const char *s, unsigned long long v[3])
{
	for (int i = 0; i < 3; i++) {
		char *end;

		if (*s < '0' || *s > '9')
			return -1;
		v[i] = strtoull(s, &end, 10);
		if (*end != (i < 2 ? ':' : '\0'))
			return -1;
		s = end + 1;
	}
	return 0;
}

static int open_input(void)
{
	const char *env = getenv(ATXF_STDIN_ENV);
	unsigned long long v[3];
	struct atxf_cap_info info;
	const char *base;

	if (env == NULL)
		return 1;               /* no input: at its end at once */
	if (parse(env, v) < 0 || v[0] > INT32_MAX || v[1] + v[2] > ATXF_STDIN_MAX)
		return -ATXF_EINVAL;
	if (atxf_cap_query((atxf_handle_t)v[0], &info) < 0 || info.size < v[1] + v[2])
		return -ATXF_EBADH;
	base = atxf_shm_map((atxf_handle_t)v[0], ATXF_PROT_READ);
	if (base == NULL)
		return -ATXF_EBADH;
	in.data = base + v[1];
	in.size = v[2];
	return 1;
}

long atxf_stdin_read(char *buf, unsigned long len)
{
	uint64_t n;

	if (in.state == 0)
		in.state = open_input();
	if (in.state < 0)
		return in.state;
	n = in.size - in.pos;
	if (n > len)
		n = len;
	memcpy(buf, in.data + in.pos, n);
	in.pos += n;
	return (long)n;
}
