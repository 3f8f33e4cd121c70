/* atxf_syscall(): the raw trap, for calls libatxf has no wrapper for yet. */
#include <atxf/sys.h>
#include "trap.h"

long atxf_syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
	return atxf_trap(nr, a1, a2, a3, a4, a5, a6);
}
