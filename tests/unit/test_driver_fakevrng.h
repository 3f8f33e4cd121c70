/*
 * A fake virtio-rng (legacy PCI register block, Virtio 1.0 §4.1.4.8) on
 * libatxf-fake's I/O ports and DMA memory, for the tests of the guide's
 * example driver: it records what the driver did and fills the buffers
 * offered to it when the test says the device works.
 */
#ifndef TEST_DRIVER_FAKEVRNG_H
#define TEST_DRIVER_FAKEVRNG_H

#include <stdint.h>

struct fake_vrng {
	uint16_t qsize;             /* what QUEUE_SIZE reads for queue 0 */
	uint16_t qsel;
	uint32_t pfn;               /* the queue's page number, once set */
	uint32_t features;          /* what the driver accepted */
	uint8_t status, isr;
	uint8_t status_log[8];      /* every status write, in order */
	unsigned nstatus, notifies;
	uint16_t seen;              /* available entries consumed */
	uint16_t used;              /* used entries produced */
	int64_t fill;               /* bytes to write per buffer; -1: all of it */
	int64_t claim;              /* the len it reports; -1: what it wrote */
};

extern struct fake_vrng fv;

/* A fresh device with an 8-entry queue (as QEMU's) at I/O port base. */
void fake_vrng_add(uint16_t base);

/* The device works: fills every offered buffer with 0, 1, 2.., sets ISR. */
void fake_vrng_complete(void);

#endif
