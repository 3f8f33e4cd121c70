# tests/unit: host tests of the virtio library (sdk/lib/virtio,
# <atxf/virtio.h>) against the fake virtio device of libatxf-fake
# (<atxf/fake_virtio.h>), with ASan and UBSan; the library is compiled
# with them too, not taken from libatxf-fake, so an overrun inside it
# fails the test.
#
#   test_virtio        capabilities, handshake, features, MSI-X, queue setup, NEEDS_RESET
#   test_virtio_queue  chains, indirect tables, full/empty, wrap-around, batching,
#                      event-index and flag suppression, a hostile device refused
#
# Needs: tests/unit/build.mk (UNIT_TESTS, CMOCKA_LIBS) included before this.

VIRTIO_TEST_OBJ := $(BUILD)/tests/virtio
VIRTIO_SANITIZE ?= -fsanitize=address,undefined -fno-sanitize-recover=undefined
VIRTIO_TEST_CFLAGS := $(HOST_CFLAGS) -Itests/unit $(VIRTIO_SANITIZE)
VIRTIO_UNIT_TESTS := $(UNIT_DIR)/test_virtio $(UNIT_DIR)/test_virtio_queue

VIRTIO_HOST_OBJS := $(VIRTIO_FAKE_SRCS:%.c=$(VIRTIO_TEST_OBJ)/%.o)

$(VIRTIO_TEST_OBJ)/%.o: %.c
	@mkdir -p $(@D)
	$(call run,CC,$< [host]) $(HOSTCC) $(VIRTIO_TEST_CFLAGS) -c $< -o $@

$(UNIT_DIR)/test_virtio: $(VIRTIO_TEST_OBJ)/tests/unit/test_virtio.o
$(UNIT_DIR)/test_virtio_queue: $(VIRTIO_TEST_OBJ)/tests/unit/test_virtio_queue.o

$(VIRTIO_UNIT_TESTS): $(VIRTIO_TEST_OBJ)/tests/unit/test_virtio_util.o $(VIRTIO_HOST_OBJS) \
		      $(LIBATXF_FAKE)
	@mkdir -p $(@D)
	$(call run,LD,$@) $(HOSTCC) $(VIRTIO_SANITIZE) $(filter %.o,$^) $(LIBATXF_FAKE) \
		$(CMOCKA_LIBS) -o $@

UNIT_TESTS  += $(VIRTIO_UNIT_TESTS)
CHECK_BUILD += $(VIRTIO_UNIT_TESTS)
