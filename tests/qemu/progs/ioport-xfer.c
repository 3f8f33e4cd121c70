/*
 * ioport-xfer.atxf: an I/O port capability passed on, narrowed, in a
 * message; the receiver reads the CMOS real-time clock through it.
 *
 *   ioport-xfer.atxf give      start line: `with ioport:0x70-0x77` (any
 *                              range holding 0x70-0x71, with rwg)
 *   ioport-xfer.atxf take      no capability of its own
 *
 * take registers "io-take", shows that SYS_IO_INB(0x71) is refused, and
 * waits. give finds its IOPORT handle, derives ports 0x70-0x71 (rwg) from
 * it, looks up "io-take" and moves the new handle there in caps[0]. take
 * then reads the RTC seconds register (index 0 at 0x70, data at 0x71),
 * first with SYS_IO_OUTB/SYS_IO_INB, then with direct out/in after
 * atxf_io_refresh() (the kernel opened 0x70-0x71 in its I/O bitmap), and
 * shows that port 0x72, outside the range, is refused. Output:
 *   ioport-xfer give: sent ports 0x70-0x71 (derived from 0xB-0xL) to "io-take"
 *   ioport-xfer take: before the transfer: SYS_IO_INB(0x71) refused: EPERM ok
 *   ioport-xfer take: received ports 0x70-0x71, rights rwg
 *   ioport-xfer take: RTC seconds via SYS_IO_INB: 0xSS
 *   ioport-xfer take: RTC seconds via a direct in: 0xSS
 *   ioport-xfer take: port 0x72 (outside the range) refused: EPERM ok
 *   ioport-xfer take: ok
 * Exit 0, or 1 after `ioport-xfer ROLE: FAIL: ...`. A seconds value is BCD
 * 0x00..0x59, checked.
 */
#include <stdint.h>
#include <string.h>
#include <atxf/hw.h>
#include <atxf/log.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/proc.h>
#include <atxf/sys.h>

#define HERE      ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 1)
#define RTC_INDEX 0x70
#define RTC_DATA  0x71
#define OUTSIDE   0x72
#define WAIT_NS   5000000000ull

static int fail(const char *role, const char *what, long err)
{
	atxf_log("ioport-xfer %s: FAIL: %s: %s\n", role, what, atxf_strerror((int)err));
	return 1;
}

static int bcd_seconds(long v)
{
	return v >= 0 && v <= 0x59 && (v & 0xf) <= 9;
}

/* The seconds register through the kernel: SYS_IO_OUTB, SYS_IO_INB. */
static long seconds_by_syscall(void)
{
	long err = atxf_syscall(SYS_IO_OUTB, RTC_INDEX, 0, 0, 0, 0, 0);

	return err < 0 ? err : atxf_syscall(SYS_IO_INB, RTC_DATA, 0, 0, 0, 0, 0);
}

/* The same with the instructions themselves: a #GP unless the kernel
 * opened both ports in this process's I/O permission bitmap. */
static uint8_t seconds_direct(void)
{
	uint8_t v;

	__asm__ volatile("outb %b0, %w1" : : "a"((uint8_t)0), "Nd"((uint16_t)RTC_INDEX));
	__asm__ volatile("inb %w1, %b0" : "=a"(v) : "Nd"((uint16_t)RTC_DATA));
	return v;
}

