/*
 * elf2atxf: converts a statically linked x86-64 ELF executable, linked with
 * atxf.ld, into an ATXF v1 file. Never modifies its input; on any refusal it
 * prints one line naming the file and the reason, and writes nothing.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <atxf/version.h>
#include "elf2atxf.h"

static const char usage_text[] =
	"usage: elf2atxf [-v] IN.elf -o OUT.atxf\n"
	"\n"
	"Converts a static, non-PIE x86-64 ELF executable linked with atxf.ld into\n"
	"an ATXF v1 executable (docs/atxf-format.md).\n"
	"\n"
	"  -o, --output FILE  where to write the ATXF (required; never the input)\n"
	"  -v, --verbose      print the layout that was written\n"
	"  -h, --help         print this help\n"
	"      --version      print the SDK version\n"
	"\n"
	"Exit status: 0 converted; 1 the input cannot be an ATXF program (reason on\n"
	"stderr); 2 usage error; 3 cannot read the input or write the output.\n";

int refuse(const struct conversion *c, const char *hint, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "elf2atxf: %s: ", c->in_path);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (hint)
		fprintf(stderr, " (%s)", hint);
	fputc('\n', stderr);
	return -1;
}

static int usage_error(const char *msg)
{
	fprintf(stderr, "elf2atxf: %s\nTry 'elf2atxf --help'.\n", msg);
	return EXIT_USAGE;
}

static uint8_t *read_input(const char *path, size_t *size, struct stat *st)
{
	int fd = open(path, O_RDONLY);
	uint8_t *buf = NULL;
	size_t got = 0;

	if (fd < 0 || fstat(fd, st) != 0)
		goto fail;
	if (!S_ISREG(st->st_mode)) {
		errno = EINVAL;
		goto fail;
	}
	buf = malloc(st->st_size ? (size_t)st->st_size : 1);
	if (!buf)
		goto fail;
	while (got < (size_t)st->st_size) {
		ssize_t r = read(fd, buf + got, (size_t)st->st_size - got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			goto fail;
		got += (size_t)r;
	}
	close(fd);
	*size = got;
	return buf;
fail:
	fprintf(stderr, "elf2atxf: %s: cannot read: %s\n", path,
		errno == EINVAL ? "not a regular file" : strerror(errno));
	free(buf);
	if (fd >= 0)
		close(fd);
	return NULL;
}

/* Writing over the input would modify it; refuse before doing any work. */
static int same_file(const char *out_path, const struct stat *in)
{
	struct stat out;

	return stat(out_path, &out) == 0 && out.st_dev == in->st_dev && out.st_ino == in->st_ino;
}

static int convert(const char *in_path, const char *out_path, int verbose)
{
	struct conversion c = { .in_path = in_path };
	struct stat st;
	uint8_t *buf = read_input(in_path, &c.size, &st);
	int rc = EXIT_REFUSED;

	if (!buf)
		return EXIT_IO;
	c.file = buf;
	if (same_file(out_path, &st)) {
		fprintf(stderr, "elf2atxf: %s: output would overwrite the input\n", out_path);
		rc = EXIT_USAGE;
	} else if (!check_elf_identity(&c) && !check_program_headers(&c) &&
		   !check_sections(&c) && !plan_layout(&c)) {
		rc = write_atxf(&c, out_path);
		if (rc == EXIT_CONVERTED && verbose)
			print_layout(&c, out_path);
	}
	if (c.elf)
		elf_end(c.elf);
	free(buf);
	return rc;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	const char *out_path = NULL;
	int opt, verbose = 0;

	while ((opt = getopt_long(argc, argv, "o:vh", longopts, NULL)) != -1) {
		switch (opt) {
		case 'o': out_path = optarg; break;
		case 'v': verbose = 1; break;
		case 'h': fputs(usage_text, stdout); return EXIT_CONVERTED;
		case 'V': printf("elf2atxf (ATXF SDK) %s\n", ATXF_SDK_VERSION); return EXIT_CONVERTED;
		default: return usage_error("unknown option");
		}
	}
	if (optind != argc - 1)
		return usage_error(optind == argc ? "no input file" : "more than one input file");
	if (!out_path)
		return usage_error("no output file: give -o OUT.atxf");
	if (elf_version(EV_CURRENT) == EV_NONE) {
		fprintf(stderr, "elf2atxf: libelf is unusable: %s\n", elf_errmsg(-1));
		return EXIT_IO;
	}
	return convert(argv[optind], out_path, verbose);
}
