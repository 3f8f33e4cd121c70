/*
 * Writing the ATXF file: assemble the image in memory, have the shared reader
 * validate it (so elf2atxf never writes what a loader would refuse), then
 * write a temporary file beside the output and rename it into place. A
 * failure at any step leaves no output file behind.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <atxf/reader.h>
#include "elf2atxf.h"

static uint64_t file_offset_of(const struct conversion *c, uint64_t addr)
{
	if (addr >= c->data_addr && c->hdr.data_size)
		return c->hdr.data_offset + (addr - c->data_addr);
	return c->hdr.text_offset + (addr - ATXF_LOAD_BASE);
}

static void put_extensions(const struct conversion *c, uint8_t *out)
{
	uint8_t *p = out + ATXF_HEADER_SIZE;

	if (!c->manifest)
		return;
	atxf_ext_record_encode(p, ATXF_EXT_MANIFEST, (uint32_t)c->manifest_size);
	memcpy(p + ATXF_EXT_RECORD_SIZE, c->manifest, c->manifest_size);
}

static uint8_t *build_image(const struct conversion *c, size_t *size)
{
	uint8_t *out;
	unsigned i;

	*size = (size_t)c->hdr.data_offset + c->hdr.data_size;
	out = calloc(1, *size);
	if (!out)
		return NULL;
	atxf_header_encode(&c->hdr, out);
	put_extensions(c, out);
	for (i = 0; i < c->nseg; i++)
		memcpy(out + file_offset_of(c, c->seg[i].vaddr), c->file + c->seg[i].offset,
		       c->seg[i].filesz);
	return out;
}

static int self_check(const struct conversion *c, const uint8_t *img, size_t size)
{
	struct atxf_image parsed;
	struct atxf_fmt_diag diag;

	if (atxf_read(img, size, &parsed, &diag) == ATXF_FMT_OK &&
	    atxf_ext_validate(&parsed, &diag) == ATXF_FMT_OK)
		return 0;
	fprintf(stderr, "elf2atxf: %s: internal error: the ATXF it built is invalid: %s (%s = %#llx)\n",
		c->in_path, atxf_fmt_strerror(diag.error), diag.field ? diag.field : "?",
		(unsigned long long)diag.value);
	return -1;
}

static int write_all(int fd, const uint8_t *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* mkstemp makes 0600; give the file what open(O_CREAT, 0666) would, like cc. */
static mode_t created_mode(void)
{
	mode_t mask = umask(0);

	umask(mask);
	return 0666 & ~mask;
}

static int write_atomically(const char *out_path, const uint8_t *img, size_t size)
{
	size_t len = strlen(out_path);
	char *tmp = malloc(len + sizeof(".XXXXXX"));
	int fd, err = -1;

	if (!tmp)
		return -1;
	memcpy(tmp, out_path, len);
	memcpy(tmp + len, ".XXXXXX", sizeof(".XXXXXX"));
	fd = mkstemp(tmp);
	if (fd < 0)
		goto out_free;
	if (write_all(fd, img, size) || fchmod(fd, created_mode()) || close(fd)) {
		int saved = errno;

		close(fd);
		unlink(tmp);
		errno = saved;
		goto out_free;
	}
	err = rename(tmp, out_path);
	if (err)
		unlink(tmp);
out_free:
	free(tmp);
	return err;
}

int write_atxf(const struct conversion *c, const char *out_path)
{
	size_t size;
	uint8_t *img = build_image(c, &size);
	int rc = EXIT_IO;

	if (!img) {
		fprintf(stderr, "elf2atxf: %s: out of memory building a %zu-byte image\n", c->in_path, size);
		return EXIT_IO;
	}
	if (self_check(c, img, size))
		rc = EXIT_REFUSED;
	else if (write_atomically(out_path, img, size) == 0)
		rc = EXIT_CONVERTED;
	else
		fprintf(stderr, "elf2atxf: %s: cannot write: %s\n", out_path, strerror(errno));
	free(img);
	return rc;
}

void print_layout(const struct conversion *c, const char *out_path)
{
	const struct atxf_header *h = &c->hdr;
	uint64_t bss = c->data_addr + h->data_size;

	printf("%s: ATXF v%u, entry %#llx\n", out_path, h->version,
	       (unsigned long long)ATXF_LOAD_BASE + h->entry_offset);
	printf("  text  file %#08x  addr %#010llx  size %#x  r-x\n", h->text_offset,
	       (unsigned long long)ATXF_LOAD_BASE, h->text_size);
	printf("  data  file %#08x  addr %#010llx  size %#x  rw-\n", h->data_offset,
	       (unsigned long long)c->data_addr, h->data_size);
	printf("  bss               addr %#010llx  size %#x  rw-\n", (unsigned long long)bss, h->bss_size);
	if (c->manifest)
		printf("  manifest extension: %zu bytes\n", c->manifest_size);
}
