/*
 * The CMOS real-time clock (MC146818A datasheet; QEMU hw/rtc/mc146818rtc.c).
 * Registers are read through the index port 0x70 and the data port 0x71.
 * Register A bit 7 (UIP) is set while the chip updates its time registers;
 * a read that straddles an update can mix two seconds, so the time is read
 * until two consecutive reads agree. Register B says whether the values are
 * BCD (bit 2 clear) and whether hours are 12-hour (bit 1 clear, with bit 7
 * of the hour meaning PM). There is no century register we can rely on
 * (ACPI's FADT names one, optionally), so years 00-99 are 2000-2099.
 */
#include "arch/x86_64/cmos_rtc.h"
#include "arch/x86_64/cpu.h"

#define CMOS_INDEX   0x70
#define CMOS_DATA    0x71
#define CMOS_NMI_OFF 0x80       /* keep NMIs masked while we index */

enum { REG_SEC = 0x00, REG_MIN = 0x02, REG_HOUR = 0x04, REG_DAY = 0x07,
       REG_MONTH = 0x08, REG_YEAR = 0x09, REG_A = 0x0a, REG_B = 0x0b };

#define A_UIP     0x80
#define B_24HOUR  0x02
#define B_BINARY  0x04
#define HOUR_PM   0x80

/* An update takes under 2 ms; this many polls is far more than that. */
#define UIP_POLLS 1000000
#define READ_TRIES 8

static uint8_t cmos_read(uint8_t reg)
{
	outb(CMOS_INDEX, CMOS_NMI_OFF | reg);
	return inb(CMOS_DATA);
}

static int wait_not_updating(void)
{
	for (int i = 0; i < UIP_POLLS; i++)
		if (!(cmos_read(REG_A) & A_UIP))
			return 0;
	return -1;
}

struct raw_time {
	uint8_t sec, min, hour, day, month, year;
};

static void read_raw(struct raw_time *t)
{
	t->sec = cmos_read(REG_SEC);
	t->min = cmos_read(REG_MIN);
	t->hour = cmos_read(REG_HOUR);
	t->day = cmos_read(REG_DAY);
	t->month = cmos_read(REG_MONTH);
	t->year = cmos_read(REG_YEAR);
}

static int same(const struct raw_time *a, const struct raw_time *b)
{
	return a->sec == b->sec && a->min == b->min && a->hour == b->hour &&
	       a->day == b->day && a->month == b->month && a->year == b->year;
}

static unsigned from_bcd(uint8_t v, int binary)
{
	return binary ? v : (v >> 4) * 10u + (v & 0x0f);
}

static void decode(const struct raw_time *t, uint8_t regb, struct rtc_date *d)
{
	int bin = regb & B_BINARY;
	unsigned hour = from_bcd(t->hour & ~HOUR_PM, bin);

	if (!(regb & B_24HOUR)) {               /* 12 AM is 0, 12 PM is 12 */
		hour %= 12;
		if (t->hour & HOUR_PM)
			hour += 12;
	}
	d->sec = from_bcd(t->sec, bin);
	d->min = from_bcd(t->min, bin);
	d->hour = hour;
	d->day = from_bcd(t->day, bin);
	d->month = from_bcd(t->month, bin);
	d->year = 2000 + from_bcd(t->year, bin);
}

static int plausible(const struct rtc_date *d)
{
	return d->sec < 60 && d->min < 60 && d->hour < 24 && d->day >= 1 && d->day <= 31 &&
	       d->month >= 1 && d->month <= 12 && d->year < 2100;
}

int cmos_rtc_read(struct rtc_date *d)
{
	struct raw_time a, b;

	for (int i = 0; i < READ_TRIES; i++) {
		if (wait_not_updating())
			return -1;
		read_raw(&a);
		if (wait_not_updating())
			return -1;
		read_raw(&b);
		if (same(&a, &b)) {
			decode(&a, cmos_read(REG_B), d);
			return plausible(d) ? 0 : -1;
		}
	}
	return -1;
}
