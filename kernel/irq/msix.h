/*
 * MSI-X of a PCI function (PCI 3.0 §6.8.2): a table of vectors in one of
 * its BARs, each with its own address, data and mask bit. The kernel owns
 * the table and the PBA (devmgr leaves their pages out of BAR grants, and
 * SYS_PCI_CONFIG_WRITE refuses the capability), so a driver cannot aim a
 * vector anywhere. QEMU's virtio-pci (modern), nvme and qemu-xhci use it.
 * Guarded by cap_lock.
 */
#ifndef IRQ_MSIX_H
#define IRQ_MSIX_H

#include <stdbool.h>
#include <stdint.h>

/* Gives table entry `entry` of function bdf a vector and points it there,
 * masked; turns MSI-X on with the first entry. The vector, or
 * -ATXF_ENODEV (no MSI-X, or its table BAR is not memory), -ATXF_ERANGE
 * (no such entry), -ATXF_EBUSY (its MSI is on), -ATXF_ENOSPC (no vector
 * or function slot left). */
int msix_enable(uint32_t bdf, unsigned entry);
/* Sets the entry's mask bit: a message it would send while masked waits in
 * the PBA and is sent when it is unmasked (§6.8.2.9). */
void msix_mask(uint32_t bdf, unsigned entry, bool masked);
/* Masks the entry and frees its vector; MSI-X goes off with the last. */
void msix_disable(uint32_t bdf, unsigned entry, unsigned vector);
/* Whether the kernel has MSI-X on for bdf (MSI is then refused). */
bool msix_is_on(uint32_t bdf);

#endif
