/* errno: one plain global, since an ATXF process has one thread. */
#include <errno.h>

#undef errno
int errno;
