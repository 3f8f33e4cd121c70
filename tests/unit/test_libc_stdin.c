/*
 * The libc's input and stream calls as shipped (renamed tlibc_*): fgets,
 * fread, fgetc, ungetc, feof and clearerr on a stream whose read function
 * the test plays (in small chunks, so reads cross refills); stdin and
 * read(0) on the input the hooks' atxf_stdin_read gives; and what the
 * calls that need a file system or a seekable stream answer until the VFS
 * exists: fopen, freopen, fseek, ftell, setvbuf, tmpnam, remove, rename.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <string.h>
#include "stream.h"
#include "test_libc.h"

extern struct atxf_stream *const tlibc_stdin;
int tlibc_fgetc(struct atxf_stream *f);
int tlibc_getchar(void);
char *tlibc_fgets(char *s, int n, struct atxf_stream *f);
size_t tlibc_fread(void *buf, size_t size, size_t n, struct atxf_stream *f);
int tlibc_ungetc(int c, struct atxf_stream *f);
int tlibc_feof(struct atxf_stream *f);
struct atxf_stream *tlibc_fopen(const char *path, const char *mode);
struct atxf_stream *tlibc_freopen(const char *path, const char *mode, struct atxf_stream *f);
int tlibc_fclose(struct atxf_stream *f);
int tlibc_fseek(struct atxf_stream *f, long offset, int whence);
long tlibc_ftell(struct atxf_stream *f);
int tlibc_setvbuf(struct atxf_stream *f, char *buf, int mode, size_t size);
char *tlibc_tmpnam(char *s);
int tlibc_remove(const char *path);
int tlibc_rename(const char *from, const char *to);
long tlibc_read(int fd, void *buf, size_t n);
int tlibc_scanf(const char *fmt, ...);

#define IOFBF 0                 /* the SDK's <stdio.h> values */
#define IOLBF 1
#define IONBF 2

/* The input the test stream gives, at most CHUNK bytes per read. */
#define CHUNK 7
static const char *input;
static size_t input_len, input_pos;
static unsigned reads;

static long chunked_read(char *buf, unsigned long len)
{
	size_t n = input_len - input_pos;

	reads++;
	if (n > CHUNK)
		n = CHUNK;
	if (n > len)
		n = len;
	memcpy(buf, input + input_pos, n);
	input_pos += n;
	return (long)n;
}

static struct atxf_stream in;

static void feed(const char *text, size_t len)
{
	memset(&in, 0, sizeof(in));
	in.read = chunked_read;
	input = text;
	input_len = len;
	input_pos = 0;
	reads = 0;
}

static long failing_read(char *buf, unsigned long len)
{
	(void)buf;
	(void)len;
	return -13;             /* -ATXF_EIO */
}

static int reset(void **state)
{
	(void)state;
	stdin_source = NULL;
	tlibc_clearerr(tlibc_stdin);
	tlibc_fflush(NULL);
	console_reset();
	tlibc_errno = 0;
	return 0;
}

static void test_fgets_lines_across_refills(void **state)
{
	static const char text[] = "first line\nsecond, a longer line\n\nno newline";
	char buf[64];

	(void)state;
	feed(text, sizeof(text) - 1);
	assert_ptr_equal(tlibc_fgets(buf, sizeof(buf), &in), buf);
	assert_string_equal(buf, "first line\n");
	assert_ptr_equal(tlibc_fgets(buf, sizeof(buf), &in), buf);
	assert_string_equal(buf, "second, a longer line\n");
	assert_ptr_equal(tlibc_fgets(buf, sizeof(buf), &in), buf);
	assert_string_equal(buf, "\n");
	assert_ptr_equal(tlibc_fgets(buf, sizeof(buf), &in), buf);
	assert_string_equal(buf, "no newline");
	/* At the end: NULL, and the buffer is left as it was. */
	assert_null(tlibc_fgets(buf, sizeof(buf), &in));
	assert_string_equal(buf, "no newline");
	assert_true(tlibc_feof(&in));
	assert_false(tlibc_ferror(&in));
}

