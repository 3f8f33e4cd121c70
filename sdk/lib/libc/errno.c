/* errno: one per thread (C11 7.5p2), in the thread's TLS block (tls.c). */
#include <errno.h>

#undef errno
__thread int errno;
