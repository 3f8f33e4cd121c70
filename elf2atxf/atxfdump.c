/*
 * atxfdump: prints an ATXF file's header, load layout and extensions, after
 * validating it with the shared reader in sdk/format (the same code the kernel
 * loader runs). Exit 0 valid, 1 invalid (reason on stderr), 2 usage or I/O.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <atxf/version.h>
#include "atxfdump.h"

enum { EXIT_VALID = 0, EXIT_INVALID = 1, EXIT_USAGE = 2 };

static const char usage_text[] =
	"usage: atxfdump [--json] FILE.atxf\n"
	"\n"
	"Validates an ATXF v1 executable and prints its header, load layout\n"
	"(file offsets, addresses, permissions) and extensions.\n"
	"\n"
	"  -j, --json     machine-readable output\n"
	"  -h, --help     print this help\n"
	"      --version  print the SDK version\n"
	"\n"
	"Exit status: 0 valid; 1 invalid (reason on stderr); 2 usage error or\n"
	"unreadable file.\n";

static uint8_t *read_file(const char *path, uint64_t *size)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t cap = 0, len = 0, n;

	if (!f)
		return NULL;
	do {
		if (len == cap) {
			uint8_t *grown = realloc(buf, cap = cap ? cap * 2 : 65536);

			if (!grown)
				goto fail;
			buf = grown;
		}
		n = fread(buf + len, 1, cap - len, f);
		len += n;
	} while (n > 0);
	if (ferror(f))
		goto fail;
	fclose(f);
	*size = len;
	return buf;
fail:
	free(buf);
	fclose(f);
	return NULL;
}

static void report_bad_manifest(const char *path, const char *why, int json)
{
	struct atxf_fmt_diag d = { .error = ATXF_FMT_BAD_EXTENSION, .field = "driver manifest" };

	fprintf(stderr, "atxfdump: %s: invalid: driver manifest: %s\n", path, why);
	if (json)
		dump_json_error(stdout, path, &d);
}

static void report_invalid(const char *path, const struct atxf_fmt_diag *d, int json)
{
	fprintf(stderr, "atxfdump: %s: invalid: %s", path, atxf_fmt_strerror(d->error));
	if (d->field)
		fprintf(stderr, " (%s %#llx, %s %#llx)", d->field, (unsigned long long)d->value,
			atxf_fmt_relation(d->error), (unsigned long long)d->limit);
	fputc('\n', stderr);
	if (json)
		dump_json_error(stdout, path, d);
}

static int dump(const char *path, int json)
{
	struct atxf_image img;
	struct atxf_fmt_diag diag;
	const char *why;
	uint64_t size;
	uint8_t *buf = read_file(path, &size);
	int rc = EXIT_VALID;

	if (!buf) {
		fprintf(stderr, "atxfdump: %s: cannot read: %s\n", path, strerror(errno));
		return EXIT_USAGE;
	}
	if (atxf_read(buf, size, &img, &diag) != ATXF_FMT_OK ||
	    atxf_ext_validate(&img, &diag) != ATXF_FMT_OK) {
		report_invalid(path, &diag, json);
		rc = EXIT_INVALID;
	} else if ((why = manifest_problem(&img)) != NULL) {
		report_bad_manifest(path, why, json);
		rc = EXIT_INVALID;
	} else if (json) {
		dump_json(stdout, path, &img);
	} else {
		dump_text(stdout, path, &img);
	}
	free(buf);
	return rc;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int opt, json = 0;

	while ((opt = getopt_long(argc, argv, "jh", longopts, NULL)) != -1) {
		switch (opt) {
		case 'j': json = 1; break;
		case 'h': fputs(usage_text, stdout); return EXIT_VALID;
		case 'V': printf("atxfdump (ATXF SDK) %s\n", ATXF_SDK_VERSION); return EXIT_VALID;
		default: fputs("Try 'atxfdump --help'.\n", stderr); return EXIT_USAGE;
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, "atxfdump: %s\nTry 'atxfdump --help'.\n",
			optind == argc ? "no input file" : "exactly one input file, please");
		return EXIT_USAGE;
	}
	return dump(argv[optind], json);
}