static void test_fgets_short_buffer(void **state)
{
	char buf[5];

	(void)state;
	feed("abcdefgh\n", 9);
	assert_ptr_equal(tlibc_fgets(buf, 5, &in), buf);
	assert_string_equal(buf, "abcd");
	assert_ptr_equal(tlibc_fgets(buf, 5, &in), buf);
	assert_string_equal(buf, "efgh");
	assert_ptr_equal(tlibc_fgets(buf, 5, &in), buf);
	assert_string_equal(buf, "\n");
	/* n == 1: room for the NUL alone, an empty string; n <= 0: NULL. */
	assert_ptr_equal(tlibc_fgets(buf, 1, &in), buf);
	assert_string_equal(buf, "");
	assert_null(tlibc_fgets(buf, 0, &in));
}

static void test_fread_counts_whole_items(void **state)
{
	char buf[32] = "";

	(void)state;
	feed("0123456789abcdefghij", 20);
	assert_int_equal(tlibc_fread(buf, 4, 3, &in), 3);
	assert_memory_equal(buf, "0123456789ab", 12);
	/* 8 bytes left: two items of 3, and 2 bytes of a third, read but not counted. */
	assert_int_equal(tlibc_fread(buf, 3, 5, &in), 2);
	assert_memory_equal(buf, "cdefghij", 8);
	assert_true(tlibc_feof(&in));
	assert_int_equal(tlibc_fread(buf, 1, 1, &in), 0);
	assert_int_equal(tlibc_fread(buf, 0, 9, &in), 0);
	assert_true(reads > 2);
}

static void test_getc_ungetc_feof_clearerr(void **state)
{
	(void)state;
	feed("xy", 2);
	assert_int_equal(tlibc_fgetc(&in), 'x');
	assert_int_equal(tlibc_ungetc('q', &in), 'q');
	/* One byte of push-back: a second one is refused. */
	assert_int_equal(tlibc_ungetc('r', &in), -1);
	assert_int_equal(tlibc_fgetc(&in), 'q');
	assert_int_equal(tlibc_fgetc(&in), 'y');
	assert_int_equal(tlibc_fgetc(&in), -1);
	assert_true(tlibc_feof(&in));
	assert_int_equal(tlibc_ungetc(-1, &in), -1);
	/* ungetc clears the end of file; the byte comes back, then the end again. */
	assert_int_equal(tlibc_ungetc(0xff, &in), 0xff);
	assert_false(tlibc_feof(&in));
	assert_int_equal(tlibc_fgetc(&in), 0xff);
	assert_int_equal(tlibc_fgetc(&in), -1);
	tlibc_clearerr(&in);
	assert_false(tlibc_feof(&in));
}

static void test_input_from_an_output_stream(void **state)
{
	char buf[4];

	(void)state;
	assert_int_equal(tlibc_fgetc(tlibc_stdout), -1);
	assert_int_equal(tlibc_errno, EBADF);
	assert_true(tlibc_ferror(tlibc_stdout));
	assert_null(tlibc_fgets(buf, 4, tlibc_stdout));
	assert_int_equal(tlibc_fread(buf, 1, 4, tlibc_stdout), 0);
	tlibc_clearerr(tlibc_stdout);
}

/* Descriptor 0 has no input in the hooks' process: stdin is at its end. */
static void test_stdin_at_end(void **state)
{
	(void)state;
	assert_int_equal(tlibc_getchar(), -1);
	assert_true(tlibc_feof(tlibc_stdin));
	assert_false(tlibc_ferror(tlibc_stdin));
	tlibc_clearerr(tlibc_stdin);
}

/* What descriptor 0 gives, stdin and scanf read, in order. */
static void test_stdin_reads_descriptor_0(void **state)
{
	static const char text[] = "12 apples\nsecond line\n";
	char word[16], line[32];
	int n = 0;

	(void)state;
	feed(text, sizeof(text) - 1);
	stdin_source = chunked_read;
	assert_int_equal(tlibc_scanf("%d %15s", &n, word), 2);
	assert_int_equal(n, 12);
	assert_string_equal(word, "apples");
	assert_int_equal(tlibc_getchar(), '\n');
	assert_ptr_equal(tlibc_fgets(line, sizeof(line), tlibc_stdin), line);
	assert_string_equal(line, "second line\n");
	assert_int_equal(tlibc_getchar(), -1);
	assert_true(tlibc_feof(tlibc_stdin));
	assert_int_equal(tlibc_read(0, line, sizeof(line)), 0);
}

static void test_read_0_error(void **state)
{
	char buf[4];

	(void)state;
	stdin_source = failing_read;
	assert_int_equal(tlibc_read(0, buf, sizeof(buf)), -1);
	assert_int_equal(tlibc_errno, EIO);
	assert_int_equal(tlibc_fgetc(tlibc_stdin), -1);
	assert_true(tlibc_ferror(tlibc_stdin));
	assert_false(tlibc_feof(tlibc_stdin));
}

