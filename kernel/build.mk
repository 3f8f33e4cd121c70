# kernel: (nothing yet)
