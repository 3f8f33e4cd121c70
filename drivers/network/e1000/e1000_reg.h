/*
 * Registers of the 8254x/8257x family as its legacy-descriptor interface
 * has them: the 82540EM (QEMU -device e1000) and the 82574L (QEMU -device
 * e1000e) alike. Intel "PCI/PCI-X Family of Gigabit Ethernet Controllers
 * Software Developer's Manual" (8254x), §13 (registers), §3.2 and §3.3
 * (descriptors); 82574 datasheet §10 for the 82574L's additions.
 */
#ifndef E1000_REG_H
#define E1000_REG_H

#include <stdint.h>

#define E1000_CTRL      0x0000u     /* §13.4.1 device control */
#define   E1000_CTRL_SLU    (1u << 6)   /* set link up */
#define   E1000_CTRL_RST    (1u << 26)  /* software reset, self-clearing */
#define E1000_STATUS    0x0008u     /* §13.4.2 */
#define   E1000_STATUS_LU   (1u << 1)   /* link up */
#define E1000_EERD      0x0014u     /* §13.4.4 EEPROM read */
#define   E1000_EERD_START  (1u << 0)
#define   E1000_EERD_DONE   (1u << 4)
#define   E1000_EERD_ADDR_SHIFT 8
#define   E1000_EERD_DATA_SHIFT 16
/* The 8257x moved EERD's fields (82574 datasheet §10.2.2.3): DONE bit 1, address from bit 2. */
#define   E1000_EERD_DONE_8257X       (1u << 1)
#define   E1000_EERD_ADDR_SHIFT_8257X 2
#define E1000_CTRL_EXT  0x0018u
#define E1000_ICR       0x00c0u     /* §13.4.17 causes; a read clears them */
#define E1000_ICS       0x00c8u     /* causes set by software */
#define E1000_IMS       0x00d0u     /* causes enabled */
#define E1000_IMC       0x00d8u     /* causes disabled */
#define   E1000_INT_TXDW    (1u << 0)   /* a descriptor with RS was written back */
#define   E1000_INT_LSC     (1u << 2)   /* link status change */
#define   E1000_INT_RXDMT0  (1u << 4)   /* free receive descriptors below the threshold */
#define   E1000_INT_RXO     (1u << 6)   /* receive overrun */
#define   E1000_INT_RXT0    (1u << 7)   /* receive timer: a frame arrived */
#define E1000_RCTL      0x0100u     /* §13.4.22 receive control */
#define   E1000_RCTL_EN     (1u << 1)
#define   E1000_RCTL_UPE    (1u << 3)   /* unicast promiscuous */
#define   E1000_RCTL_MPE    (1u << 4)   /* multicast promiscuous */
#define   E1000_RCTL_BAM    (1u << 15)  /* accept broadcast */
#define   E1000_RCTL_SECRC  (1u << 26)  /* strip the CRC */
				    /* BSIZE 00, BSEX 0: 2048-byte buffers */
#define E1000_TCTL      0x0400u     /* §13.4.33 transmit control */
#define   E1000_TCTL_EN     (1u << 1)
#define   E1000_TCTL_PSP    (1u << 3)   /* pad short packets */
#define   E1000_TCTL_CT     (0x0fu << 4)    /* collision threshold (full duplex: ignored) */
#define   E1000_TCTL_COLD   (0x40u << 12)   /* collision distance, full duplex */
#define E1000_TIPG      0x0410u     /* §13.4.34: 10, 8, 6 for copper (IPGT, IPGR1, IPGR2) */
#define   E1000_TIPG_COPPER (10u | 8u << 10 | 6u << 20)
#define E1000_RDBAL     0x2800u     /* receive ring: base, length, head, tail */
#define E1000_RDBAH     0x2804u
#define E1000_RDLEN     0x2808u
#define E1000_RDH       0x2810u
#define E1000_RDT       0x2818u
#define E1000_RDTR      0x2820u     /* receive interrupt delay: 0, at once */
#define E1000_TDBAL     0x3800u     /* transmit ring */
#define E1000_TDBAH     0x3804u
#define E1000_TDLEN     0x3808u
#define E1000_TDH       0x3810u
#define E1000_TDT       0x3818u
#define E1000_MTA       0x5200u     /* multicast table, 128 words */
#define E1000_MTA_WORDS 128u
#define E1000_RAL0      0x5400u     /* receive address 0, low */
#define E1000_RAH0      0x5404u
#define   E1000_RAH_AV      (1u << 31)  /* address valid */

/* EEPROM words: 0-2 the MAC, low byte first (§5.6.1). */
#define E1000_EEPROM_MAC 0u

/* §3.2.3 legacy receive descriptor. */
struct e1000_rx_desc {
	uint64_t addr;
	uint16_t length;
	uint16_t csum;
	uint8_t status;
	uint8_t errors;
	uint16_t special;
};
#define E1000_RXD_DD    (1u << 0)   /* descriptor done */
#define E1000_RXD_EOP   (1u << 1)   /* end of packet */

/* §3.3.3 legacy transmit descriptor. */
struct e1000_tx_desc {
	uint64_t addr;
	uint16_t length;
	uint8_t cso;
	uint8_t cmd;
	uint8_t status;
	uint8_t css;
	uint16_t special;
};
#define E1000_TXD_EOP   (1u << 0)   /* cmd: end of packet */
#define E1000_TXD_IFCS  (1u << 1)   /* cmd: insert the FCS */
#define E1000_TXD_RS    (1u << 3)   /* cmd: report status (DD when sent) */
#define E1000_TXD_DD    (1u << 0)   /* status: done */

_Static_assert(sizeof(struct e1000_rx_desc) == 16, "rx descriptor");
_Static_assert(sizeof(struct e1000_tx_desc) == 16, "tx descriptor");

#endif
