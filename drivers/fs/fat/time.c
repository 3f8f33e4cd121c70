/*
 * FAT timestamps: a date (years since 1980, month, day) and a time in
 * two-second steps, local time without a zone; ATXF takes it as UTC.
 * Converted with the civil-calendar day count (no tables, no libc time).
 */
#include "fat_impl.h"

#define FAT_EPOCH 315532800     /* 1980-01-01 00:00:00 UTC */

static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

static void civil_from_days(int64_t z, int *y, unsigned *m, unsigned *d)
{
	int64_t era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

void fat_time_pack(int64_t t, uint16_t *date, uint16_t *time)
{
	int64_t days, secs;
	unsigned m, d;
	int y;

	if (t < FAT_EPOCH)
		t = FAT_EPOCH;
	if (t > 4354819199)     /* 2107-12-31 23:59:59, FAT's last second */
		t = 4354819199;
	days = t / 86400;
	secs = t % 86400;
	civil_from_days(days, &y, &m, &d);
	*date = (uint16_t)((y - 1980) << 9 | m << 5 | d);
	*time = (uint16_t)((secs / 3600) << 11 | (secs / 60 % 60) << 5 | (secs % 60) / 2);
}

int64_t fat_time_unpack(uint16_t date, uint16_t time)
{
	unsigned m = date >> 5 & 15, d = date & 31;

	if (m < 1 || m > 12 || d < 1)
		return FAT_EPOCH;       /* no date recorded (0) or a bad one */
	return days_from_civil(1980 + (date >> 9), m, d) * 86400 + (time >> 11) * 3600 +
	       (time >> 5 & 63) * 60 + (time & 31) * 2;
}

int64_t fat_now(struct fat_volume *v)
{
	return v->opts.now ? v->opts.now() : FAT_EPOCH;
}
