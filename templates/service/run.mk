# `make run`: a service needs no device.
RUN_QEMU_ARGS :=
