/*
 * dm-greedy.atxf: a driver whose manifest matches COM1 but also asks for
 * COM2's ports, which COM1 does not own: devmgr must refuse to start it
 * (rule 7). If it ever runs it prints "dm-greedy: FAIL: started".
 */
#include <atxf/log.h>
#include <atxf/manifest.h>

ATXF_DRIVER_MANIFEST(
	.name = "dm-greedy",
	.device_class = ATXF_CLASS_CHAR,
	.match = { ATXF_MATCH_LEGACY_DEVICE("COM1") },
	.resources = { ATXF_RESOURCE_IOPORT(0x3f8, 8, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE),
		       ATXF_RESOURCE_IRQ(4),
		       ATXF_RESOURCE_IOPORT(0x2f8, 8, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE) });

int main(void)
{
	atxf_log("dm-greedy: FAIL: started\n");
	return 1;
}
