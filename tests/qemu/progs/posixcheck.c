/*
 * posixcheck.atxf: the C11/POSIX parts of the libc on the target, as a user
 * checks them (scenarios_libcposix.py). One mode per run:
 *
 *   posixcheck.atxf basics NAME...  setjmp/longjmp, signal/raise, the
 *                      descriptors (isatty, write, read, close, lseek, open),
 *                      the clocks and nanosleep, strftime of the wall clock,
 *                      and getenv of each NAME. Prints "ok: WHAT" or
 *                      "FAIL: WHAT: why" per check, "time: SECONDS" and
 *                      "date: YYYY-MM-DD HH:MM:SS" (the wall clock, for the
 *                      scenario to compare with the host's), "env: NAME=VALUE"
 *                      or "env: NAME unset", and exits with the failures.
 *   posixcheck.atxf raise SIG      raise(SIG) with the default action: the
 *                      process ends with 128 + SIG, "still alive" never shows.
 *   posixcheck.atxf fault          installs a SIGSEGV handler, then reads
 *                      address 0: the kernel ends the process (status 142,
 *                      #PF) and the handler never runs (docs/libc.md).
 *   posixcheck.atxf atexit         registers two atexit functions, which
 *                      print "atexit 2" then "atexit 1", and exits 5.
 *   posixcheck.atxf system         system(): "hello.atxf 3 from-system"
 *                      (hello's lines, then its status 3), "posixcheck.atxf
 *                      raise 15" (143), a missing program (ENOENT) and an
 *                      empty command (EINVAL); "ok:"/"FAIL:" lines as basics.
 *   posixcheck.atxf spawn-env      (started `with root`) SYS_PROC_SPAWN refuses
 *                      a bad environment before it looks at the image: a
 *                      string without '=', an empty name, 33 strings, a bad
 *                      pointer; a good one gets as far as the (empty) image.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <atxf/errors.h>
#include <atxf/sys.h>

#define EXIT_USAGE 2
#define EXIT_ALIVE 99
#define SLEEP_NS   50000000l        /* 50 ms */

static int failures;

static void check(int ok, const char *what, const char *why)
{
	if (ok) {
		printf("ok: %s\n", what);
		return;
	}
	printf("FAIL: %s: %s\n", what, why);
	failures++;
}

static jmp_buf jb;
static int depth;

/* Calls itself 9 times and longjmps from the bottom; the return is for
 * gcc, which calls a function with no way back infinitely recursive. */
static void dive(int n)
{
	depth = n;
	if (n > 10)
		return;
	if (n < 10)
		dive(n + 1);
	longjmp(jb, 0);                 /* 0 must come back as 1 */
}

static void check_setjmp(void)
{
	volatile int passes = 0;
	int r = setjmp(jb);

	passes++;
	if (r == 0)
		dive(1);
	check(r == 1 && passes == 2 && depth == 10, "setjmp/longjmp from 10 calls deep",
	      "wrong value or local");
}

static volatile sig_atomic_t caught;

static void on_signal(int sig)
{
	caught = sig;
}

static void check_signals(void)
{
	check(signal(SIGUSR1, on_signal) == SIG_DFL, "signal() returns the old handler",
	      "not SIG_DFL");
	check(raise(SIGUSR1) == 0 && caught == SIGUSR1, "raise() runs the handler",
	      "handler did not run");
	signal(SIGUSR1, SIG_IGN);
	caught = 0;
	check(raise(SIGUSR1) == 0 && caught == 0, "raise() of an ignored signal", "handler ran");
	check(signal(SIGKILL, on_signal) == SIG_ERR && errno == EINVAL,
	      "SIGKILL cannot be caught", "accepted");
}

static void check_fds(void)
{
	static const char msg[] = "write(1): straight to the console\n";
	char buf[4];

	fflush(stdout);
	check(write(1, msg, sizeof(msg) - 1) == (ssize_t)(sizeof(msg) - 1), "write(1)",
	      "short or failed");
	check(isatty(1) && isatty(2), "isatty(1) and isatty(2)", "not a terminal");
	errno = 0;
	check(!isatty(0) && errno == ENOTTY, "isatty(0) is 0, ENOTTY", "wrong");
	errno = 0;
	check(!isatty(7) && errno == EBADF, "isatty(7) is 0, EBADF", "wrong");
	check(read(0, buf, sizeof(buf)) == 0, "read(0) is end of file", "not 0");
	check(lseek(1, 0, SEEK_SET) == -1 && errno == ESPIPE, "lseek(1) is ESPIPE", "wrong");
	check(open("/etc/motd", O_RDONLY) == -1 && errno == ENOSYS, "open() is ENOSYS",
	      "wrong");
	check(close(0) == 0 && close(0) == -1 && errno == EBADF, "close(0) twice", "wrong");
	check(getpid() > 1, "getpid()", "not above init's 1");
	check(getppid() == 1, "getppid() is init's 1", "another parent");
}

static int64_t ns_of(const struct timespec *ts)
{
	return (int64_t)ts->tv_sec * 1000000000 + ts->tv_nsec;
}

