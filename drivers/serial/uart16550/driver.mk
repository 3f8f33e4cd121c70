# The 16550 UARTs on COM1..COM4 (drivers/collect.mk).
DRIVER_NAME   := uart16550
DRIVER_SRCS   := drivers/serial/uart16550/uart16550.c drivers/serial/uart16550/uart_dev.c
DRIVER_BOOT   := yes
# Divisor, FIFO, IRQ-driven TX and RX on a fake 16550.
DRIVER_TESTS  := test_uart16550
DRIVER_TEST_test_uart16550 := tests/unit/test_uart16550.c drivers/serial/uart16550/uart_dev.c
