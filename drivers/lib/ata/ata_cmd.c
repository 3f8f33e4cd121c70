/*
 * READ/WRITE, FLUSH CACHE and IDENTIFY as register-level commands
 * (ACS-3 §7; the FPDMA QUEUED layout is §7.21/§7.59: count in FEATURES,
 * tag in COUNT bits 7:3). A transport writes struct ata_cmd into its
 * taskfile or FIS; the limits are checked here, once.
 */
#include <string.h>
#include <atxf/errors.h>
#include "ata.h"

static const uint8_t rw_opcode[4][2][2] = {
	/* [xfer][lba48][write] */
	[ATA_XFER_PIO] = { { ATA_CMD_READ_SECTORS, ATA_CMD_WRITE_SECTORS },
			   { ATA_CMD_READ_SECTORS_EXT, ATA_CMD_WRITE_SECTORS_EXT } },
	[ATA_XFER_DMA] = { { ATA_CMD_READ_DMA, ATA_CMD_WRITE_DMA },
			   { ATA_CMD_READ_DMA_EXT, ATA_CMD_WRITE_DMA_EXT } },
	[ATA_XFER_NCQ] = { { ATA_CMD_READ_FPDMA_QUEUED, ATA_CMD_WRITE_FPDMA_QUEUED },
			   { ATA_CMD_READ_FPDMA_QUEUED, ATA_CMD_WRITE_FPDMA_QUEUED } },
};

/* A count field of 0 means the maximum: 256 sectors in LBA28, 65536 in
 * LBA48 and FPDMA. */
uint32_t ata_max_sectors(const struct ata_identity *id, enum ata_xfer xfer)
{
	if (xfer == ATA_XFER_NCQ || id->lba48)
		return 65536;
	return 256;
}

/* LBA28 when the whole range and count fit it; FPDMA commands always
 * carry 48 bits. */
static bool fits_lba28(enum ata_xfer xfer, uint64_t lba, uint32_t count)
{
	return xfer != ATA_XFER_NCQ && count <= 256 && lba + count <= ATA_LBA28_LIMIT;
}

static int check_rw(const struct ata_identity *id, enum ata_xfer xfer, uint64_t lba,
		    uint32_t count, unsigned tag)
{
	if (xfer != ATA_XFER_PIO && xfer != ATA_XFER_DMA && xfer != ATA_XFER_NCQ)
		return -ATXF_EINVAL;
	if (count == 0 || count > ata_max_sectors(id, xfer))
		return -ATXF_EINVAL;
	if (lba >= id->sectors || count > id->sectors - lba)
		return -ATXF_ERANGE;
	if (xfer == ATA_XFER_NCQ && (!id->ncq || tag >= id->queue_depth))
		return -ATXF_ENOTSUP;
	if (xfer != ATA_XFER_NCQ && tag != 0)
		return -ATXF_EINVAL;
	if (!fits_lba28(xfer, lba, count) && !id->lba48)
		return -ATXF_ERANGE;
	return 0;
}

int ata_build_rw(struct ata_cmd *cmd, const struct ata_identity *id, enum ata_xfer xfer,
		 bool write, uint64_t lba, uint32_t count, unsigned tag)
{
	int err = check_rw(id, xfer, lba, count, tag);
	bool lba48 = !fits_lba28(xfer, lba, count);

	if (err < 0)
		return err;
	memset(cmd, 0, sizeof(*cmd));
	cmd->command = rw_opcode[xfer][lba48][write];
	cmd->lba48 = lba48;
	cmd->write = write;
	cmd->xfer = xfer;
	cmd->sectors = count;
	cmd->lba = lba;
	cmd->device = ATA_DEV_LBA;
	if (xfer == ATA_XFER_NCQ) {
		cmd->features = (uint16_t)count;      /* 65536 wraps to 0, as it must */
		cmd->count = (uint16_t)(tag << 3);
	} else {
		cmd->count = (uint16_t)(lba48 ? count : count & 0xff);
	}
	if (!lba48)
		cmd->device |= (uint8_t)((lba >> 24) & 0xf);
	return 0;
}

int ata_build_flush(struct ata_cmd *cmd, const struct ata_identity *id)
{
	if (!id->flush_ext && !id->flush)
		return -ATXF_ENOTSUP;
	memset(cmd, 0, sizeof(*cmd));
	cmd->command = id->flush_ext ? ATA_CMD_FLUSH_CACHE_EXT : ATA_CMD_FLUSH_CACHE;
	cmd->lba48 = id->flush_ext;
	cmd->device = ATA_DEV_LBA;
	cmd->xfer = ATA_XFER_NONE;
	return 0;
}

void ata_build_identify(struct ata_cmd *cmd)
{
	memset(cmd, 0, sizeof(*cmd));
	cmd->command = ATA_CMD_IDENTIFY;
	cmd->xfer = ATA_XFER_PIO;
	cmd->sectors = 1;
}
