/* div, ldiv, lldiv (C11 7.22.6.2) and imaxdiv (7.8.2.2): quotient truncated
 * toward zero, remainder with the dividend's sign, as C's / and % are. */
#include <inttypes.h>
#include <stdlib.h>

div_t div(int n, int d)
{
	return (div_t){ .quot = n / d, .rem = n % d };
}

ldiv_t ldiv(long n, long d)
{
	return (ldiv_t){ .quot = n / d, .rem = n % d };
}

lldiv_t lldiv(long long n, long long d)
{
	return (lldiv_t){ .quot = n / d, .rem = n % d };
}

imaxdiv_t imaxdiv(intmax_t n, intmax_t d)
{
	return (imaxdiv_t){ .quot = n / d, .rem = n % d };
}
