# sdk/lib: what ATXF programs link, and its host twin for tests.
#
#   $(LIBATXF)       build/target/lib/libatxf.a: the libc (sdk/lib/libc), the
#                    runtime (sdk/lib/runtime: syscalls, hardware access, IPC,
#                    names), the driver framework (sdk/lib/driver), the
#                    request rings (sdk/lib/ring), the virtio library
#                    (sdk/lib/virtio), the class clients (sdk/lib/client)
#                    and the ATXF reader
#                    (sdk/format), all built for the target.
#   $(CRT0)          build/target/lib/crt0.o: _start, linked first.
#   $(LIBM)          build/target/lib/libm.a: <math.h>, <fenv.h> (sdk/lib/libm).
#   $(LIBATXF_FAKE)  build/host/lib/libatxf-fake.a: fake hardware
#                    (sdk/lib/fake, <atxf/fake.h>) plus the runtime's pure
#                    parts, the rings and the virtio library (without its
#                    framework glue, probe.c), for cmocka tests on the host.
#
# The libc and the driver framework describe their objects in their own
# fragments; either may not exist yet, and libatxf is built without it.

include $(wildcard sdk/lib/libc/build.mk)
include $(wildcard sdk/lib/libm/build.mk)
include $(wildcard sdk/lib/driver/build.mk)
include sdk/lib/ring/build.mk
include sdk/lib/virtio/build.mk
include sdk/lib/client/build.mk
include sdk/lib/font/build.mk

RUNTIME_DIR  := sdk/lib/runtime
RUNTIME_SRCS := $(wildcard $(RUNTIME_DIR)/*.c)
RUNTIME_TARGET_OBJS := $(RUNTIME_SRCS:%.c=$(TGTOBJ)/%.o)

# The runtime's pure parts: no system call, no libc; they run on the host
# unchanged (in libatxf-fake and in the unit tests).
RUNTIME_PURE_SRCS := $(addprefix $(RUNTIME_DIR)/,strerror.c msg.c name_table.c name_serve.c)
# atxf_log() is portable too: its one system call is atxf_log_write, which
# the fake console provides.
# atxf_pci_find_cap() only reads config space through atxf_pci_read8(),
# which the fake PCI function plays; the walk itself is sdk/format's.
RUNTIME_FAKE_SRCS := $(RUNTIME_PURE_SRCS) $(RUNTIME_DIR)/log.c $(RUNTIME_DIR)/pci_cap.c \
		     sdk/format/pci_cap.c

FORMAT_TARGET_OBJS := $(FORMAT_SRCS:%.c=$(TGTOBJ)/%.o)

LIBATXF := $(BUILD)/target/lib/libatxf.a
CRT0    := $(BUILD)/target/lib/crt0.o

LIBATXF_OBJS := $(LIBC_TARGET_OBJS) $(RUNTIME_TARGET_OBJS) $(FRAMEWORK_TARGET_OBJS) \
		$(RING_TARGET_OBJS) $(VIRTIO_TARGET_OBJS) $(CLIENT_TARGET_OBJS) \
		$(FONT_TARGET_OBJS) \
		$(FORMAT_TARGET_OBJS)

$(LIBATXF): $(LIBATXF_OBJS)
	@mkdir -p $(@D)
	$(call run,AR,$@) rm -f $@ && $(AR) rcs $@ $^

$(CRT0): $(TGTOBJ)/$(RUNTIME_DIR)/crt0.o
	@mkdir -p $(@D)
	$(call run,CP,$@) cp $< $@

FAKE_SRCS := $(wildcard sdk/lib/fake/*.c)
VIRTIO_FAKE_SRCS := $(filter-out %/probe.c,$(VIRTIO_SRCS))
LIBATXF_FAKE := $(HOSTLIB)/libatxf-fake.a

$(LIBATXF_FAKE): $(FAKE_SRCS:%.c=$(HOSTOBJ)/%.o) $(RUNTIME_FAKE_SRCS:%.c=$(HOSTOBJ)/%.o) \
		 $(RING_SRCS:%.c=$(HOSTOBJ)/%.o) $(VIRTIO_FAKE_SRCS:%.c=$(HOSTOBJ)/%.o) \
		 $(FONT_SRCS:%.c=$(HOSTOBJ)/%.o)

ALL_TARGETS += $(LIBATXF) $(CRT0) $(LIBATXF_FAKE)
