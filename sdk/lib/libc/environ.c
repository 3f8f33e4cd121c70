/*
 * environ (POSIX): the process's environment, which the runtime points at
 * the NAME=VALUE strings the kernel put on the start stack (the spawner's
 * choice: init's `env` lines, atxf-run's --env). Alone in its object so that
 * start-up, which sets it, does not link getenv's and setenv's code (and
 * the heap behind setenv) into every program: getenv.c has those.
 */
#include <unistd.h>

static char *no_env[1];
char **environ = no_env;
