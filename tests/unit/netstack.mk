# tests/unit: the netstack's packet code on the host (services/netstack):
# checksums, Ethernet, ARP, IPv4 and ICMP echo, and an interface answering
# ARP and ping, on frames written out byte by byte in the tests.
# Needs: tests/unit/build.mk included before this.

NETSTACK_PURE_SRCS := $(addprefix services/netstack/,checksum.c eth.c arp.c ipv4.c icmp.c \
	iface.c addr.c)
TEST_NETSTACK := $(BUILD)/tests/unit/test_netstack

$(HOSTOBJ)/tests/unit/test_netstack.o: HOST_CFLAGS += -Iservices/netstack

$(TEST_NETSTACK): $(HOSTOBJ)/tests/unit/test_netstack.o \
		$(patsubst %.c,$(HOSTOBJ)/%.o,$(NETSTACK_PURE_SRCS))
	@mkdir -p $(@D)
	$(call run,LD,$@) $(HOSTCC) $^ $(or $(CMOCKA_LIBS),-lcmocka) -o $@

UNIT_TESTS  += $(TEST_NETSTACK)
CHECK_BUILD += $(TEST_NETSTACK)