static void test_no_files_yet(void **state)
{
	(void)state;
	assert_null(tlibc_fopen("/etc/motd", "r"));
	assert_int_equal(tlibc_errno, ENOSYS);
	assert_null(tlibc_fopen("out.txt", "w+b"));
	assert_int_equal(tlibc_errno, ENOSYS);
	assert_null(tlibc_fopen("x", "rw"));
	assert_int_equal(tlibc_errno, EINVAL);
	assert_null(tlibc_fopen("x", "q"));
	assert_int_equal(tlibc_errno, EINVAL);
	assert_null(tlibc_fopen("", "r"));
	assert_int_equal(tlibc_errno, ENOENT);
	assert_null(tlibc_freopen("in.txt", "rb", tlibc_stdin));
	assert_int_equal(tlibc_errno, ENOSYS);
	assert_ptr_equal(tlibc_freopen(NULL, "rb", tlibc_stdin), tlibc_stdin);
	assert_int_equal(tlibc_remove("a"), -1);
	assert_int_equal(tlibc_errno, ENOSYS);
	assert_int_equal(tlibc_rename("a", "b"), -1);
	assert_int_equal(tlibc_errno, ENOSYS);
}

static void test_standard_streams_cannot_seek(void **state)
{
	(void)state;
	assert_int_equal(tlibc_fseek(tlibc_stdin, 0, 0), -1);
	assert_int_equal(tlibc_errno, ESPIPE);
	assert_int_equal(tlibc_fseek(tlibc_stdout, 0, 7), -1);
	assert_int_equal(tlibc_errno, EINVAL);
	assert_int_equal(tlibc_ftell(tlibc_stdout), -1);
	assert_int_equal(tlibc_errno, ESPIPE);
}

static void test_setvbuf_and_fclose(void **state)
{
	(void)state;
	assert_int_equal(tlibc_setvbuf(tlibc_stdout, NULL, 9, 0), -1);
	assert_int_equal(tlibc_errno, EINVAL);
	assert_int_equal(tlibc_setvbuf(tlibc_stdout, NULL, IONBF, 0), 0);
	tlibc_printf("no newline");
	assert_string_equal(console_text, "no newline");
	assert_int_equal(tlibc_setvbuf(tlibc_stdout, NULL, IOLBF, 0), 0);
	tlibc_printf(" more");
	assert_string_equal(console_text, "no newline");
	/* fclose flushes; the stream stays usable. */
	assert_int_equal(tlibc_fclose(tlibc_stdout), 0);
	assert_string_equal(console_text, "no newline more");
	assert_int_equal(tlibc_setvbuf(tlibc_stdout, NULL, IOFBF, 0), 0);
	assert_int_equal(tlibc_puts(" line"), 0);
	assert_string_equal(console_text, "no newline more line\n");
}

static void test_tmpnam_names_differ(void **state)
{
	char a[20], b[20];

	(void)state;
	assert_ptr_equal(tlibc_tmpnam(a), a);
	assert_ptr_equal(tlibc_tmpnam(b), b);
	assert_string_not_equal(a, b);
	assert_non_null(tlibc_tmpnam(NULL));
	assert_true(strlen(a) < 20);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_fgets_lines_across_refills, reset),
		cmocka_unit_test_setup(test_fgets_short_buffer, reset),
		cmocka_unit_test_setup(test_fread_counts_whole_items, reset),
		cmocka_unit_test_setup(test_getc_ungetc_feof_clearerr, reset),
		cmocka_unit_test_setup(test_input_from_an_output_stream, reset),
		cmocka_unit_test_setup(test_stdin_at_end, reset),
		cmocka_unit_test_setup(test_stdin_reads_descriptor_0, reset),
		cmocka_unit_test_setup(test_read_0_error, reset),
		cmocka_unit_test_setup(test_no_files_yet, reset),
		cmocka_unit_test_setup(test_standard_streams_cannot_seek, reset),
		cmocka_unit_test_setup(test_setvbuf_and_fclose, reset),
		cmocka_unit_test_setup(test_tmpnam_names_differ, reset),
	};

	return cmocka_run_group_tests_name("libc stdin and streams", tests, NULL, NULL);
}
