/*
 * @NAME@_reg.h: the 16550 UART's registers, from the PC16550D datasheet
 * (National Semiconductor, June 1995), section 8 "Registers", Table II.
 * Offsets are from the first I/O port (COM2: 0x2f8). While LCR.DLAB is set,
 * offsets 0 and 1 are the divisor latch instead of RBR/THR and IER.
 */
#ifndef @UPPER@_REG_H
#define @UPPER@_REG_H

#define UART_PORTS      8       /* registers at base + 0 .. base + 7 */

#define UART_RBR        0       /* receiver buffer (read, DLAB = 0) */
#define UART_THR        0       /* transmitter holding (write, DLAB = 0) */
#define UART_DLL        0       /* divisor latch, low byte (DLAB = 1) */
#define UART_DLM        1       /* divisor latch, high byte (DLAB = 1) */
#define UART_IER        1       /* interrupt enable (DLAB = 0) */
#define UART_IIR        2       /* interrupt identification (read) */
#define UART_FCR        2       /* FIFO control (write) */
#define UART_LCR        3       /* line control */
#define UART_MCR        4       /* modem control */
#define UART_LSR        5       /* line status */
#define UART_MSR        6       /* modem status */
#define UART_SCR        7       /* scratch: holds a byte, drives nothing */

/* 8.7 Interrupt Enable Register */
#define IER_RX_AVAILABLE  0x01  /* received data (and FIFO timeout) */
#define IER_TX_EMPTY      0x02  /* transmitter holding register empty */
#define IER_LINE_STATUS   0x04  /* overrun, parity, framing error, break */
#define IER_MODEM_STATUS  0x08

/* 8.6 Interrupt Identification Register */
#define IIR_NO_INTERRUPT  0x01  /* bit 0 set: nothing pending */

/* 8.5 FIFO Control Register */
#define FCR_ENABLE        0x01
#define FCR_CLEAR_RX      0x02
#define FCR_CLEAR_TX      0x04
#define FCR_TRIGGER_8     0x80  /* interrupt when 8 bytes wait in the RX FIFO */

/* 8.1 Line Control Register */
#define LCR_8N1           0x03  /* 8 data bits, no parity, 1 stop bit */
#define LCR_DLAB          0x80  /* divisor latch access */

/* 8.8 Modem Control Register. On a PC, OUT2 gates the UART's interrupt line. */
#define MCR_DTR           0x01
#define MCR_RTS           0x02
#define MCR_OUT2          0x08

/* 8.4 Line Status Register */
#define LSR_DATA_READY    0x01
#define LSR_OVERRUN       0x02
#define LSR_THR_EMPTY     0x20  /* THR (or the TX FIFO) can take a byte */

/* 8.3 Programmable Baud Generator: divisor = clock / (16 * baud). */
#define UART_CLOCK_HZ     1843200u

#endif
