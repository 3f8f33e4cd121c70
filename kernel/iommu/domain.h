/* Device domains, inside kernel/iommu: whom a fault is reported against. */
#ifndef IOMMU_DOMAIN_H
#define IOMMU_DOMAIN_H

#include <stdint.h>

#define DOMAIN_NAME_MAX 32

/* The pid and name of the process bdf's domain was last mapped for; 0 and
 * "nobody" if it has none. cap_lock held. */
uint32_t domain_owner_locked(uint32_t bdf, const char **name);

#endif
