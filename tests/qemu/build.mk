# tests/qemu: (nothing yet)
