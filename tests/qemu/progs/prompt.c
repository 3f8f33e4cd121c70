/*
 * prompt.atxf: partial lines, the way an interactive program writes them
 * (scenario output-partial, docs/boot.md "The serial console").
 *
 *   prompt> _          printf without newline, fflush, then a sleep: the
 *                      prompt must show while the program waits
 *   (a log line)       the kernel ends the prompt's line before it
 *   answer             the next output starts on a line of its own
 *   bye                no newline, then the program ends: it still shows,
 *                      and the kernel's exit line comes on its own line
 *
 * Without the sleep the prompt would still wait in the kernel for its
 * newline, and the log line would come first: "prompt> answer" whole.
 */
#include <stdio.h>
#include <atxf/log.h>
#include <atxf/sys.h>

#define WAIT_NS 1000000ull      /* 1 ms: any wait shows the prompt */

int main(void)
{
	printf("prompt> ");
	fflush(stdout);
	atxf_sleep_ns(WAIT_NS);
	atxf_log("prompt: logged while the prompt shows\n");
	printf("answer\n");
	printf("bye");
	return 0;
}
