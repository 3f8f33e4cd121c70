# `make run`: a virtio-rng device with the modern (virtio 1.x) transport only.
RUN_QEMU_ARGS := --qemu-arg -device --qemu-arg virtio-rng-pci,disable-legacy=on
