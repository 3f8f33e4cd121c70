# sysroot: (nothing yet)
