# `make run`: QEMU's second serial port is COM2, the UART this driver
# serves; what the client writes through it lands in com2.out.
RUN_QEMU_ARGS := --qemu-arg -serial --qemu-arg file:com2.out
