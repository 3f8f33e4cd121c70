/*
 * The storage workloads of ../storage.h on a Linux block device, the way a
 * tuned Linux program does them without libraries: O_DIRECT on the raw
 * device (no page cache between us and the driver), pread/pwrite at queue
 * depth 1, and the kernel's native AIO (io_setup/io_submit/io_getevents,
 * raw system calls) to keep 32 reads in flight.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/aio_abi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "../storage.h"
#include "lbench.h"

static void line(const char *dev, const char *workload, uint64_t ops, uint64_t bytes,
		 uint64_t ns)
{
	printf("lbench: %s %s ops %llu bytes %llu ns %llu\n", dev, workload,
	       (unsigned long long)ops, (unsigned long long)bytes, (unsigned long long)ns);
	fflush(stdout);
}

static int failed(const char *dev, const char *workload, const char *what)
{
	printf("lbench: %s %s n/a (%s: %s)\n", dev, workload, what, strerror(errno));
	fflush(stdout);
	return -1;
}

static int sequential(int fd, char *buf, const char *name, int writing)
{
	const char *workload = writing ? "seq-write" : "seq-read";
	uint64_t t0 = lb_now_ns(), off;

	for (off = 0; off < STORAGE_SEQ_BYTES; off += STORAGE_SEQ_CHUNK) {
		ssize_t n = writing ? pwrite(fd, buf, STORAGE_SEQ_CHUNK, (off_t)off)
				    : pread(fd, buf, STORAGE_SEQ_CHUNK, (off_t)off);

		if (n != STORAGE_SEQ_CHUNK)
			return failed(name, workload, writing ? "pwrite" : "pread");
	}
	if (writing && fdatasync(fd))
		return failed(name, workload, "fdatasync");
	line(name, workload, STORAGE_SEQ_BYTES / STORAGE_SEQ_CHUNK, STORAGE_SEQ_BYTES,
	     lb_now_ns() - t0);
	return 0;
}

static int random_qd1(int fd, char *buf, const char *name)
{
	uint64_t state = STORAGE_SEED, t0 = lb_now_ns();

	for (unsigned i = 0; i < STORAGE_RAND_OPS; i++)
		if (pread(fd, buf, STORAGE_RAND_BLOCK, (off_t)storage_next_offset(&state)) !=
		    STORAGE_RAND_BLOCK)
			return failed(name, "rand-read-qd1", "pread");
	line(name, "rand-read-qd1", STORAGE_RAND_OPS, (uint64_t)STORAGE_RAND_OPS * STORAGE_RAND_BLOCK,
	     lb_now_ns() - t0);
	return 0;
}

/* One AIO read of a random block into slot's buffer. */
static int submit(aio_context_t ctx, struct iocb *cb, uint64_t *state)
{
	struct iocb *list[1] = { cb };

	cb->aio_offset = (int64_t)storage_next_offset(state);
	return syscall(SYS_io_submit, ctx, 1, list) == 1 ? 0 : -1;
}

static int reap(aio_context_t ctx, struct io_event *ev, unsigned *done, uint64_t *state,
		unsigned *issued)
{
	long n = syscall(SYS_io_getevents, ctx, 1, STORAGE_DEEP_QD, ev, NULL);

	for (long i = 0; i < n; i++) {
		if (ev[i].res != STORAGE_RAND_BLOCK) {
			errno = ev[i].res < 0 ? (int)-ev[i].res : EIO;
			return -1;
		}
		(*done)++;
		if (*issued < STORAGE_RAND_OPS) {
			if (submit(ctx, (struct iocb *)(uintptr_t)ev[i].obj, state))
				return -1;
			(*issued)++;
		}
	}
	return n < 0 ? -1 : 0;
}

static int random_deep(int fd, char *buf, const char *name)
{
	static struct iocb cbs[STORAGE_DEEP_QD];
	struct io_event ev[STORAGE_DEEP_QD];
	aio_context_t ctx = 0;
	uint64_t state = STORAGE_SEED, t0;
	unsigned issued = 0, done = 0;
	int err = 0;

	if (syscall(SYS_io_setup, STORAGE_DEEP_QD, &ctx))
		return failed(name, "rand-read-qd32", "io_setup");
	t0 = lb_now_ns();
	for (unsigned i = 0; i < STORAGE_DEEP_QD && !err; i++, issued++) {
		cbs[i] = (struct iocb){ .aio_fildes = (uint32_t)fd, .aio_lio_opcode = IOCB_CMD_PREAD,
					.aio_buf = (uintptr_t)(buf + i * STORAGE_RAND_BLOCK),
					.aio_nbytes = STORAGE_RAND_BLOCK,
					.aio_data = (uintptr_t)&cbs[i] };
		err = submit(ctx, &cbs[i], &state);
	}
	while (!err && done < STORAGE_RAND_OPS)
		err = reap(ctx, ev, &done, &state, &issued);
	if (err)
		failed(name, "rand-read-qd32", "io_submit/io_getevents");
	else
		line(name, "rand-read-qd32", STORAGE_RAND_OPS,
		     (uint64_t)STORAGE_RAND_OPS * STORAGE_RAND_BLOCK, lb_now_ns() - t0);
	syscall(SYS_io_destroy, ctx);
	return err;
}

int lb_storage(const char *dev, const char *name)
{
	int fd = open(dev, O_RDWR | O_DIRECT);
	char *buf;
	int err;

	if (fd < 0)
		return failed(name, "open", dev);
	if (posix_memalign((void **)&buf, 4096, STORAGE_SEQ_CHUNK)) {
		close(fd);
		return failed(name, "buffer", "posix_memalign");
	}
	memset(buf, 0xa5, STORAGE_SEQ_CHUNK);
	err = 0;
	for (int r = 0; r < STORAGE_REPEAT; r++)
		err |= sequential(fd, buf, name, 1);
	for (int r = 0; r < STORAGE_REPEAT; r++)
		err |= sequential(fd, buf, name, 0);
	for (int r = 0; r < STORAGE_REPEAT; r++)
		err |= random_qd1(fd, buf, name);
	for (int r = 0; r < STORAGE_REPEAT; r++)
		err |= random_deep(fd, buf, name);
	free(buf);
	close(fd);
	return err;
}
