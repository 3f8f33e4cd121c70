/*
 * virtio-gpu: the display driver of QEMU's -device virtio-gpu-pci (virtio
 * 1.x, 2D), on the SDK's virtio library. It starts scanout 0 in the mode
 * GET_DISPLAY_INFO prefers, reads the monitor's EDID, and serves the
 * display class: FLUSH copies the client's rectangle into the resource's
 * backing and has the host transfer and show it; SET_MODE makes a new
 * resource; SET_CURSOR and MOVE_CURSOR drive the cursor queue (a hardware
 * cursor the host's UI draws). The device logic is vgpu.c, vgpu_cursor.c.
 */
#include <atxf/driver/display.h>
#include <atxf/sys.h>
#include "vgpu.h"
#include "vgpu_reg.h"

#define FALLBACK_WIDTH  1024
#define FALLBACK_HEIGHT 768

ATXF_DRIVER_MANIFEST(
	.name = "virtio-gpu",
	.device_class = ATXF_CLASS_DISPLAY,
	.match = { ATXF_MATCH_PCI(VIRTIO_PCI_VENDOR, VIRTIO_PCI_GPU) },
	.resources = {
		ATXF_RESOURCE_PCI_CONFIG(),     /* the virtio capabilities */
		ATXF_RESOURCE_BAR(4),           /* QEMU puts every virtio structure here */
		ATXF_RESOURCE_PCI_IRQS(1, 2),   /* MSI-X: configuration changes, the queues */
		ATXF_RESOURCE_DMA(VGPU_DMA_BYTES),
	});

static struct vgpu gpu;

static uint16_t queue_vector(const struct atxf_device *dev)
{
	const struct atxf_resource_grant *irq = atxf_device_resource(dev, ATXF_RES_PCI_IRQ, 0);

	return irq && irq->size >= 2 ? 1 : 0;
}

static void take_mode(struct atxf_device *dev)
{
	dev->info.display = (struct atxf_display_info){
		.width = gpu.fb.width, .height = gpu.fb.height, .pitch = gpu.fb.pitch,
		.bpp = 32, .format = ATXF_PIXEL_XRGB8888 };
}

static void log_edid(struct atxf_device *dev)
{
	if (!atxf_virtio_has(&gpu.vd, VGPU_F_EDID))
		atxf_device_log(dev, "no EDID (the device does not offer it)");
	else if (!gpu.edid.valid)
		atxf_device_log(dev, "EDID refused: bad header or checksum");
	else
		atxf_device_log(dev, "EDID: monitor \"%s\", preferred %ux%u", gpu.edid.name,
				gpu.edid.width, gpu.edid.height);
}

static int on_probe(struct atxf_device *dev)
{
	uint32_t w, h;
	int err = atxf_virtio_probe(&gpu.vd, dev);

	if (!err)
		err = vgpu_start(&gpu, dev, queue_vector(dev));
	if (err) {
		atxf_device_log(dev, "virtio-gpu did not start: %s: %s", atxf_strerror(err),
				atxf_virtio_error(&gpu.vd));
		return err;
	}
	w = gpu.pref_width ? gpu.pref_width : FALLBACK_WIDTH;
	h = gpu.pref_height ? gpu.pref_height : FALLBACK_HEIGHT;
	err = vgpu_set_mode(&gpu, w, h);
	if (err) {
		atxf_device_log(dev, "scanout 0 at %ux%u refused: %s (response %#x)", w, h,
				atxf_strerror(err), gpu.refused);
		return err;
	}
	take_mode(dev);
	atxf_device_log(dev, "virtio 1.x, features %#llx, %u scanout(s): mode %ux%ux32, pitch %u",
			(unsigned long long)gpu.vd.features, gpu.scanouts, gpu.fb.width,
			gpu.fb.height, gpu.fb.pitch);
	log_edid(dev);
	return 0;
}

static int on_flush(struct atxf_device *dev, const void *src, uint32_t x, uint32_t y,
		    uint32_t w, uint32_t h)
{
	int err = vgpu_flush(&gpu, src, x, y, w, h);

	if (err)
		atxf_device_log(dev, "flush refused: %s (response %#x)", atxf_strerror(err),
				gpu.refused);
	return err;
}

static int on_set_mode(struct atxf_device *dev, uint32_t width, uint32_t height)
{
	int err = vgpu_set_mode(&gpu, width, height);

	if (err) {
		atxf_device_log(dev, "mode %ux%u refused: %s (response %#x)", width, height,
				atxf_strerror(err), gpu.refused);
		return err;
	}
	take_mode(dev);
	atxf_device_log(dev, "mode %ux%ux32, pitch %u", gpu.fb.width, gpu.fb.height, gpu.fb.pitch);
	return 0;
}

static int on_set_cursor(struct atxf_device *dev, const uint32_t *argb, uint32_t hot_x,
			 uint32_t hot_y, uint32_t x, uint32_t y)
{
	int err = vgpu_cursor_set(&gpu, argb, hot_x, hot_y, x, y);

	if (err)
		atxf_device_log(dev, "cursor refused: %s (response %#x)", atxf_strerror(err),
				gpu.refused);
	else
		atxf_device_log(dev, "cursor: resource %u, hot spot %u,%u, at %u,%u",
				gpu.cursor.id, hot_x, hot_y, x, y);
	return err;
}

static int on_move_cursor(struct atxf_device *dev, uint32_t x, uint32_t y)
{
	int err = vgpu_cursor_move(&gpu, x, y);

	if (err)
		atxf_device_log(dev, "cursor move to %u,%u refused: %s", x, y, atxf_strerror(err));
	return err;
}

/* A configuration change: the host's display layout moved (a window resized). */
static void on_irq(struct atxf_device *dev, unsigned n)
{
	(void)n;
	if (!(vgpu_events(&gpu) & VGPU_EVENT_DISPLAY) || vgpu_display_info(&gpu))
		return;
	atxf_device_log(dev, "display changed: scanout 0 now prefers %ux%u", gpu.pref_width,
			gpu.pref_height);
}

static const struct atxf_display_ops display_ops = {
	.flush = on_flush,
	.set_mode = on_set_mode,
	.set_cursor = on_set_cursor,
	.move_cursor = on_move_cursor,
};
static const struct atxf_driver ops = {
	.name = "virtio-gpu",
	.probe = on_probe,
	.irq = on_irq,
	ATXF_DISPLAY_OPS(display_ops),
};

int main(void)
{
	return atxf_driver_run(&ops);
}
