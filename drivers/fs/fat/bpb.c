/*
 * The boot sector (BIOS parameter block) checked field by field, the FAT
 * type chosen by cluster count as Microsoft's FAT specification (fatgen103,
 * section 3.5) says, and the FAT32 FSInfo sector, whose free count and
 * next-free hint are only hints (section 5).
 */
#include <stdio.h>
#include <string.h>
#include "fat_impl.h"

static int is_pow2(uint32_t x) { return x && !(x & (x - 1)); }

#define WHY(...) (snprintf(why, why_size, __VA_ARGS__), -ATXF_ECORRUPT)

static int check_basic(struct fat_volume *v, const uint8_t *bs, char *why, size_t why_size)
{
	uint32_t bps = fat_le16(bs + 11), spc = bs[13];

	if (!(bs[0] == 0xEB && bs[2] == 0x90) && bs[0] != 0xE9)
		return WHY("BPB: jump instruction %02x %02x %02x is neither EB xx 90 nor E9", bs[0], bs[1], bs[2]);
	if (bs[510] != 0x55 || bs[511] != 0xAA)
		return WHY("BPB: signature %02x%02x at 510 is not 55AA", bs[510], bs[511]);
	if (bps < 512 || bps > 4096 || !is_pow2(bps))
		return WHY("BPB: bytes per sector %u is not a power of two in 512..4096", bps);
	if (bps != v->disk.sector_size)
		return WHY("BPB: bytes per sector %u differs from the disk's %u", bps, v->disk.sector_size);
	if (!is_pow2(spc))
		return WHY("BPB: sectors per cluster %u is not a power of two", spc);
	if (bps * spc > 65536)
		return WHY("BPB: cluster size %u bytes is over 64 KiB", bps * spc);
	if (fat_le16(bs + 14) == 0)
		return WHY("BPB: reserved sectors 0 (the boot sector itself is one)");
	if (bs[16] < 1 || bs[16] > 2)
		return WHY("BPB: number of FATs %u is not 1 or 2", bs[16]);
	if (bs[21] != 0xF0 && bs[21] < 0xF8)
		return WHY("BPB: media byte %02x is not F0 or F8..FF", bs[21]);
	v->bps = bps;
	v->spc = spc;
	v->cluster_size = bps * spc;
	v->nfats = bs[16];
	return 0;
}

static int check_sizes(struct fat_volume *v, const uint8_t *bs, char *why, size_t why_size)
{
	uint32_t total = fat_le16(bs + 19) ? fat_le16(bs + 19) : fat_le32(bs + 32);
	uint32_t fatsz = fat_le16(bs + 22) ? fat_le16(bs + 22) : fat_le32(bs + 36);
	uint32_t reserved = fat_le16(bs + 14);
	uint64_t meta;

	v->root_entries = fat_le16(bs + 17);
	v->root_sectors = (v->root_entries * 32 + v->bps - 1) / v->bps;
	if (total == 0)
		return WHY("BPB: total sectors is 0 in both the 16- and 32-bit fields");
	if (total > v->disk.sectors)
		return WHY("BPB: total sectors %u is past the disk's %llu", total,
			   (unsigned long long)v->disk.sectors);
	if (fatsz == 0)
		return WHY("BPB: FAT size is 0 sectors");
	meta = reserved + (uint64_t)v->nfats * fatsz + v->root_sectors;
	if (meta >= total)
		return WHY("BPB: reserved, FAT and root sectors (%llu) leave no data area in %u sectors",
			   (unsigned long long)meta, total);
	v->fat_sectors = fatsz;
	v->fat_start = reserved;
	v->root_start = reserved + (uint64_t)v->nfats * fatsz;
	v->data_start = meta;
	v->clusters = (uint32_t)((total - meta) / v->spc);
	if (v->clusters < 1)
		return WHY("BPB: the data area holds no cluster");
	return 0;
}

