/*
 * Reading a GCC command line the way GCC does, just far enough to know two
 * things: does it link (then the result must become an ATXF), and where does
 * the output go. Everything else is GCC's business and is passed on as is.
 */
#include <string.h>
#include "wrapper.h"

/* Options whose value is the next argument (so that argument is no input). */
static const char *const separate_value[] = {
	"-o", "-x", "-I", "-D", "-U", "-L", "-A", "-MF", "-MT", "-MQ", "-T", "-e", "-u",
	"-z", "-B", "-include", "-imacros", "-idirafter", "-iprefix", "-iwithprefix",
	"-iwithprefixbefore", "-isystem", "-isysroot", "-iquote", "-imultilib",
	"-imultiarch", "-Xlinker", "-Xassembler", "-Xpreprocessor", "-aux-info",
	"--param", "-wrapper", "-dumpbase", "-dumpbase-ext", "-dumpdir", "--output",
	"--entry", "-specs", "--specs", "--sysroot", NULL
};

/* Options that stop GCC before the link, or make it print instead of build. */
static const char *const no_link[] = {
	"-c", "-S", "-E", "-M", "-MM", "-fsyntax-only", "-r", "-###", "--version",
	"--help", "--target-help", "-dumpspecs", "-dumpversion", "-dumpfullversion",
	"-dumpmachine", NULL
};
static const char *const no_link_prefix[] = { "-print-", "--print-", "--help=", NULL };

static int in_list(const char *arg, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(arg, *list) == 0)
			return 1;
	return 0;
}

static int has_prefix_in(const char *arg, const char *const *list)
{
	for (; *list; list++)
		if (strncmp(arg, *list, strlen(*list)) == 0)
			return 1;
	return 0;
}

/* Records where -o's value is, in any of GCC's spellings. */
static void note_output(struct cmdline *cl, int argc, char **argv, int i)
{
	const char *arg = argv[i];

	if ((strcmp(arg, "-o") == 0 || strcmp(arg, "--output") == 0) && i + 1 < argc) {
		cl->out_index = i + 1;
		cl->out_opt = "";
		cl->out = argv[i + 1];
	} else if (strncmp(arg, "--output=", 9) == 0) {
		cl->out_index = i;
		cl->out_opt = "--output=";
		cl->out = arg + 9;
	} else if (strncmp(arg, "-o", 2) == 0 && arg[2]) {
		cl->out_index = i;
		cl->out_opt = "-o";
		cl->out = arg + 2;
	}
}

/*
 * Inputs are what GCC would hand to a compiler or the linker: plain file
 * names, "-" (stdin), libraries (-lfoo, -l foo) and @response files. A
 * response file counts as input; options inside one are not seen here.
 */
static int is_input(const char *arg)
{
	return arg[0] != '-' || strcmp(arg, "-") == 0 || (strncmp(arg, "-l", 2) == 0 && arg[2]);
}

void cmdline_classify(int argc, char **argv, struct cmdline *cl)
{
	int stops = 0;

	memset(cl, 0, sizeof(*cl));
	cl->out = "a.out";
	cl->out_index = -1;
	cl->inputs = xmalloc(sizeof(int) * (size_t)argc);
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];

		if (strcmp(arg, "-l") == 0 && i + 1 < argc) {
			cl->inputs[cl->ninputs++] = ++i;
		} else if (in_list(arg, separate_value)) {
			stops |= i + 1 >= argc;     /* GCC will say what is missing */
			note_output(cl, argc, argv, i);
			i++;    /* its value is not an input, whatever it looks like */
		} else if (is_input(arg)) {
			cl->inputs[cl->ninputs++] = i;
		} else {
			note_output(cl, argc, argv, i);
			stops |= in_list(arg, no_link) || has_prefix_in(arg, no_link_prefix);
			cl->verbose |= strcmp(arg, "-v") == 0;
		}
	}
	cl->links = cl->ninputs > 0 && !stops;
}
