/*
 * x86_64-atxf-gcc: the SDK's compiler wrapper. It runs the machine's GCC with
 * the SDK's specs file (sysroot/atxf.specs), and when the command links, it
 * has GCC write OUT.elf and converts that into the ATXF OUT with elf2atxf.
 * docs/man/x86_64-atxf-gcc.1 is the user's description.
 */
#ifndef ATXF_WRAPPER_H
#define ATXF_WRAPPER_H

#include <stddef.h>

#define WRAPPER_NAME "x86_64-atxf-gcc"

/* What a command line asks GCC to do. */
struct cmdline {
	int links;            /* produces an executable: convert it afterwards */
	int verbose;          /* -v: also show the elf2atxf command */
	const char *out;      /* the final output: -o's value, or "a.out" */
	int out_index;        /* argv index holding -o's value, or -1 if none */
	const char *out_opt;  /* what precedes the value in that argument ("" or "-o", "--output=") */
	int *inputs;          /* argv indices of the input files */
	int ninputs;
};

/* cmdline.c */
void cmdline_classify(int argc, char **argv, struct cmdline *cl);

/* prefix.c: the SDK's install prefix (bin/..) and the GCC to drive. */
char *find_prefix(const char *argv0);
const char *choose_compiler(void);

/* run.c: start a program with an argv array (no shell) and wait for it. */
int run_wait(const char *prog, char *const argv[], int search_path);
void exec_or_die(const char *prog, char *const argv[]);

/* util.c */
void *xmalloc(size_t size);
char *concat(const char *a, const char *b);
void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

#endif
