/*
 * dm-crashy.atxf: a driver that always exits at once with status 3, for
 * devmgr's give-up rule (docs/devmgr.md). Its manifest matches COM1 and
 * asks for nothing. Prints "dm-crashy: generation N: exiting with 3".
 */
#include <atxf/log.h>
#include <atxf/manifest.h>

ATXF_DRIVER_MANIFEST(
	.name = "dm-crashy",
	.device_class = ATXF_CLASS_CHAR,
	.match = { ATXF_MATCH_LEGACY_DEVICE("COM1") });

int main(int argc, char **argv)
{
	atxf_log("dm-crashy: generation %s: exiting with 3\n", argc > 2 ? argv[2] : "?");
	return 3;
}
