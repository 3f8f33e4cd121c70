/* abs, labs, llabs, imaxabs. The most negative value has no absolute value
 * (C11 7.22.6.1: undefined); these return it unchanged rather than trap. */
#include <inttypes.h>
#include <stdlib.h>

int abs(int j)
{
	return j < 0 ? (int)(0U - (unsigned)j) : j;
}

long labs(long j)
{
	return j < 0 ? (long)(0UL - (unsigned long)j) : j;
}

long long llabs(long long j)
{
	return j < 0 ? (long long)(0ULL - (unsigned long long)j) : j;
}

intmax_t imaxabs(intmax_t j)
{
	return llabs(j);
}
