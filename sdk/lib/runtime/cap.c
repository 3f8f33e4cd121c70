/* Capability calls of <atxf/sys.h>: query, derive, grant, drop, MMIO holes. */
#include <atxf/sys.h>
#include "trap.h"

int atxf_cap_query(atxf_handle_t h, struct atxf_cap_info *info)
{
	return (int)sys_CAP_QUERY(h, ATXF_PTR(info));
}

atxf_handle_t atxf_cap_derive(atxf_handle_t h, uint64_t base, uint64_t size, uint32_t rights)
{
	return (atxf_handle_t)sys_CAP_DERIVE(h, (long)base, (long)size, rights);
}

atxf_handle_t atxf_cap_grant(atxf_handle_t h, uint32_t pid, uint32_t rights)
{
	return (atxf_handle_t)sys_CAP_GRANT(h, pid, rights);
}

int atxf_cap_drop(atxf_handle_t h)
{
	return (int)sys_CAP_DROP(h);
}

int atxf_mmio_hole(atxf_handle_t mmio, uint64_t offset, uint64_t len)
{
	return (int)sys_MMIO_HOLE(mmio, (long)offset, (long)len);
}
