# tests/unit: host tests of the driver framework (sdk/lib/driver) and the
# protocol headers (sdk/include/atxf/proto), plus the guide's worked example,
# the virtio-rng driver (drivers/misc/virtio-rng), run whole on the fake
# virtio device.
#
# The framework's sources are compiled for the host with ASan and UBSan and
# linked with libatxf-fake (hardware, capabilities, clock) and the IPC
# doubles of test_driver_ports.c (libatxf-fake has no ports).
#
#   test_driver_dispatch  every request of every class: decoded, routed, refused
#   test_driver_replies   what replies carry; attached buffers; PING and STOP
#   test_driver_proto     the protocol tables and wire layouts
#   test_driver_events    subscribers and reports: input, char, net
#   test_driver_loop      atxf_device_wait_irq, IRQs, timers, caps, the whole run
#   test_virtio_rng_run   virtio-rng through atxf_driver_run, from HELLO to STOP
#   test_driver_rings     request rings through the framework: deferred
#                         completion, batching, suppression, cancellation
#   test_driver_rings_hostile  a malicious ring client: refused, driver up
#   test_driver_class     a device class of its own, added without the core
#   test_driver_devices   several devices per driver process (atxf_device_add)
#   test_driver_block_dma block requests' bytes as bus segments (block_dma.c)

DRV_TEST_OBJ := $(BUILD)/tests/driver
DRV_SANITIZE ?= -fsanitize=address,undefined -fno-sanitize-recover=undefined
DRV_TEST_CFLAGS := $(HOST_CFLAGS) -I$(FRAMEWORK_DIR) -Itests/unit $(DRV_SANITIZE)
DRV_TEST_LIBS := $(DRV_SANITIZE) $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)

# The framework, for the host.
DRV_HOST_OBJS := $(FRAMEWORK_SRCS:$(FRAMEWORK_DIR)/%.c=$(DRV_TEST_OBJ)/fw/%.o)
DRV_HOST_LIB  := $(DRV_TEST_OBJ)/libdriver-host.a

$(DRV_TEST_OBJ)/fw/%.o: $(FRAMEWORK_DIR)/%.c
	@mkdir -p $(@D)
	$(call run,CC,$< [host]) $(HOSTCC) $(DRV_TEST_CFLAGS) -c $< -o $@

$(DRV_HOST_LIB): $(DRV_HOST_OBJS)
	$(call run,AR,$@) rm -f $@ && $(AR) rcs $@ $^

$(DRV_TEST_OBJ)/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	$(call run,CC,$<) $(HOSTCC) $(DRV_TEST_CFLAGS) $(DRV_TEST_CFLAGS_$*) -c $< -o $@

# virtio-rng, the guide's worked example (docs/driver-guide.md §6): the
# whole driver with main renamed so a test can run it, and the virtio
# library's framework glue (libatxf-fake has the rest of the library).
VRNG_DIR  := drivers/misc/virtio-rng
VRNG_RUN_OBJS := $(DRV_TEST_OBJ)/vrng/virtio_rng.o $(DRV_TEST_OBJ)/vrng/vrng.o \
	$(DRV_TEST_OBJ)/vrng/probe.o

$(DRV_TEST_OBJ)/vrng/vrng.o: $(VRNG_DIR)/vrng.c
	@mkdir -p $(@D)
	$(call run,CC,$< [host]) $(HOSTCC) $(DRV_TEST_CFLAGS) -c $< -o $@
$(DRV_TEST_OBJ)/vrng/virtio_rng.o: $(VRNG_DIR)/virtio_rng.c
	@mkdir -p $(@D)
	$(call run,CC,$< [host]) $(HOSTCC) $(DRV_TEST_CFLAGS) -Dmain=virtio_rng_main -c $< -o $@
$(DRV_TEST_OBJ)/vrng/probe.o: $(VIRTIO_DIR)/probe.c
	@mkdir -p $(@D)
	$(call run,CC,$< [host]) $(HOSTCC) $(DRV_TEST_CFLAGS) -c $< -o $@

drv_test_obj = $(patsubst %,$(DRV_TEST_OBJ)/%.o,$(1))
DRV_TEST_COMMON := $(call drv_test_obj,test_driver_ports test_driver_util)

DRIVER_UNIT_TESTS := $(addprefix $(UNIT_DIR)/,test_driver_dispatch test_driver_replies \
	test_driver_proto test_driver_events test_driver_loop test_virtio_rng_run \
	test_driver_rings test_driver_rings_hostile test_driver_class test_driver_devices \
	test_driver_block_dma)

$(UNIT_DIR)/test_driver_dispatch: $(call drv_test_obj,test_driver_dispatch test_driver_record) \
	$(DRV_TEST_COMMON)
$(UNIT_DIR)/test_driver_replies: $(call drv_test_obj,test_driver_replies test_driver_record) \
	$(DRV_TEST_COMMON)
$(UNIT_DIR)/test_driver_proto: $(call drv_test_obj,test_driver_proto) $(DRV_TEST_COMMON)
$(UNIT_DIR)/test_driver_events: $(call drv_test_obj,test_driver_events) $(DRV_TEST_COMMON)
$(UNIT_DIR)/test_driver_loop: $(call drv_test_obj,test_driver_loop) $(DRV_TEST_COMMON)
$(UNIT_DIR)/test_virtio_rng_run: $(call drv_test_obj,test_virtio_rng_run) $(DRV_TEST_COMMON) \
	$(VRNG_RUN_OBJS)
$(UNIT_DIR)/test_driver_rings: $(call drv_test_obj,test_driver_rings test_driver_ringfix) \
	$(DRV_TEST_COMMON)
$(UNIT_DIR)/test_driver_rings_hostile: \
	$(call drv_test_obj,test_driver_rings_hostile test_driver_ringfix) $(DRV_TEST_COMMON)
$(UNIT_DIR)/test_driver_class: $(call drv_test_obj,test_driver_class) $(DRV_TEST_COMMON)
$(UNIT_DIR)/test_driver_devices: $(call drv_test_obj,test_driver_devices) $(DRV_TEST_COMMON)
$(UNIT_DIR)/test_driver_block_dma: $(call drv_test_obj,test_driver_block_dma) $(DRV_TEST_COMMON)

# The framework names classes and resources in logs with the format library's tables.
$(DRIVER_UNIT_TESTS): $(DRV_HOST_LIB) $(LIBATXF_FAKE) $(FORMAT_HOST_LIB)
	@mkdir -p $(@D)
	$(call run,LD,$@) $(HOSTCC) $(filter %.o,$^) $(DRV_HOST_LIB) \
		$(LIBATXF_FAKE) $(FORMAT_HOST_LIB) $(DRV_TEST_LIBS) -o $@

# virtio-rng (built the way a user builds it by drivers/build.mk), the
# virtio library and the framework are also compiled with TARGET_CFLAGS by
# clang (libatxf builds them with gcc), so both compilers keep them
# warning-free.
VRNG_CLANG_OBJS := $(patsubst %.c,$(DRV_TEST_OBJ)/clang/%.o,$(DRIVER_SRCS_virtio-rng) \
	$(VIRTIO_SRCS) $(FRAMEWORK_SRCS))
$(DRV_TEST_OBJ)/clang/%.o: %.c
	@mkdir -p $(@D)
	$(call run,CC,$< [clang]) clang $(filter-out -fno-tree-loop-distribute-patterns,$(TARGET_CFLAGS)) -c $< -o $@

UNIT_TESTS  += $(DRIVER_UNIT_TESTS)
CHECK_BUILD += $(DRIVER_UNIT_TESTS) $(VRNG_CLANG_OBJS)
