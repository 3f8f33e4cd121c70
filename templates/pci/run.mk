# `make run`: QEMU's educational device, the one this driver serves.
RUN_QEMU_ARGS := --qemu-arg -device --qemu-arg edu
