# tests/unit: host tests of the request rings (sdk/lib/ring, <atxf/ring.h>):
# both sides of a ring on one real region, from libatxf-fake, with ASan and
# UBSan; the signals are recorded by the tests' own atxf_notify.
#
#   test_ring          layout, empty/full, wrap-around, batching, suppression
#   test_ring_hostile  a malicious client: each attack refused, the driver up
#   test_ring_threads  both sides at once on two threads: 200,000 requests,
#                      built with ThreadSanitizer (library and test), so a
#                      payload or descriptor not ordered by release/acquire
#                      is a reported race, not luck on x86's strong order
#
# Needs: tests/unit/build.mk (UNIT_TESTS, CMOCKA_LIBS) included before this.

RING_UNIT := $(BUILD)/tests/unit
RING_OBJ  := $(BUILD)/tests/ring
RING_SANITIZE ?= -fsanitize=address,undefined -fno-sanitize-recover=undefined
RING_TEST_CFLAGS := $(HOST_CFLAGS) -Itests/unit $(RING_SANITIZE)

RING_UNIT_TESTS := $(RING_UNIT)/test_ring $(RING_UNIT)/test_ring_hostile

# The library itself is built with the sanitizers too, not taken from
# libatxf-fake: an overrun inside it must fail the test.
RING_HOST_OBJS := $(RING_SRCS:$(RING_DIR)/%.c=$(RING_OBJ)/lib/%.o)

$(RING_OBJ)/lib/%.o: $(RING_DIR)/%.c
	@mkdir -p $(@D)
	$(call run,CC,$< [host]) $(HOSTCC) $(RING_TEST_CFLAGS) -c $< -o $@

$(RING_OBJ)/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	$(call run,CC,$<) $(HOSTCC) $(RING_TEST_CFLAGS) -c $< -o $@

$(RING_UNIT)/test_ring: $(RING_OBJ)/test_ring.o
$(RING_UNIT)/test_ring_hostile: $(RING_OBJ)/test_ring_hostile.o

$(RING_UNIT_TESTS): $(RING_OBJ)/test_ring_util.o $(RING_HOST_OBJS) $(LIBATXF_FAKE)
	@mkdir -p $(@D)
	$(call run,LD,$@) $(HOSTCC) $(RING_SANITIZE) $(filter %.o %.a,$^) $(CMOCKA_LIBS) -o $@

# ThreadSanitizer ignores fences (-Wno-tsan): they only order the signal
# decision, which this test does not use; every index access is atomic.
RING_TSAN := -fsanitize=thread
RING_TSAN_CFLAGS := $(HOST_CFLAGS) -Itests/unit $(RING_TSAN) -Wno-tsan
RING_TSAN_SRCS := $(RING_SRCS) sdk/lib/fake/fake_shm.c tests/unit/test_ring_util.c \
	tests/unit/test_ring_threads.c
RING_TSAN_OBJS := $(RING_TSAN_SRCS:%.c=$(RING_OBJ)/tsan/%.o)

$(RING_OBJ)/tsan/%.o: %.c
	@mkdir -p $(@D)
	$(call run,CC,$< [tsan]) $(HOSTCC) $(RING_TSAN_CFLAGS) -c $< -o $@

$(RING_UNIT)/test_ring_threads: $(RING_TSAN_OBJS)
	@mkdir -p $(@D)
	$(call run,LD,$@) $(HOSTCC) $(RING_TSAN) $^ $(CMOCKA_LIBS) -pthread -o $@

RING_UNIT_TESTS += $(RING_UNIT)/test_ring_threads
UNIT_TESTS  += $(RING_UNIT_TESTS)
CHECK_BUILD += $(RING_UNIT_TESTS)
