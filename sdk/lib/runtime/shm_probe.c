/*
 * atxf_shm_probe (<atxf/port.h>): is a shared page still the granter's?
 * Asked without touching it: SYS_SHM_PROBE answers from the kernel's
 * records. Since a revoke turns the receiver's pages to a stand-in
 * instead of unmapping them, touching them would not tell anyway.
 */
#include <stdint.h>
#include <atxf/port.h>
#include "trap.h"

int atxf_shm_probe(const volatile void *addr)
{
	return (int)sys_SHM_PROBE(ATXF_PTR(addr));
}