/* fatgen103 3.5: the type follows from the cluster count, nothing else. */
static int check_type(struct fat_volume *v, const uint8_t *bs, char *why, size_t why_size)
{
	uint64_t need_bits;

	v->type = v->clusters < 4085 ? FAT_TYPE_12 : v->clusters < 65525 ? FAT_TYPE_16 : FAT_TYPE_32;
	if (v->type == FAT_TYPE_32) {
		if (v->clusters > 0x0FFFFFF5u)
			return WHY("BPB: %u clusters is more than FAT32 can number", v->clusters);
		if (fat_le16(bs + 22) != 0)
			return WHY("BPB: FAT32 (%u clusters) with a 16-bit FAT size", v->clusters);
		if (v->root_entries != 0)
			return WHY("BPB: FAT32 with root entries %u (must be 0)", v->root_entries);
		if (fat_le16(bs + 42) != 0)
			return WHY("BPB: FAT32 version %04x is not 0.0", fat_le16(bs + 42));
		v->root_cluster = fat_le32(bs + 44);
		if (!fat_valid_cluster(v, v->root_cluster))
			return WHY("BPB: root cluster %u is outside 2..%u", v->root_cluster, v->clusters + 1);
		v->fsinfo_sector = fat_le16(bs + 48);
		if (v->fsinfo_sector == 0xFFFF)
			v->fsinfo_sector = 0;
		if (v->fsinfo_sector >= v->fat_start)
			return WHY("BPB: FSInfo sector %u is outside the %llu reserved sectors",
				   v->fsinfo_sector, (unsigned long long)v->fat_start);
	} else if (v->root_entries == 0) {
		return WHY("BPB: FAT%d (%u clusters) with root entries 0", v->type, v->clusters);
	}
	need_bits = (uint64_t)(v->clusters + 2) * (v->type == FAT_TYPE_12 ? 12 : v->type);
	if ((uint64_t)v->fat_sectors * v->bps * 8 < need_bits)
		return WHY("BPB: FAT size %u sectors is too small for %u clusters", v->fat_sectors,
			   v->clusters);
	return 0;
}

static void read_label(struct fat_volume *v, const uint8_t *bs)
{
	const uint8_t *p = bs + (v->type == FAT_TYPE_32 ? 66 : 38);
	int i;

	v->label[0] = 0;
	if (p[0] != 0x29)
		return;         /* no extended boot signature: no label field */
	memcpy(v->label, p + 5, 11);
	for (i = 11; i > 0 && (v->label[i - 1] == ' ' || v->label[i - 1] == 0); i--)
		;
	v->label[i] = 0;
	for (i = 0; v->label[i]; i++)
		if ((uint8_t)v->label[i] < 0x20 || (uint8_t)v->label[i] > 0x7E)
			v->label[i] = '?';
	if (!strcmp(v->label, "NO NAME"))
		v->label[0] = 0;
}

int fat_bpb_parse(struct fat_volume *v, const uint8_t *bs, char *why, size_t why_size)
{
	int rc = check_basic(v, bs, why, why_size);

	if (!rc)
		rc = check_sizes(v, bs, why, why_size);
	if (!rc)
		rc = check_type(v, bs, why, why_size);
	if (!rc)
		read_label(v, bs);
	return rc;
}

/* FSInfo (fatgen103 5): lead 0x41615252, struct 0x61417272, trail 0xAA550000. */
static int fsinfo_valid(const uint8_t *s)
{
	return fat_le32(s) == 0x41615252 && fat_le32(s + 484) == 0x61417272 &&
	       fat_le32(s + 508) == 0xAA550000;
}

int fat_fsinfo_load(struct fat_volume *v)
{
	uint8_t *s;
	uint32_t freec, next;
	int rc;

	if (!v->fsinfo_sector)
		return 0;
	rc = fat_cache_get(v, v->fsinfo_sector, FAT_KIND_FSINFO, 0, &s);
	if (rc)
		return rc;
	if (!fsinfo_valid(s)) {
		v->fsinfo_sector = 0;   /* a broken FSInfo is left alone and not used */
		return 0;
	}
	freec = fat_le32(s + 488);
	next = fat_le32(s + 492);
	if (freec <= v->clusters) {
		v->free_count = freec;
		v->free_known = 1;
	}
	if (fat_valid_cluster(v, next))
		v->next_free = next;
	return 0;
}

int fat_fsinfo_store(struct fat_volume *v)
{
	uint8_t *s;
	int rc;

	if (!v->fsinfo_sector || !v->fsinfo_dirty || !v->free_known)
		return 0;
	rc = fat_cache_get(v, v->fsinfo_sector, FAT_KIND_FSINFO, 1, &s);
	if (rc)
		return rc;
	fat_put32(s + 488, v->free_count);
	fat_put32(s + 492, v->next_free);
	fat_cache_dirty(v, v->fsinfo_sector, FAT_KIND_FSINFO);
	v->fsinfo_dirty = 0;
	return 0;
}