static int read_rtc(atxf_handle_t ports)
{
	struct atxf_cap_info info;
	long v;

	if (atxf_cap_query(ports, &info) < 0 || info.kind != ATXF_CAP_IOPORT)
		return fail("take", "the received handle is not an I/O port range", -ATXF_EBADH);
	atxf_log("ioport-xfer take: received ports 0x%llx-0x%llx, rights %s\n",
		 (unsigned long long)info.base, (unsigned long long)(info.base + info.size - 1),
		 info.rights == ATXF_RIGHTS_ALL ? "rwg" : "not rwg");
	v = seconds_by_syscall();
	if (!bcd_seconds(v))
		return fail("take", "SYS_IO_INB of the seconds register", v < 0 ? v : -ATXF_EIO);
	atxf_log("ioport-xfer take: RTC seconds via SYS_IO_INB: 0x%02lx\n", v);
	atxf_io_refresh();
	v = seconds_direct();
	if (!bcd_seconds(v))
		return fail("take", "direct in of the seconds register", -ATXF_EIO);
	atxf_log("ioport-xfer take: RTC seconds via a direct in: 0x%02lx\n", v);
	v = atxf_syscall(SYS_IO_INB, OUTSIDE, 0, 0, 0, 0, 0);
	if (v != -ATXF_EPERM)
		return fail("take", "port 0x72 was not refused", v < 0 ? v : 0);
	atxf_log("ioport-xfer take: port 0x72 (outside the range) refused: EPERM ok\n");
	return 0;
}

static int take(void)
{
	struct atxf_msg msg;
	atxf_handle_t port = atxf_port_create();
	long v = atxf_syscall(SYS_IO_INB, RTC_DATA, 0, 0, 0, 0, 0);
	int err;

	if (v != -ATXF_EPERM)
		return fail("take", "SYS_IO_INB(0x71) without a capability was not refused",
			    v < 0 ? v : 0);
	atxf_log("ioport-xfer take: before the transfer: SYS_IO_INB(0x71) refused: EPERM ok\n");
	if (port < 0)
		return fail("take", "creating a port", port);
	err = atxf_name_register("io-take", port);
	if (err < 0)
		return fail("take", "registering \"io-take\"", err);
	err = atxf_recv(port, &msg, WAIT_NS);
	if (err < 0)
		return fail("take", "waiting for the ports", err);
	if (msg.type != HERE || msg.ncaps != 1)
		return fail("take", "HERE with one capability expected", -ATXF_EPROTO);
	if (read_rtc(msg.caps[0]))
		return 1;
	atxf_log("ioport-xfer take: ok\n");
	return 0;
}

/* The first IOPORT capability init gave, covering both RTC ports. */
static atxf_handle_t rtc_range(struct atxf_cap_info *info)
{
	const struct atxf_start_info *si = atxf_start_info();

	for (atxf_handle_t h = ATXF_HANDLE_FIRST_EXTRA; h < (atxf_handle_t)si->ncaps; h++)
		if (atxf_cap_query(h, info) == 0 && info->kind == ATXF_CAP_IOPORT &&
		    info->base <= RTC_INDEX && info->base + info->size > RTC_DATA)
			return h;
	return -ATXF_EPERM;
}

static int give(void)
{
	struct atxf_cap_info info;
	struct atxf_msg msg;
	atxf_handle_t mine = rtc_range(&info), narrow, to;
	int err;

	if (mine < 0)
		return fail("give", "no I/O port capability covering 0x70-0x71", mine);
	narrow = atxf_cap_derive(mine, RTC_INDEX, 2, ATXF_RIGHTS_ALL);
	if (narrow < 0)
		return fail("give", "deriving ports 0x70-0x71", narrow);
	to = atxf_name_lookup("io-take", WAIT_NS);
	if (to < 0)
		return fail("give", "looking up \"io-take\"", to);
	atxf_msg_init(&msg, HERE);
	atxf_msg_put_cap(&msg, narrow);
	err = atxf_send(to, &msg, ATXF_IPC_MOVE_CAPS);
	if (err < 0)
		return fail("give", "sending the ports", err);
	atxf_log("ioport-xfer give: sent ports 0x70-0x71 (derived from 0x%llx-0x%llx) to \"io-take\"\n",
		 (unsigned long long)info.base, (unsigned long long)(info.base + info.size - 1));
	return 0;
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "give"))
		return give();
	if (argc > 1 && !strcmp(argv[1], "take"))
		return take();
	atxf_log("ioport-xfer: usage: ioport-xfer.atxf give|take\n");
	return 2;
}
