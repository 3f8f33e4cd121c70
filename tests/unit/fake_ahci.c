/* The fake AHCI HBA (fake_ahci.h). */
#include <string.h>
#include <atxf/cap.h>
#include <atxf/fake.h>
#include <atxf/hw.h>
#include "ahci_reg.h"
#include "ata_ide_hd.h"
#include "fake_ahci.h"

#define CAP (0u /* 1 port */ | (31u << 8) | AHCI_CAP_SNCQ)

static void raise_port(struct fake_ahci *f, uint32_t bits)
{
	f->pis |= bits;
	f->is = (f->pis & f->pie) ? 1 : 0;
}

/* The disk's D2H FIS after a reset, once FRE lets it land (QEMU:
 * ahci_init_d2h). */
static void first_d2h(struct fake_ahci *f)
{
	if (f->d2h_sent || !(f->cmd & PX_CMD_FRE) || !f->present)
		return;
	f->d2h_sent = true;
	f->sig = AHCI_SIG_ATA;
	f->tfd = 0x0130;                    /* error 1, status SEEK|WRERR, as QEMU */
	raise_port(f, PX_IS_DHRS);
}

static void reset_port(struct fake_ahci *f)
{
	f->sact = f->ci = f->serr = 0;
	f->tfd = 0x7f;
	f->sig = 0xffffffff;
	f->d2h_sent = false;
	first_d2h(f);
}

static uint64_t reg_read(void *ctx, uint64_t off, unsigned width)
{
	struct fake_ahci *f = ctx;
	const uint32_t port[] = {
		[PX_CLB / 4] = f->clb, [PX_FB / 4] = f->fb, [PX_IS / 4] = f->pis,
		[PX_IE / 4] = f->pie, [PX_CMD / 4] = f->cmd, [PX_TFD / 4] = f->tfd,
		[PX_SIG / 4] = f->sig, [PX_SSTS / 4] = f->present ? 0x113 : 0,
		[PX_SCTL / 4] = f->sctl, [PX_SERR / 4] = f->serr, [PX_SACT / 4] = f->sact,
		[PX_CI / 4] = f->ci,
	};

	(void)width;
	switch (off) {
	case AHCI_CAP: return CAP;
	case AHCI_GHC: return f->ghc;
	case AHCI_IS:  return f->is;
	case AHCI_PI:  return 1;
	case AHCI_VS:  return 0x10000;
	}
	if (off >= AHCI_PORT(0) && off < AHCI_PORT(0) + sizeof(port))
		return port[(off - AHCI_PORT(0)) / 4];
	return 0;
}

static void cmd_write(struct fake_ahci *f, uint32_t v)
{
	f->cmd = (v & ~(PX_CMD_FR | PX_CMD_CR)) | PX_CMD_SUD | PX_CMD_POD;
	if (f->cmd & PX_CMD_FRE)
		f->cmd |= PX_CMD_FR;
	if (f->cmd & PX_CMD_ST)
		f->cmd |= PX_CMD_CR;
	first_d2h(f);
}

static void port_write(struct fake_ahci *f, uint64_t reg, uint32_t v)
{
	switch (reg) {
	case PX_CLB:  f->clb = v; break;
	case PX_FB:   f->fb = v; break;
	case PX_IS:   f->pis &= ~v; f->is = (f->pis & f->pie) ? 1 : 0; break;
	case PX_IE:   f->pie = v; break;
	case PX_CMD:  cmd_write(f, v); break;
	case PX_SERR: f->serr &= ~v; break;
	case PX_SACT: f->sact |= v; break;
	case PX_CI:
		f->ci |= v;
		if (f->sync)
			fake_ahci_run(f);
		break;
	case PX_SCTL:
		if ((f->sctl & 0xf) == 1 && (v & 0xf) == 0) {
			f->comresets++;
			reset_port(f);
		}
		f->sctl = v;
		break;
	}
}

static void reg_write(void *ctx, uint64_t off, unsigned width, uint64_t value)
{
	struct fake_ahci *f = ctx;

	(void)width;
	if (off == AHCI_GHC) {
		if (value & AHCI_GHC_HR) {
			f->ghc = AHCI_GHC_AE;
			f->pis = f->pie = f->is = 0;
			f->cmd = PX_CMD_SUD | PX_CMD_POD;
			reset_port(f);
		} else {
			f->ghc = (uint32_t)(value & 3) | AHCI_GHC_AE;
		}
	} else if (off >= AHCI_PORT(0) && off < AHCI_PORT(1)) {
		port_write(f, off - AHCI_PORT(0), (uint32_t)value);
	}
}

