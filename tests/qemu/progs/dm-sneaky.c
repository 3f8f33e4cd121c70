/*
 * dm-sneaky.atxf: a driver whose manifest matches the i8042 but asks for
 * none of its ports, started by devmgr like any driver. It must not be
 * able to touch the controller: SYS_IO_INB(0x60) is refused with
 * -ATXF_EPERM, and a direct `inb 0x60` ends it with #GP (status 141), which
 * devmgr logs (NO_RESTART: it is not started again). Output:
 *   dm-sneaky.i8042: SYS_IO_INB(0x60) = -EPERM: refused ok
 *   dm-sneaky.i8042: direct inb 0x60 next: the kernel must end this process
 * A system call that was not refused, or an `in` that returns, prints a
 * FAIL line and fails the probe.
 */
#include <stdint.h>
#include <atxf/driver/input.h>
#include <atxf/sys.h>

#define PS2_DATA 0x60

ATXF_DRIVER_MANIFEST(
	.name = "dm-sneaky",
	.device_class = ATXF_CLASS_INPUT,
	.flags = ATXF_MANIFEST_F_NO_RESTART,
	.match = { ATXF_MATCH_LEGACY_DEVICE("i8042") });

static int on_probe(struct atxf_device *dev)
{
	long v = atxf_syscall(SYS_IO_INB, PS2_DATA, 0, 0, 0, 0, 0);
	uint8_t b;

	if (v != -ATXF_EPERM) {
		atxf_device_log(dev, "FAIL: SYS_IO_INB(0x60) returned %ld, not -EPERM", v);
		return -ATXF_EIO;
	}
	atxf_device_log(dev, "SYS_IO_INB(0x60) = -EPERM: refused ok");
	atxf_device_log(dev, "direct inb 0x60 next: the kernel must end this process");
	__asm__ volatile("inb %w1, %b0" : "=a"(b) : "Nd"((uint16_t)PS2_DATA));
	atxf_device_log(dev, "FAIL: still alive (read 0x%02x)", b);
	return -ATXF_EIO;
}

static const struct atxf_driver ops = {
	.name = "dm-sneaky",
	.cls = &atxf_input_class, /* reports only: no ops */
	.probe = on_probe,
};

int main(void)
{
	return atxf_driver_run(&ops);
}
