/*
 * msix-virtio.atxf: a test driver for virtio-rng-pci with the modern
 * transport (disable-legacy=on, vectors=2), on the SDK's virtio library
 * (<atxf/virtio.h>), that makes each MSI-X vector devmgr grants fire
 * through the device's own mechanism (VIRTIO 1.1 §4.1.4.3, §4.1.5.1.2)
 * and sees it as irq(dev, i):
 *   vector 1, the request queue's: a buffer made available is filled with
 *     random bytes and put in the used ring;
 *   vector 0, the configuration vector: an available-ring entry naming a
 *     descriptor past the queue's size (written past the library, which
 *     would never publish one) is a device error (QEMU's
 *     virtqueue_get_head), which sets DEVICE_NEEDS_RESET and signals a
 *     configuration change (§2.1.2).
 * Logs "irq(dev, I): ..." per vector and "all 2 vectors fired".
 */
#include <atxf/driver/rng.h>
#include <atxf/hw.h>
#include <atxf/sys.h>
#include <atxf/virtio.h>
#include "msix_check.h"

#define QSIZE   8

ATXF_DRIVER_MANIFEST(
	.name = "msix-virtio",
	.device_class = ATXF_CLASS_RNG,
	.flags = ATXF_MANIFEST_F_NO_RESTART,
	.match = { ATXF_MATCH_PCI(VIRTIO_PCI_VENDOR, VIRTIO_PCI_RNG) },
	.resources = { ATXF_RESOURCE_PCI_CONFIG(), ATXF_RESOURCE_BAR(4),
		       ATXF_RESOURCE_PCI_IRQS(2, 2),   /* DMA: the queue, a page for the buffer */
		       ATXF_RESOURCE_DMA((ATXF_VIRTQ_DMA_BYTES(QSIZE) + 4095u) / 4096u * 4096u + 4096u) });

#define BUF_LEN 16

static struct {
	struct atxf_virtio vd;
	struct atxf_virtq q;
	struct atxf_dma buf;        /* the buffer the device fills */
	struct msix_seen seen;
} vr;

/* Queue 0 on vector 1, configuration changes on vector 0 (§4.1.5.1.2). */
static int start(struct atxf_device *dev)
{
	int err = atxf_virtio_probe(&vr.vd, dev);

	if (!err)
		err = atxf_virtio_begin(&vr.vd, 0);
	if (!err)
		err = atxf_virtio_config_vector(&vr.vd, 0);
	if (!err)
		err = atxf_virtq_setup(&vr.q, &vr.vd, 0, QSIZE, 1);
	if (!err)
		err = atxf_dma_alloc(&vr.vd.tag, BUF_LEN, &vr.buf);
	if (!err)
		err = atxf_virtio_ready(&vr.vd);
	return err;
}

/* §2.6.13: a head of QSIZE or more is the device error. The library checks
 * what it publishes, so this writes the available ring itself. */
static void offer_bad_head(void)
{
	struct atxf_virtq *q = &vr.q;

	q->avail->ring[q->avail_idx % q->size] = QSIZE;
	q->avail_idx++;
	__atomic_store_n(&q->avail->idx, q->avail_idx, __ATOMIC_RELEASE);
	atxf_virtq_kick(q);
}

static int vrng_probe(struct atxf_device *dev)
{
	struct atxf_virtq_buf b;
	int err;

	vr.seen.granted = msix_granted(dev);
	err = start(dev);
	if (err) {
		atxf_device_log(dev, "FAIL: %s: %s", atxf_strerror(err), atxf_virtio_error(&vr.vd));
		return err;
	}
	atxf_device_log(dev, "%u MSI-X vectors granted; queue 0 on vector 1, config on 0",
			vr.seen.granted);
	b = (struct atxf_virtq_buf){ vr.buf.bus_addr, BUF_LEN };
	err = atxf_virtq_add(&vr.q, &b, 0, 1, &vr.buf);
	atxf_virtq_kick(&vr.q);
	return err;
}

static void vrng_irq(struct atxf_device *dev, unsigned i)
{
	void *token;
	uint32_t len = 0;

	if (i == 1 && atxf_virtq_get(&vr.q, &token, &len) == 0 && len == BUF_LEN) {
		msix_saw(dev, &vr.seen, 1, "request queue: 16 random bytes in the used ring");
		offer_bad_head();               /* a device error: the config vector next */
	} else if (i == 0 && atxf_virtio_needs_reset(&vr.vd)) {
		msix_saw(dev, &vr.seen, 0, "configuration change: DEVICE_NEEDS_RESET");
		(void)atxf_virtio_reset(&vr.vd);
	} else {
		atxf_device_log(dev, "FAIL: irq(dev, %u) with nothing to show (used len %u, "
				"%s)", i, len, atxf_virtio_error(&vr.vd));
	}
}

static const struct atxf_driver ops = {
	.name = "msix-virtio",
	.cls = &atxf_rng_class, /* no ops: READ is -ATXF_ENOTSUP */
	.probe = vrng_probe,
	.irq = vrng_irq,
};

int main(void)
{
	return atxf_driver_run(&ops);
}
