/*
 * Shared by the libc's host tests (tests/unit/test_libc_*.c).
 *
 * The shipped libc is linked into the tests with every symbol renamed
 * tlibc_* (objcopy --prefix-symbols, see tests/unit/libc.mk), so it can sit
 * beside glibc and be compared with it. This header declares it under those
 * names, together with the stand-ins for the runtime hooks
 * (test_libc_hooks.c) and a seeded random number generator.
 */
#ifndef TEST_LIBC_H
#define TEST_LIBC_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* ---- random numbers: xorshift64*, seeded from LIBC_TEST_SEED or a constant */

uint64_t libc_test_seed(void);          /* prints the seed it uses */

static inline uint64_t rng_next(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 0x2545F4914F6CDD1DULL;
}

/* Uniform in [0, n); n > 0. */
static inline uint64_t rng_below(uint64_t *s, uint64_t n)
{
	return rng_next(s) % n;
}

/* ---- the runtime hooks, played by test_libc_hooks.c */

/* Everything written to the debug console since console_reset(). */
extern char console_text[1 << 16];
extern size_t console_len;
extern unsigned console_writes;         /* calls to atxf_debug_write */
extern unsigned long console_max_write; /* accept at most this much per call */
extern int console_fail;                /* make every write fail */
void console_reset(void);

/* Descriptor 0's input (atxf_stdin_read): what stdin_source returns, or
 * the end of the input while it is NULL. */
extern long (*stdin_source)(char *buf, unsigned long len);

/* Memory for atxf_heap_grow: at most arena_limit bytes in all. */
extern size_t arena_limit;
extern size_t arena_used;
extern size_t arena_released;   /* bytes given back with atxf_heap_release */

/*
 * atxf_exit: records the status and longjmps to exit_jump, which
 * EXPECT_EXIT sets; an exit nobody expected fails the whole program.
 */
extern jmp_buf *exit_jump;
extern int exit_status;

#define EXPECT_EXIT(stmt)                                               \
	do {                                                            \
		jmp_buf jb_;                                            \
		exit_jump = &jb_;                                       \
		if (setjmp(jb_) == 0) {                                 \
			stmt;                                           \
			exit_jump = NULL;                               \
			fail_msg("%s returned instead of exiting", #stmt); \
		}                                                       \
		exit_jump = NULL;                                       \
	} while (0)

/* ---- the libc under test (sdk/lib/libc, built for the target, renamed) */

struct atxf_stream;
extern struct atxf_stream *const tlibc_stdout;
extern struct atxf_stream *const tlibc_stderr;
extern __thread int tlibc_errno;  /* thread-local, like errno */

int tlibc_printf(const char *fmt, ...);
int tlibc_fprintf(struct atxf_stream *f, const char *fmt, ...);
int tlibc_sprintf(char *buf, const char *fmt, ...);
int tlibc_snprintf(char *buf, size_t size, const char *fmt, ...);
int tlibc_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int tlibc_puts(const char *s);
int tlibc_putchar(int c);
int tlibc_fputc(int c, struct atxf_stream *f);
int tlibc_putc(int c, struct atxf_stream *f);
int tlibc_fputs(const char *s, struct atxf_stream *f);
size_t tlibc_fwrite(const void *buf, size_t size, size_t n, struct atxf_stream *f);
int tlibc_fflush(struct atxf_stream *f);
int tlibc_ferror(struct atxf_stream *f);
void tlibc_clearerr(struct atxf_stream *f);

void *tlibc_malloc(size_t n);
void *tlibc_calloc(size_t n, size_t size);
void *tlibc_realloc(void *p, size_t n);
void *tlibc_aligned_alloc(size_t align, size_t n);
void tlibc_free(void *p);
int tlibc_atxf_heap_check(void);
_Noreturn void tlibc_abort(void);
_Noreturn void tlibc___atxf_assert_fail(const char *expr, const char *file, int line,
					const char *func);

void *tlibc_memcpy(void *dst, const void *src, size_t n);
void *tlibc_memmove(void *dst, const void *src, size_t n);
void *tlibc_memset(void *dst, int c, size_t n);
int tlibc_memcmp(const void *a, const void *b, size_t n);
void *tlibc_memchr(const void *s, int c, size_t n);
size_t tlibc_strlen(const char *s);
size_t tlibc_strnlen(const char *s, size_t maxlen);
int tlibc_strcmp(const char *a, const char *b);
int tlibc_strncmp(const char *a, const char *b, size_t n);
char *tlibc_strcpy(char *dst, const char *src);
char *tlibc_stpcpy(char *dst, const char *src);
char *tlibc_strncpy(char *dst, const char *src, size_t n);
char *tlibc_strcat(char *dst, const char *src);
char *tlibc_strncat(char *dst, const char *src, size_t n);
char *tlibc_strchr(const char *s, int c);
char *tlibc_strrchr(const char *s, int c);
char *tlibc_strstr(const char *haystack, const char *needle);
size_t tlibc_strspn(const char *s, const char *accept);
size_t tlibc_strcspn(const char *s, const char *reject);
char *tlibc_strtok_r(char *s, const char *delim, char **saveptr);
char *tlibc_strdup(const char *s);
char *tlibc_strndup(const char *s, size_t n);
int tlibc_strcasecmp(const char *a, const char *b);
int tlibc_strncasecmp(const char *a, const char *b, size_t n);

int tlibc_isalnum(int c);
int tlibc_isalpha(int c);
int tlibc_isblank(int c);
int tlibc_iscntrl(int c);
int tlibc_isdigit(int c);
int tlibc_isgraph(int c);
int tlibc_islower(int c);
int tlibc_isprint(int c);
int tlibc_ispunct(int c);
int tlibc_isspace(int c);
int tlibc_isupper(int c);
int tlibc_isxdigit(int c);
int tlibc_tolower(int c);
int tlibc_toupper(int c);

long tlibc_strtol(const char *s, char **endptr, int base);
long long tlibc_strtoll(const char *s, char **endptr, int base);
unsigned long tlibc_strtoul(const char *s, char **endptr, int base);
unsigned long long tlibc_strtoull(const char *s, char **endptr, int base);
intmax_t tlibc_strtoimax(const char *s, char **endptr, int base);
uintmax_t tlibc_strtoumax(const char *s, char **endptr, int base);
int tlibc_atoi(const char *s);
long tlibc_atol(const char *s);
long long tlibc_atoll(const char *s);
int tlibc_abs(int j);
long tlibc_labs(long j);
long long tlibc_llabs(long long j);
intmax_t tlibc_imaxabs(intmax_t j);
void tlibc_qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
void *tlibc_bsearch(const void *key, const void *base, size_t n, size_t size,
		    int (*cmp)(const void *, const void *));

#endif /* TEST_LIBC_H */
