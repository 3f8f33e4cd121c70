/*
 * The boot configuration (docs/boot.md, "boot.cfg"): text, one directive
 * per line, words separated by spaces (tabs count as spaces; a line may end
 * in CR LF), `#` to the end of the line is a comment, blank lines are
 * ignored. Directives:
 *
 *   start NAME [ARG ...] [with CAP ...]
 *                          spawn member NAME with argv = NAME ARG ..., holding
 *                          the capabilities the CAP clauses name (bootcap.h)
 *   exit-with NAME         power off with NAME's exit status when it exits
 *   env NAME=VALUE         put NAME=VALUE in the environment of every program
 *                          started after this line (getenv); a later env line
 *                          for the same NAME replaces it. VALUE has no spaces.
 *
 * The word `with` always ends the arguments; the clauses after it are
 * only collected here, and checked one by one by bootcap_parse().
 *
 * The parser is pure (no system calls, no allocation): init feeds it the
 * boot.cfg member of the archive in place, the host tests feed it strings
 * (tests/unit/test_bootcfg.c).
 */
#ifndef INIT_BOOTCFG_H
#define INIT_BOOTCFG_H

#include <stddef.h>
#include <atxf/proc.h>

#define BOOTCFG_LINE_MAX  255                   /* bytes, without the newline */
#define BOOTCFG_ARGV_MAX  ATXF_SPAWN_MAX_ARGS   /* NAME and up to 15 arguments */
#define BOOTCFG_ERROR_MAX 96
/* Clauses after `with`: the child's handles from ATXF_HANDLE_FIRST_EXTRA. */
#define BOOTCFG_CAPS_MAX  (ATXF_SPAWN_MAX_CAPS - ATXF_HANDLE_FIRST_EXTRA)

enum bootcfg_kind {
	BOOTCFG_START = 1,
	BOOTCFG_EXIT_WITH,
	BOOTCFG_ENV,
};

/* What bootcfg_next() returns. */
enum bootcfg_result {
	BOOTCFG_END = 0,        /* no more lines */
	BOOTCFG_DIRECTIVE,      /* *d holds one */
	BOOTCFG_MALFORMED,      /* d->line and d->error say what; go on */
};

struct bootcfg_directive {
	enum bootcfg_kind kind;
	unsigned line;                          /* 1-based line number */
	unsigned argc;                          /* start: NAME + args; exit-with, env: 1 */
	char *argv[BOOTCFG_ARGV_MAX + 1];       /* NULL-terminated, into buf */
	unsigned ncaps;                         /* start: clauses after `with` */
	char *caps[BOOTCFG_CAPS_MAX + 1];       /* NULL-terminated, into buf */
	char buf[BOOTCFG_LINE_MAX + 1];
	char error[BOOTCFG_ERROR_MAX];          /* BOOTCFG_MALFORMED: why */
};

struct bootcfg_reader {
	const char *text;
	size_t size;
	size_t pos;             /* start of the next line */
	unsigned line;          /* lines read so far */
};

/* Starts reading text[0..size) (need not be NUL-terminated). */
void bootcfg_begin(struct bootcfg_reader *r, const char *text, size_t size);
/* Reads up to the next directive or malformed line. */
enum bootcfg_result bootcfg_next(struct bootcfg_reader *r, struct bootcfg_directive *d);
/*
 * A run request's command (runs.c, <atxf/proto/run.h>): text[0..len) is
 * `NAME [ARG ...]`, a start line's words without `start` and `with`.
 * BOOTCFG_DIRECTIVE (kind BOOTCFG_START, no caps) or BOOTCFG_MALFORMED
 * with d->error.
 */
enum bootcfg_result bootcfg_command(const char *text, size_t len, struct bootcfg_directive *d);

#endif
