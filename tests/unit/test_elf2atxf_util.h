/*
 * Helpers for the tests of the tools in elf2atxf/ (elf2atxf and atxfdump):
 * running a tool as a real program and capturing what it says, whole-file
 * reads and writes, scratch folders, and little-endian field access that does
 * not depend on the code under test.
 */
#ifndef TEST_ELF2ATXF_UTIL_H
#define TEST_ELF2ATXF_UTIL_H

#include <stddef.h>
#include <stdint.h>

/* A whole file (or any byte string) in memory. */
struct blob {
	uint8_t *data;
	size_t size;
};

/* What a tool did: its exit status and everything it printed. */
struct tool_run {
	int status;           /* exit code, or 128 + signal number if killed */
	char *out;            /* stdout, NUL-terminated */
	char *err;            /* stderr, NUL-terminated */
};

/* printf into a new string; the test fails if memory runs out. */
char *strf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Paths of the built tools and fixtures (new strings). */
char *tool_path(const char *tool);           /* build/bin/TOOL */
char *fixture_path(const char *name);        /* build/tests/fixtures/NAME */
char *fixture_source(const char *name);      /* tests/unit/fixtures/NAME */

/* Runs argv[0] with argv (NULL-terminated), waits, captures both streams. */
void run_tool(struct tool_run *r, const char *const argv[]);
void tool_run_free(struct tool_run *r);
/* Number of newline-terminated lines in s. */
int count_lines(const char *s);

/* Reads a whole file; the test fails if it cannot. */
struct blob read_blob(const char *path);
/* Reads a whole file; returns 0 if it does not exist, 1 if it does. */
int try_read_blob(const char *path, struct blob *b);
void write_blob(const char *path, const void *data, size_t size);
void blob_free(struct blob *b);

/* A new empty folder under build/tests/scratch, and its removal. */
char *scratch_dir(const char *tag);
void scratch_remove(char *dir);
/* The names in a folder, sorted and separated by spaces ("" if empty). */
char *dir_listing(const char *dir);

/* Little-endian fields, decoded here rather than by the code under test. */
uint16_t le16(const uint8_t *p);
uint32_t le32(const uint8_t *p);
uint64_t le64(const uint8_t *p);
void set_le16(uint8_t *p, uint16_t v);
void set_le32(uint8_t *p, uint32_t v);
void set_le64(uint8_t *p, uint64_t v);

#endif
