# sdk/lib/virtio: the virtio library (<atxf/virtio.h>): the modern PCI
# transport and split virtqueues, part of libatxf. It reaches the device
# only through <atxf/hw.h>, so libatxf-fake carries it too and host tests
# run it against the fake virtio device (sdk/lib/fake/fake_virtio*.c).
#
#   VIRTIO_SRCS         every source of the library
#   VIRTIO_TARGET_OBJS  those sources compiled for the target ($(TGTOBJ)/%.o)

VIRTIO_DIR  := sdk/lib/virtio
VIRTIO_SRCS := $(wildcard $(VIRTIO_DIR)/*.c)
VIRTIO_TARGET_OBJS := $(VIRTIO_SRCS:%.c=$(TGTOBJ)/%.o)
