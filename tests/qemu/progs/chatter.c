/*
 * chatter.atxf: logs without pause, so that another program's output always
 * has kernel log lines to collide with (scenario output-stream). Never
 * ends; the run ends when the program it disturbs does (exit-with).
 *
 * Logs "chatter: line N" for N = 1, 2, ..., yielding after each line, so
 * that one line comes each time the other program's time slice ends.
 */
#include <atxf/log.h>
#include <atxf/sys.h>

int main(void)
{
	for (unsigned long n = 1;; n++) {
		atxf_log("chatter: line %lu\n", n);
		atxf_yield();
	}
}
