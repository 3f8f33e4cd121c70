/* IPv4 addresses as text (iface.h). */
#include <stdio.h>
#include "iface.h"

static const char *octet(const char *s, uint32_t *v)
{
	unsigned n = 0, digits = 0;

	while (*s >= '0' && *s <= '9' && digits < 4) {
		n = n * 10 + (unsigned)(*s++ - '0');
		digits++;
	}
	if (!digits || digits > 3 || n > 255)
		return NULL;
	*v = n;
	return s;
}

int net_parse_cidr(const char *s, uint32_t *ip, uint32_t *prefix_len)
{
	uint32_t v, addr = 0, len = 0;

	for (int k = 0; k < 4; k++) {
		s = octet(s, &v);
		if (!s || (k < 3 && *s++ != '.'))
			return -1;
		addr = addr << 8 | v;
	}
	if (*s++ != '/')
		return -1;
	for (int digits = 0; *s >= '0' && *s <= '9'; digits++) {
		if (digits == 2)
			return -1;
		len = len * 10 + (uint32_t)(*s++ - '0');
	}
	if (*s || len == 0 || len > 32)
		return -1;
	*ip = addr;
	*prefix_len = len;
	return 0;
}

void net_format_ip(uint32_t ip, char *out)
{
	snprintf(out, 16, "%u.%u.%u.%u", ip >> 24, ip >> 16 & 0xff, ip >> 8 & 0xff, ip & 0xff);
}
