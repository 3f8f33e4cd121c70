/*
 * hello.atxf: the smallest user program of the QEMU scenarios and of
 * atxf-run's own check. Prints its arguments through printf and exits with
 * the number in argv[1], so a test can see both the console and the exit
 * status travel from ring 3 to the host (init's exit-with, isa-debug-exit).
 *
 *   hello.atxf [STATUS [ARG ...]]
 *
 * Output, one line each:
 *   hello from hello.atxf: argc N
 *   argv[i] = S                      (for every i < argc)
 */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	printf("hello from hello.atxf: argc %d\n", argc);
	for (int i = 0; i < argc; i++)
		printf("argv[%d] = %s\n", i, argv[i]);
	return argc > 1 ? atoi(argv[1]) : 0;
}
