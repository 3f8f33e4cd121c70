/*
 * x86_64-atxf-gcc (also installed as x86_64-atxf-cc): compiles and links
 * ATXF programs with the machine's GCC.
 *
 * Every invocation runs   CC -specs=PREFIX/x86_64-atxf/lib/atxf.specs ARGS
 * with ATXF_PREFIX=PREFIX in the environment, where the specs file finds the
 * SDK's headers, crt0.o, libatxf.a and atxf.ld. A command that links has GCC
 * write OUT.elf instead of OUT, then runs PREFIX/bin/elf2atxf OUT.elf -o OUT;
 * the ELF stays beside the ATXF for gdb. If either step fails, OUT is
 * removed so that no stale or half-made program is left behind.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "wrapper.h"

#define SPECS_PATH "/x86_64-atxf/lib/atxf.specs"

/* CC, -specs, the user's arguments with -o OUT made OUT.elf, room for "-o a.out.elf". */
static char **gcc_argv(const char *cc, const char *prefix, int argc, char **argv,
		       const struct cmdline *cl, const char *elf)
{
	char **out = xmalloc(sizeof(char *) * ((size_t)argc + 4));
	int n = 0;

	out[n++] = (char *)cc;
	out[n++] = concat("-specs=", concat(prefix, SPECS_PATH));
	for (int i = 1; i < argc; i++)
		out[n++] = (elf && i == cl->out_index) ? concat(cl->out_opt, elf) : argv[i];
	if (elf && cl->out_index < 0) {
		out[n++] = "-o";
		out[n++] = (char *)elf;
	}
	out[n] = NULL;
	return out;
}

/* GCC refuses -o INPUT itself, but it only ever sees OUT.elf; check for it. */
static void refuse_output_over_input(char **argv, const struct cmdline *cl)
{
	struct stat out, in;

	if (stat(cl->out, &out) != 0)
		return;
	for (int i = 0; i < cl->ninputs; i++) {
		const char *path = argv[cl->inputs[i]];

		if (stat(path, &in) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino)
			die("output file '%s' is also an input file; give another -o", cl->out);
	}
}

/* Removes OUT after a failure, but only a regular file: never -o /dev/null. */
static void remove_output(const char *out)
{
	struct stat st;

	if (lstat(out, &st) == 0 && S_ISREG(st.st_mode) && unlink(out) != 0)
		fprintf(stderr, WRAPPER_NAME ": cannot remove '%s': %s\n", out, strerror(errno));
}

static int convert(const char *prefix, const char *elf, const struct cmdline *cl)
{
	char *tool = concat(prefix, "/bin/elf2atxf");
	char *argv[] = { tool, (char *)elf, "-o", (char *)cl->out, NULL };

	if (cl->verbose)
		fprintf(stderr, " %s %s -o %s\n", tool, elf, cl->out);
	return run_wait(tool, argv, 0);
}

static int link_and_convert(const char *cc, const char *prefix, int argc, char **argv,
			    const struct cmdline *cl)
{
	char *elf = concat(cl->out, ".elf");
	int rc;

	refuse_output_over_input(argv, cl);
	rc = run_wait(cc, gcc_argv(cc, prefix, argc, argv, cl, elf), 1);
	if (rc == 0)
		rc = convert(prefix, elf, cl);
	if (rc != 0)
		remove_output(cl->out);
	return rc;
}

int main(int argc, char **argv)
{
	char *prefix = find_prefix(argc > 0 ? argv[0] : WRAPPER_NAME);
	const char *cc = choose_compiler();
	struct cmdline cl;

	if (argc == 2 && strcmp(argv[1], "--atxf-print-prefix") == 0) {
		printf("%s\n", prefix);
		return 0;
	}
	/* The specs file reads the prefix with %:getenv(ATXF_PREFIX ...). */
	if (setenv("ATXF_PREFIX", prefix, 1) != 0)
		die("cannot set ATXF_PREFIX: %s", strerror(errno));
	cmdline_classify(argc, argv, &cl);
	/* Two compilers answer to x86_64-atxf-gcc; -v says which one this is. */
	if (cl.verbose)
		fprintf(stderr, WRAPPER_NAME ": the ATXF SDK's compiler wrapper: %s with %s%s"
			" (not a cross compiler; `make toolchain` builds that)\n", cc, prefix, SPECS_PATH);
	if (!cl.links)
		exec_or_die(cc, gcc_argv(cc, prefix, argc, argv, &cl, NULL));
	return link_and_convert(cc, prefix, argc, argv, &cl);
}
