# services/netstack: the TCP/IP service (so far Ethernet, ARP, IPv4 and
# ICMP echo on one interface). The packet code is pure and also built for
# the host tests (tests/unit/netstack.mk); main.c talks to the NIC.

NETSTACK_ATXF := $(BUILD)/services/netstack.atxf
NETSTACK_SRCS := $(addprefix services/netstack/,checksum.c eth.c arp.c ipv4.c icmp.c iface.c \
	addr.c main.c)

$(eval $(call atxf_program,$(NETSTACK_ATXF),$(NETSTACK_SRCS)))
ALL_TARGETS += $(NETSTACK_ATXF)
