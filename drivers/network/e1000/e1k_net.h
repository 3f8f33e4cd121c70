/*
 * The e1000 family on the net class (<atxf/driver/net.h>): what e1000.c
 * (82540EM, INTx) and e1000e.c (82574L, MSI-X) do alike once the device's
 * interrupt is routed: bring it up in probe, hand received frames to the
 * framework, report link changes, send, promiscuous mode, stop.
 */
#ifndef E1K_NET_H
#define E1K_NET_H

#include <atxf/driver/net.h>
#include "e1000_dev.h"

/* The causes both drivers take: a frame arrived or the ring runs low, link changes. */
#define E1K_CAUSES (E1000_INT_RXT0 | E1000_INT_RXO | E1000_INT_RXDMT0 | E1000_INT_LSC)

extern struct e1k e1k_nic;

/* Bus mastering on, the MAC from the EEPROM, the device started with ims
 * enabled, dev->info.net and the link filled in; logs why not. */
int e1k_net_probe(struct atxf_device *dev, uint32_t ims);

/* After the device interrupted with causes (its ICR): link, then every frame. */
void e1k_net_service(struct atxf_device *dev, uint32_t causes);

int e1k_net_send(struct atxf_device *dev, const void *frame, size_t len);
int e1k_net_promisc(struct atxf_device *dev, int on);
void e1k_net_remove(struct atxf_device *dev);

#endif
