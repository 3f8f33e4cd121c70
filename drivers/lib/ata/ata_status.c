/*
 * The status and error registers after a command (ACS-3 §6.2.3, §6.2.11):
 * one result code for the driver and one line for the log.
 */
#include <stdio.h>
#include <atxf/errors.h>
#include "ata.h"

struct bit_name {
	uint8_t bit;
	const char *name;
};

static const struct bit_name status_bits[] = {
	{ ATA_SR_BSY, "BSY" }, { ATA_SR_DRDY, "DRDY" }, { ATA_SR_DF, "DF" },
	{ ATA_SR_DRQ, "DRQ" }, { ATA_SR_ERR, "ERR" },
};

static const struct bit_name error_bits[] = {
	{ ATA_ER_ICRC, "ICRC" }, { ATA_ER_UNC, "UNC" }, { ATA_ER_MC, "MC" },
	{ ATA_ER_IDNF, "IDNF" }, { ATA_ER_MCR, "MCR" }, { ATA_ER_ABRT, "ABRT" },
	{ ATA_ER_NM, "NM" }, { ATA_ER_AMNF, "AMNF" },
};

int ata_status_result(uint8_t status, uint8_t error)
{
	if (status & (ATA_SR_BSY | ATA_SR_DRQ))
		return -ATXF_EBUSY;
	if (status & ATA_SR_DF)
		return -ATXF_EIO;
	if (!(status & ATA_SR_ERR))
		return 0;
	if (error & ATA_ER_IDNF)
		return -ATXF_ERANGE;
	if (error == ATA_ER_ABRT)
		return -ATXF_ENOTSUP;
	return -ATXF_EIO;
}

static size_t put_bits(char *buf, size_t len, size_t at, const struct bit_name *t,
		       size_t n, uint8_t value)
{
	for (size_t i = 0; i < n; i++) {
		if (!(value & t[i].bit) || at >= len)
			continue;
		int w = snprintf(buf + at, len - at, " %s", t[i].name);
		at += w > 0 ? (size_t)w : 0;
	}
	return at < len ? at : len - 1;
}

size_t ata_status_describe(uint8_t status, uint8_t error, char *buf, size_t len)
{
	size_t at;
	int w;

	if (len == 0)
		return 0;
	w = snprintf(buf, len, "status 0x%02x", status);
	at = w > 0 && (size_t)w < len ? (size_t)w : len - 1;
	at = put_bits(buf, len, at, status_bits, sizeof(status_bits) / sizeof(status_bits[0]),
		      status);
	if (!(status & ATA_SR_ERR))
		return at;
	if (at < len) {
		w = snprintf(buf + at, len - at, ", error 0x%02x", error);
		at = w > 0 && at + (size_t)w < len ? at + (size_t)w : len - 1;
	}
	return put_bits(buf, len, at, error_bits, sizeof(error_bits) / sizeof(error_bits[0]),
			error);
}
