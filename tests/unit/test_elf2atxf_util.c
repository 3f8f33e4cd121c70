/*
 * Helpers for the elf2atxf and atxfdump tests (see test_elf2atxf_util.h).
 * Failures here fail the calling test through cmocka, with the path and
 * errno, so a broken environment reads differently from a broken tool.
 */
#define _GNU_SOURCE     /* vasprintf */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <cmocka.h>
#include "test_elf2atxf_util.h"

char *strf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0)
		fail_msg("out of memory");
	return s;
}

char *tool_path(const char *tool)
{
	return strf("%s/%s", ATXF_TEST_BIN_DIR, tool);
}

char *fixture_path(const char *name)
{
	return strf("%s/%s", ATXF_TEST_FIXTURE_DIR, name);
}

char *fixture_source(const char *name)
{
	return strf("%s/%s", ATXF_TEST_SOURCE_DIR, name);
}

/* A growable NUL-terminated buffer for one output stream. */
struct stream {
	int fd;
	char *buf;
	size_t len;
};

/* Reads what is available; returns 0 at end of stream. */
static int drain(struct stream *s)
{
	char chunk[4096];
	ssize_t n = read(s->fd, chunk, sizeof(chunk));

	if (n < 0 && errno == EINTR)
		return 1;
	if (n <= 0)
		return 0;
	s->buf = realloc(s->buf, s->len + (size_t)n + 1);
	assert_non_null(s->buf);
	memcpy(s->buf + s->len, chunk, (size_t)n);
	s->len += (size_t)n;
	s->buf[s->len] = '\0';
	return 1;
}

/* Both streams are read together so a chatty tool can never block on a full pipe. */
static void collect(struct stream *out, struct stream *err)
{
	struct pollfd pf[2] = { { .fd = out->fd, .events = POLLIN }, { .fd = err->fd, .events = POLLIN } };
	struct stream *s[2] = { out, err };
	int open_count = 2, i;

	while (open_count > 0) {
		if (poll(pf, 2, -1) < 0) {
			assert_int_equal(errno, EINTR);
			continue;
		}
		for (i = 0; i < 2; i++) {
			if (pf[i].fd < 0 || !pf[i].revents)
				continue;
			if (!drain(s[i])) {
				close(pf[i].fd);
				pf[i].fd = -1;
				open_count--;
			}
		}
	}
}

static void start_child(const char *const argv[], int out[2], int err[2])
{
	dup2(out[1], STDOUT_FILENO);
	dup2(err[1], STDERR_FILENO);
	close(out[0]);
	close(err[0]);
	close(out[1]);
	close(err[1]);
	execv(argv[0], (char *const *)argv);
	fprintf(stderr, "test: cannot run %s: %s\n", argv[0], strerror(errno));
	_exit(127);
}

void run_tool(struct tool_run *r, const char *const argv[])
{
	int out[2], err[2], wstatus;
	struct stream so = { 0 }, se = { 0 };
	pid_t pid;

	assert_int_equal(pipe(out), 0);
	assert_int_equal(pipe(err), 0);
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		start_child(argv, out, err);
	close(out[1]);
	close(err[1]);
	so.fd = out[0];
	se.fd = err[0];
	collect(&so, &se);
	assert_int_equal(waitpid(pid, &wstatus, 0), pid);
	r->status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus);
	r->out = so.buf ? so.buf : strf("%s", "");
	r->err = se.buf ? se.buf : strf("%s", "");
}

void tool_run_free(struct tool_run *r)
{
	free(r->out);
	free(r->err);
	r->out = r->err = NULL;
}

int count_lines(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

int try_read_blob(const char *path, struct blob *b)
{
	struct stat st;
	int fd = open(path, O_RDONLY);
	size_t got = 0;

	if (fd < 0 && errno == ENOENT)
		return 0;
	if (fd < 0 || fstat(fd, &st) != 0)
		fail_msg("cannot open %s: %s", path, strerror(errno));
	b->size = (size_t)st.st_size;
	b->data = malloc(b->size ? b->size : 1);
	assert_non_null(b->data);
	while (got < b->size) {
		ssize_t n = read(fd, b->data + got, b->size - got);

		if (n <= 0)
			fail_msg("cannot read %s: %s", path, n ? strerror(errno) : "short file");
		got += (size_t)n;
	}
	close(fd);
	return 1;
}

struct blob read_blob(const char *path)
{
	struct blob b = { 0 };

	if (!try_read_blob(path, &b))
		fail_msg("missing file %s (did `make` build the fixtures?)", path);
	return b;
}

void write_blob(const char *path, const void *data, size_t size)
{
	FILE *f = fopen(path, "wb");

	if (!f)
		fail_msg("cannot create %s: %s", path, strerror(errno));
	if (size && fwrite(data, 1, size, f) != size)
		fail_msg("cannot write %s", path);
	assert_int_equal(fclose(f), 0);
}

void blob_free(struct blob *b)
{
	free(b->data);
	b->data = NULL;
	b->size = 0;
}

char *scratch_dir(const char *tag)
{
	char *dir;

	mkdir(ATXF_TEST_SCRATCH_DIR, 0755);   /* may exist already */
	dir = strf("%s/%s.XXXXXX", ATXF_TEST_SCRATCH_DIR, tag);
	if (!mkdtemp(dir))
		fail_msg("cannot create %s: %s", dir, strerror(errno));
	return dir;
}

/* Scratch folders are flat: the tests only ever create files in them. */
void scratch_remove(char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	while (d && (e = readdir(d)) != NULL) {
		char *p;

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		p = strf("%s/%s", dir, e->d_name);
		if (unlink(p) != 0)
			rmdir(p);
		free(p);
	}
	if (d)
		closedir(d);
	rmdir(dir);
	free(dir);
}

char *dir_listing(const char *dir)
{
	struct dirent **list;
	char *joined = strf("%s", "");
	int n = scandir(dir, &list, NULL, alphasort), i;

	if (n < 0)
		fail_msg("cannot list %s: %s", dir, strerror(errno));
	for (i = 0; i < n; i++) {
		const char *name = list[i]->d_name;

		if (strcmp(name, ".") && strcmp(name, "..")) {
			char *next = strf("%s%s%s", joined, *joined ? " " : "", name);

			free(joined);
			joined = next;
		}
		free(list[i]);
	}
	free(list);
	return joined;
}

uint16_t le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

uint32_t le32(const uint8_t *p)
{
	return le16(p) | (uint32_t)le16(p + 2) << 16;
}

uint64_t le64(const uint8_t *p)
{
	return le32(p) | (uint64_t)le32(p + 4) << 32;
}

void set_le16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

void set_le32(uint8_t *p, uint32_t v)
{
	set_le16(p, (uint16_t)v);
	set_le16(p + 2, (uint16_t)(v >> 16));
}

void set_le64(uint8_t *p, uint64_t v)
{
	set_le32(p, (uint32_t)v);
	set_le32(p + 4, (uint32_t)(v >> 32));
}