volatile uint8_t *fake_ahci_add(struct fake_ahci *f)
{
	atxf_handle_t mmio;

	f->ghc = AHCI_GHC_AE;
	f->cmd = PX_CMD_SUD | PX_CMD_POD;
	f->tfd = 0x7f;
	if (!atxf_fake_mmio_add(FAKE_AHCI_PADDR, 0x1000, reg_read, reg_write, f))
		return NULL;
	mmio = atxf_fake_cap_add(ATXF_CAP_MMIO, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE,
				 FAKE_AHCI_PADDR, 0x1000);
	return mmio < 0 ? NULL : atxf_mmio_map(mmio, 0, 0x1000);
}

/* Moves bytes between the PRDT and the disk (or buf for IDENTIFY). */
static bool move(struct ahci_cmd_header *h, uint8_t *at, uint32_t bytes, bool to_disk)
{
	struct ahci_cmd_table *t = atxf_fake_dma_to_host(h->ctba, sizeof(*t));
	uint32_t done = 0;

	for (unsigned i = 0; t && i < h->prdtl && done < bytes; i++) {
		uint32_t n = (t->prd[i].dbc & 0x3fffff) + 1;
		uint8_t *mem = atxf_fake_dma_to_host(t->prd[i].dba, n);

		if (!mem)
			return false;
		n = n < bytes - done ? n : bytes - done;
		to_disk ? memcpy(at + done, mem, n) : memcpy(mem, at + done, n);
		done += n;
	}
	h->prdbc = done;
	return done == bytes;
}

static bool lba28(const uint8_t *c)
{
	return c[2] == 0xc8 || c[2] == 0xca;
}

static uint64_t fis_lba(const uint8_t *c)
{
	if (lba28(c))
		return (uint64_t)c[4] | (uint64_t)c[5] << 8 | (uint64_t)c[6] << 16 |
		       (uint64_t)(c[7] & 0xf) << 24;
	return (uint64_t)c[4] | (uint64_t)c[5] << 8 | (uint64_t)c[6] << 16 |
	       (uint64_t)c[8] << 24 | (uint64_t)c[9] << 32 | (uint64_t)c[10] << 40;
}

/* A READ/WRITE: 0, or the command fails (a bad sector, out of range). */
static int transfer(struct fake_ahci *f, struct ahci_cmd_header *h, const uint8_t *c, bool ncq)
{
	uint64_t lba = fis_lba(c);
	uint32_t count = ncq ? (uint32_t)(c[3] | c[11] << 8) : (uint32_t)(c[12] | c[13] << 8);
	bool write = c[2] == 0x35 || c[2] == 0x61 || c[2] == 0xca;

	if (lba28(c))
		count = c[12];
	if (count == 0)
		count = lba28(c) ? 256 : 65536;
	if (lba + count > FAKE_AHCI_SECTORS ||
	    (f->bad_sector >= lba && f->bad_sector < lba + count))
		return -1;
	return move(h, f->disk + lba * 512, count * 512, write) ? 0 : -1;
}

static void run_slot(struct fake_ahci *f, unsigned s)
{
	struct ahci_cmd_header *h = atxf_fake_dma_to_host(f->clb + 32ull * s, 32);
	struct ahci_cmd_table *t = h ? atxf_fake_dma_to_host(h->ctba, sizeof(*t)) : NULL;
	const uint8_t *c = t ? t->cfis : NULL;
	int err = 0;

	f->ci &= ~(1u << s);
	if (!c)
		return;
	if (c[2] == 0x60 || c[2] == 0x61) {             /* FPDMA QUEUED: done by SDB FIS */
		f->ncq_cmds++;
		if (transfer(f, h, c, true) < 0) {
			f->tfd = 0x0441;
			raise_port(f, PX_IS_TFES | PX_IS_SDBS);
			return;
		}
		f->sact &= ~(1u << (c[12] >> 3));
		f->tfd = 0x50;
		raise_port(f, PX_IS_SDBS);
		return;
	}
	if (c[2] == 0xec) {
		uint16_t w[256];
		struct ide_hd hd = { .nb_sectors = FAKE_AHCI_SECTORS, .ncq_queues = 32,
				     .write_cache = true };

		ide_hd_identify(w, &hd);
		err = move(h, (uint8_t *)w, 512, false) ? 0 : -1;
	} else if (c[2] == 0x25 || c[2] == 0x35 || lba28(c)) {
		f->dma_cmds++;
		err = transfer(f, h, c, false);
	} else if (c[2] == 0xea) {
		f->flushes++;
	} else {
		err = -1;
	}
	f->tfd = err ? 0x0441 : 0x50;
	raise_port(f, err ? PX_IS_TFES | PX_IS_DHRS : PX_IS_DHRS);
}

unsigned fake_ahci_run(struct fake_ahci *f)
{
	unsigned n = 0;

	if (f->hang || !(f->cmd & PX_CMD_ST))
		return 0;
	for (unsigned s = 0; s < 32; s++)
		if (f->ci & (1u << s)) {
			run_slot(f, s);
			n++;
		}
	return n;
}
