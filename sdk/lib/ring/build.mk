# sdk/lib/ring: request rings in shared memory (<atxf/ring.h>), part of
# libatxf and of libatxf-fake: the library is pure C11 (atomics, no system
# call of its own but atxf_notify and atxf_shm_probe), so both sides of a
# ring run on the host too (tests/unit/ring.mk).
#
#   RING_SRCS         every source of the library
#   RING_TARGET_OBJS  those sources compiled for the target ($(TGTOBJ)/%.o)

RING_DIR  := sdk/lib/ring
RING_SRCS := $(wildcard $(RING_DIR)/*.c)
RING_TARGET_OBJS := $(RING_SRCS:%.c=$(TGTOBJ)/%.o)
