/*
 * fb-take.atxf: a display driver's first step, for the boot-iso-screen-
 * handover scenario: started `with fb` on an ISO boot, it maps the boot
 * framebuffer GRUB set up (SYS_MAP_FRAMEBUFFER), which makes the kernel let
 * go of its boot screen, fills the whole of it with one colour and prints
 *   fb-take: filled the WxH boot framebuffer with 0x00204080
 * then exits. The kernel's lines after the hand-over (its own exit line
 * among them) must not appear on the screen. Exit 1 after
 * `fb-take: FAIL: ...`.
 */
#include <stdint.h>
#include <atxf/cap.h>
#include <atxf/hw.h>
#include <atxf/log.h>

#define FILL 0x00204080u

int main(void)
{
	struct atxf_fb_info info;
	volatile uint8_t *fb = atxf_fb_map(&info);

	if (!fb) {
		atxf_log("fb-take: FAIL: no boot framebuffer to map\n");
		return 1;
	}
	if (info.bpp != 32) {
		atxf_log("fb-take: FAIL: the boot framebuffer has %u bits per pixel, not 32\n",
			 info.bpp);
		return 1;
	}
	for (uint32_t y = 0; y < info.height; y++) {
		volatile uint32_t *row = (volatile uint32_t *)(fb + (uint64_t)y * info.pitch);

		for (uint32_t x = 0; x < info.width; x++)
			row[x] = FILL;
	}
	atxf_log("fb-take: filled the %ux%u boot framebuffer with %#010x\n", info.width,
		 info.height, FILL);
	return 0;
}
