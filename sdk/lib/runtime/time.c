/*
 * Time for drivers (<atxf/hw.h>): the monotonic clock and short busy waits
 * (a device's settle or reset time). Longer waits should sleep
 * (atxf_sleep_ns) and let other processes run.
 */
#include <atxf/hw.h>
#include <atxf/sys.h>

uint64_t atxf_time_ns(void)
{
	return atxf_clock_ns();
}

void atxf_delay_us(uint32_t us)
{
	uint64_t end = atxf_time_ns() + (uint64_t)us * 1000u;

	/* pause: the spin-wait hint, kinder to a sibling hyperthread. */
	while (atxf_time_ns() < end)
		__asm__ __volatile__("pause");
}
