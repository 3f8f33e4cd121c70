/*
 * Partition type names for lsblk: an MBR type byte as "0x83", a GPT type
 * GUID by its usual short name when it is a common one, else the GUID in
 * its textual form (UEFI 2.10 Appendix A: the first three fields are
 * stored little-endian).
 */
#include <stdio.h>
#include <string.h>
#include "part.h"

static const struct {
	const char *guid;
	const char *name;
} known[] = {
	{ "0fc63daf-8483-4772-8e79-3d69d8477de4", "linux" },
	{ "c12a7328-f81f-11d2-ba4b-00a0c93ec93b", "efi" },
	{ "0657fd6d-a4ab-43c4-84e5-0933c84b4f4f", "swap" },
	{ "ebd0a0a2-b9e5-4433-87c0-68b6b72699c7", "msdata" },
	{ "21686148-6449-6e6f-744e-656564454649", "bios-boot" },
};

static void guid_text(const uint8_t *g, char *out, size_t len)
{
	snprintf(out, len, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		 g[3], g[2], g[1], g[0], g[5], g[4], g[7], g[6], g[8], g[9], g[10], g[11], g[12],
		 g[13], g[14], g[15]);
}

void part_type_name(const struct part_table *t, const struct part_entry *e, char *out,
		    size_t out_len)
{
	char text[40];

	if (t->scheme != PART_SCHEME_GPT) {
		snprintf(out, out_len, "0x%02x", e->mbr_type);
		return;
	}
	guid_text(e->type_guid, text, sizeof(text));
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (!strcmp(text, known[i].guid)) {
			snprintf(out, out_len, "%s", known[i].name);
			return;
		}
	snprintf(out, out_len, "%s", text);
}
