/*
 * The FAT tests' shared helpers (test_fat_util.h).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <atxf/errors.h>
#include "test_fat_util.h"

#ifndef ATXF_TEST_SCRATCH_DIR
#define ATXF_TEST_SCRATCH_DIR "/tmp"
#endif

static char scratch[512];

static void die(const char *what)
{
	fprintf(stderr, "test_fat: %s: %s\n", what, strerror(errno));
	abort();
}

const char *fat_scratch(void)
{
	snprintf(scratch, sizeof(scratch), "%s/fat.XXXXXX", ATXF_TEST_SCRATCH_DIR);
	if (fat_sh("mkdir -p '%s'", ATXF_TEST_SCRATCH_DIR) || !mkdtemp(scratch))
		die("mkdtemp");
	return scratch;
}

void fat_scratch_done(void)
{
	if (scratch[0])
		fat_sh("rm -rf '%s'", scratch);
	scratch[0] = 0;
}

static int vsh(char *out, size_t size, const char *fmt, va_list ap)
{
	char cmd[8192];
	FILE *p;
	size_t n = 0;
	int st;

	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	setenv("MTOOLS_SKIP_CHECK", "1", 1);
	setenv("LC_ALL", "C.UTF-8", 1);
	if (!out) {
		st = system(cmd);
		return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
	}
	if (!(p = popen(cmd, "r")))
		die("popen");
	while (n + 1 < size) {
		size_t k = fread(out + n, 1, size - 1 - n, p);

		if (!k)
			break;
		n += k;
	}
	out[n] = 0;
	while (fgetc(p) != EOF)
		;
	st = pclose(p);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

int fat_sh(const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vsh(NULL, 0, fmt, ap);
	va_end(ap);
	return rc;
}

int fat_sh_out(char *out, size_t size, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vsh(out, size, fmt, ap);
	va_end(ap);
	return rc;
}

void fat_mkimg(const char *path, int bits, unsigned mib, unsigned cluster_sectors)
{
	if (fat_sh("rm -f '%s' && truncate -s %uM '%s' && mkfs.fat -F %d -S 512 -s %u '%s' >/dev/null",
		   path, mib, path, bits, cluster_sectors, path))
		die("mkfs.fat");
}

static int md_read(void *ctx, uint64_t sector, uint32_t count, void *dst)
{
	struct memdisk *m = ctx;

	if (sector + count > m->disk.sectors)
		return -ATXF_EIO;
	memcpy(dst, m->data + sector * 512, (size_t)count * 512);
	return 0;
}

static int md_write(void *ctx, uint64_t sector, uint32_t count, const void *src)
{
	struct memdisk *m = ctx;

	if (sector + count > m->disk.sectors)
		return -ATXF_EIO;
	if (m->budget >= 0 && m->writes >= m->budget) {
		m->writes++;
		return 0;       /* the power is cut: the write seems done and is lost */
	}
	m->writes++;
	memcpy(m->data + sector * 512, src, (size_t)count * 512);
	return 0;
}

static int md_flush(void *ctx)
{
	((struct memdisk *)ctx)->flushes++;
	return 0;
}

void memdisk_load(struct memdisk *m, const char *path)
{
	uint8_t *b;
	long n = fat_read_file(path, &b);

	if (n < 0)
		die(path);
	memset(m, 0, sizeof(*m));
	m->data = b;
	m->bytes = (size_t)n;
	m->budget = -1;
	m->disk = (struct fat_disk){ .ctx = m, .sector_size = 512, .sectors = (uint64_t)n / 512,
				     .read = md_read, .write = md_write, .flush = md_flush };
}

void memdisk_save(const struct memdisk *m, const char *path)
{
	if (fat_write_file(path, m->data, m->bytes))
		die(path);
}

void memdisk_free(struct memdisk *m)
{
	free(m->data);
	m->data = NULL;
}

struct fat_volume *fat_mount_ok(struct memdisk *m, int read_only)
{
	struct fat_mount_options o = { .read_only = read_only };
	struct fat_volume *v = NULL;
	char why[200];
	int rc = fat_mount(&m->disk, &o, &v, why, sizeof(why));

	if (rc) {
		fprintf(stderr, "fat_mount: %d: %s\n", rc, why);
		return NULL;
	}
	return v;
}

long fat_slurp(struct fat_volume *v, const char *path, uint8_t **out)
{
	struct fat_node *n;
	struct fat_stat st;
	long got = 0, k;
	int rc = fat_open(v, path, 0, &n);

	*out = NULL;
	if (rc)
		return rc;
	if ((rc = fat_stat(n, &st))) {
		fat_close(n);
		return rc;
	}
	*out = malloc(st.size + 1);
	while ((uint64_t)got < st.size) {
		/* odd-sized reads: partial sectors and whole ones both */
		size_t want = st.size - (uint64_t)got > 70001 ? 70001 : st.size - (size_t)got;

		k = fat_read(n, (uint64_t)got, *out + got, want);
		if (k <= 0) {
			fat_close(n);
			free(*out);
			*out = NULL;
			return k < 0 ? k : -ATXF_EIO;
		}
		got += k;
	}
	fat_close(n);
	return got;
}

int fat_put(struct fat_volume *v, const char *path, const void *data, size_t len)
{
	struct fat_node *n;
	size_t done = 0;
	int rc = fat_open(v, path, FAT_OPEN_CREATE, &n);

	if (rc)
		return rc;
	rc = fat_truncate(n, 0);
	while (!rc && done < len) {
		size_t k = len - done > 65536 + 123 ? 65536 + 123 : len - done;
		long w = fat_write(n, done, (const uint8_t *)data + done, k);

		if (w < 0)
			rc = (int)w;
		else
			done += (size_t)w;
	}
	fat_close(n);
	return rc;
}

void fat_pattern(uint8_t *buf, size_t len, unsigned seed)
{
	uint32_t x = seed * 2654435761u + 12345;
	size_t i;

	for (i = 0; i < len; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		buf[i] = (uint8_t)x;
	}
}

int fat_write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	int rc;

	if (!f)
		return -1;
	rc = fwrite(data, 1, len, f) == len ? 0 : -1;
	return fclose(f) || rc ? -1 : 0;
}

long fat_read_file(const char *path, uint8_t **out)
{
	FILE *f = fopen(path, "rb");
	long n;

	*out = NULL;
	if (!f)
		return -1;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	*out = malloc((size_t)n + 1);
	if (fread(*out, 1, (size_t)n, f) != (size_t)n)
		n = -1;
	fclose(f);
	return n;
}

int fat_fsck_clean(const char *img, char *out, size_t size)
{
	int st = fat_sh_out(out, size, "fsck.fat -n '%s' 2>&1", img);
	char *line = strchr(out, '\n');
	int lines = 0;

	/* clean: "fsck.fat 4.2 (...)" and "img: N files, A/B clusters", nothing else */
	for (; line && line[1]; line = strchr(line + 1, '\n'))
		lines++;
	return st == 0 && lines == 1 ? 0 : -1;
}
