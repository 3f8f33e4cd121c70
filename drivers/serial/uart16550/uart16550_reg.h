/*
 * uart16550_reg.h: the 16550 UART's registers, from the PC16550D datasheet
 * (National Semiconductor), section 8 "Registers", Table II. Offsets are
 * from the first I/O port (COM1: 0x3f8, COM2: 0x2f8). While LCR.DLAB is
 * set, offsets 0 and 1 are the divisor latch instead of RBR/THR and IER.
 */
#ifndef UART16550_REG_H
#define UART16550_REG_H

#define UART_PORTS      8

#define UART_RBR        0       /* receiver buffer (read, DLAB 0) */
#define UART_THR        0       /* transmitter holding (write, DLAB 0) */
#define UART_DLL        0       /* divisor latch low (DLAB 1) */
#define UART_DLM        1       /* divisor latch high (DLAB 1) */
#define UART_IER        1       /* interrupt enable (DLAB 0) */
#define UART_IIR        2       /* interrupt identification (read) */
#define UART_FCR        2       /* FIFO control (write) */
#define UART_LCR        3       /* line control */
#define UART_MCR        4       /* modem control */
#define UART_LSR        5       /* line status */
#define UART_MSR        6       /* modem status */
#define UART_SCR        7       /* scratch */

/* 8.7 Interrupt Enable Register */
#define IER_RX_AVAILABLE 0x01   /* received data available (and FIFO timeout) */
#define IER_TX_EMPTY     0x02   /* transmitter holding register empty */
#define IER_LINE_STATUS  0x04   /* overrun, parity, framing, break */

/* 8.6 Interrupt Identification Register, Table IV: bit 0 clear = pending. */
#define IIR_NO_INTERRUPT 0x01
#define IIR_ID_MASK      0x0e
#define IIR_MODEM        0x00   /* cleared by reading MSR */
#define IIR_TX_EMPTY     0x02   /* cleared by reading IIR or writing THR */
#define IIR_RX_DATA      0x04   /* cleared when RX FIFO drops below the trigger */
#define IIR_LINE_STATUS  0x06   /* cleared by reading LSR */
#define IIR_RX_TIMEOUT   0x0c   /* cleared by reading RBR */

/* 8.5 FIFO Control Register */
#define FCR_ENABLE       0x01
#define FCR_CLEAR_RX     0x02
#define FCR_CLEAR_TX     0x04
#define FCR_TRIGGER_8    0x80   /* RX interrupt at 8 bytes */

/* 8.1 Line Control Register */
#define LCR_8N1          0x03
#define LCR_DLAB         0x80

/* 8.8 Modem Control Register: on a PC, OUT2 gates the UART's IRQ line. */
#define MCR_DTR          0x01
#define MCR_RTS          0x02
#define MCR_OUT2         0x08

/* 8.4 Line Status Register */
#define LSR_DATA_READY   0x01
#define LSR_OVERRUN      0x02
#define LSR_THR_EMPTY    0x20

/* 8.3 Baud generator: divisor = 1.8432 MHz / (16 * baud). */
#define UART_CLOCK_HZ    1843200u
#define UART_FIFO_BYTES  16

#endif
