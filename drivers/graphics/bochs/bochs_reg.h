/*
 * The Bochs VBE "DISPI" interface of QEMU's standard VGA (-vga std, PCI
 * 1234:1111 class 03:00) and of -device bochs-display (1234:1111 class
 * 03:80), as QEMU's docs/specs/standard-vga.rst describes them:
 *
 *   BAR 0  the linear framebuffer (16 MiB by default, vgamem_mb)
 *   BAR 2  MMIO registers: 0x400-0x41f the VGA ports 0x3c0-0x3df (std VGA
 *          only), 0x500-0x515 the DISPI registers, 16 bits each, register
 *          i at 0x500 + 2 i (the same as index/data at ports 0x1ce/0x1cf)
 */
#ifndef BOCHS_REG_H
#define BOCHS_REG_H

#define BOCHS_VENDOR            0x1234
#define BOCHS_DEVICE            0x1111
#define BOCHS_SUBCLASS_VGA      0x00    /* PCI class 03:00: std VGA, has the VGA ports */

#define BOCHS_VGA_PORTS         0x400   /* BAR 2: port 0x3c0 + n at 0x400 + n */
#define BOCHS_DISPI             0x500   /* BAR 2: DISPI register i at 0x500 + 2 i */
#define BOCHS_REGS_MIN          0x600   /* what BAR 2 must span */

/* DISPI register indices. */
#define DISPI_ID                0x0     /* 0xb0c0..0xb0c5: the interface's version */
#define DISPI_XRES              0x1
#define DISPI_YRES              0x2
#define DISPI_BPP               0x3
#define DISPI_ENABLE            0x4
#define DISPI_VIRT_WIDTH        0x6     /* pixels per framebuffer line (the pitch) */
#define DISPI_VIRT_HEIGHT       0x7
#define DISPI_X_OFFSET          0x8
#define DISPI_Y_OFFSET          0x9
#define DISPI_VIDEO_MEMORY_64K  0xa     /* framebuffer size in 64 KiB units */

#define DISPI_ID_MIN            0xb0c0
#define DISPI_ID_MAX            0xb0c5

/* DISPI_ENABLE bits. */
#define DISPI_ENABLED           0x01
#define DISPI_GETCAPS           0x02    /* XRES, YRES, BPP then read as maxima */
#define DISPI_LFB_ENABLED       0x40

/* VGA attribute controller (port 0x3c0): writing an index with bit 5
 * (palette address source) set lets the CRT show the picture; QEMU shows
 * a blank screen while it is clear. */
#define VGA_ATT_W               0x00    /* port 0x3c0, from BOCHS_VGA_PORTS */
#define VGA_AR_ENABLE_DISPLAY   0x20

#endif