static void check_clocks(void)
{
	struct timespec m0, m1, r0, r1, req = { 0, SLEEP_NS };
	char date[32];
	time_t now;
	clock_t c0 = clock();

	clock_gettime(CLOCK_MONOTONIC, &m0);
	clock_gettime(CLOCK_REALTIME, &r0);
	check(nanosleep(&req, NULL) == 0, "nanosleep(50 ms)", "failed");
	clock_gettime(CLOCK_MONOTONIC, &m1);
	clock_gettime(CLOCK_REALTIME, &r1);
	check(ns_of(&m1) - ns_of(&m0) >= SLEEP_NS, "the monotonic clock saw the sleep",
	      "less than 50 ms passed");
	check(ns_of(&r1) - ns_of(&r0) >= SLEEP_NS, "the wall clock saw the sleep",
	      "less than 50 ms passed");
	check(usleep(SLEEP_NS / 1000) == 0, "usleep(50000)", "failed");
	clock_gettime(CLOCK_MONOTONIC, &m0);
	check(ns_of(&m0) - ns_of(&m1) >= SLEEP_NS, "the monotonic clock saw usleep",
	      "less than 50 ms passed");
	for (volatile long i = 0; clock() == c0 && i < 100000000; i++)
		;
	check(clock() > c0, "clock() counts CPU time", "did not move");
	now = time(NULL);
	strftime(date, sizeof(date), "%Y-%m-%d %H:%M:%S", gmtime(&now));
	printf("time: %ld\ndate: %s\n", (long)now, date);
	check(now == mktime(localtime(&now)), "mktime(localtime(t)) == t", "differs");
}

static int basics(int argc, char **argv)
{
	check_setjmp();
	check_signals();
	check_fds();
	check_clocks();
	for (int i = 2; i < argc; i++) {
		const char *v = getenv(argv[i]);

		if (v)
			printf("env: %s=%s\n", argv[i], v);
		else
			printf("env: %s unset\n", argv[i]);
	}
	printf("failures: %d\n", failures);
	return failures;
}

static int check_system(void)
{
	int r;

	check(system(NULL) == 1, "system(NULL): there is a command processor", "says none");
	r = system("hello.atxf 3 from-system");
	printf("system: hello.atxf returned 0x%x\n", (unsigned)r);
	check(r != -1 && WIFEXITED(r) && WEXITSTATUS(r) == 3, "system() waits for hello's 3",
	      "wrong status");
	r = system("posixcheck.atxf raise 15");
	check(r != -1 && WEXITSTATUS(r) == 143, "system() sees raise(SIGTERM)'s 143",
	      "wrong status");
	errno = 0;
	check(system("no-such-program.atxf") == -1 && errno == ENOENT,
	      "system() of a missing program is ENOENT", "wrong");
	errno = 0;
	check(system("   ") == -1 && errno == EINVAL, "system() of no words is EINVAL", "wrong");
	printf("failures: %d\n", failures);
	return failures;
}

/* SYS_PROC_SPAWN of an empty image with envc strings from envp. */
static long spawn_with_env(uint32_t envc, const char *const *envp)
{
	const char *argv[] = { "x.atxf" };
	struct atxf_spawn sp = {
		.name = (uint64_t)(uintptr_t)"x.atxf", .argc = 1,
		.argv = (uint64_t)(uintptr_t)argv, .envc = envc,
		.envp = (uint64_t)(uintptr_t)envp,
	};

	return atxf_proc_spawn(&sp);
}

static int check_spawn_env(void)
{
	static const char *const no_eq[] = { "A=1", "NOEQUALS" };
	static const char *const no_name[] = { "=value" };
	static const char *const good[] = { "A=1", "EMPTY=" };
	const char *many[ATXF_SPAWN_MAX_ENV + 1];

	for (int i = 0; i <= ATXF_SPAWN_MAX_ENV; i++)
		many[i] = "A=1";
	check(spawn_with_env(2, no_eq) == -ATXF_EINVAL, "spawn refuses a string without =",
	      "not EINVAL");
	check(spawn_with_env(1, no_name) == -ATXF_EINVAL, "spawn refuses an empty name",
	      "not EINVAL");
	check(spawn_with_env(ATXF_SPAWN_MAX_ENV + 1, many) == -ATXF_EINVAL,
	      "spawn refuses 33 strings", "not EINVAL");
	check(spawn_with_env(1, (const char *const *)(uintptr_t)8) == -ATXF_EFAULT,
	      "spawn refuses a bad envp", "not EFAULT");
	check(spawn_with_env(2, good) == -ATXF_ENOEXEC, "a good environment reaches the image",
	      "not ENOEXEC");
	printf("failures: %d\n", failures);
	return failures;
}

static void on_segv(int sig)
{
	printf("SIGSEGV handler ran (%d)\n", sig);
}

static void bye1(void)
{
	printf("atexit 1\n");
}

static void bye2(void)
{
	printf("atexit 2\n");
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";

	if (!strcmp(mode, "basics"))
		return basics(argc, argv);
	if (!strcmp(mode, "raise") && argc == 3) {
		printf("raising %s\n", argv[2]);
		raise(atoi(argv[2]));
		printf("still alive\n");
		return EXIT_ALIVE;
	}
	if (!strcmp(mode, "fault")) {
		volatile uintptr_t null = 0;    /* volatile: gcc may not make it a ud2 */

		signal(SIGSEGV, on_segv);
		printf("about to read address 0\n");
		fflush(stdout);
		return *(volatile int *)null ? EXIT_ALIVE : EXIT_ALIVE + 1;
	}
	if (!strcmp(mode, "atexit")) {
		atexit(bye1);
		atexit(bye2);
		exit(5);
	}
	if (!strcmp(mode, "system"))
		return check_system();
	if (!strcmp(mode, "spawn-env"))
		return check_spawn_env();
	printf("usage: posixcheck.atxf basics NAME... | raise SIG | fault | atexit | system | spawn-env\n");
	return EXIT_USAGE;
}
