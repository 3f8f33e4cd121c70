/*
 * MSI-X (irq/msix.h). The table is mapped into the kernel once per
 * function and BAR address, and kept: a driver's restart enables the same
 * entries again. Enabling follows §6.8.2.3: MSI-X on with the function
 * masked, every entry masked, then the function unmasked, so no entry with
 * an old address can fire in between.
 */
#include <atxf/errors.h>
#include "irq/msi.h"
#include "irq/msix.h"
#include "irq/vector.h"
#include "mm/kva.h"
#include "mm/vm.h"
#include "pci/pcicfg.h"

#define MSIX_FUNCTIONS 32       /* functions with MSI-X vectors bound at once */

struct msix_fn {
	uint32_t bdf;
	unsigned users;             /* entries enabled; 0: MSI-X is off */
	unsigned cap;               /* config offset of the capability; 0: slot free */
	unsigned size;              /* table entries */
	uint64_t table_pa;          /* where the table was when it was mapped */
	volatile uint32_t *table;   /* the kernel's mapping of it */
};

static struct msix_fn fns[MSIX_FUNCTIONS];

/* The physical address of memory BAR `bar`, or 0 if it is I/O or absent. */
static uint64_t bar_address(uint32_t bdf, unsigned bar)
{
	unsigned off = PCI_BAR0 + 4 * bar;
	uint32_t lo = pci_cfg_read(bdf, off, 4);
	uint64_t pa = lo & PCI_BAR_MEM_MASK;

	if (bar >= PCI_BARS || (lo & PCI_BAR_IO))
		return 0;
	if ((lo & PCI_BAR_MEM_TYPE) == PCI_BAR_MEM_64 && bar + 1 < PCI_BARS)
		pa |= (uint64_t)pci_cfg_read(bdf, off + 4, 4) << 32;
	return pa;
}

static volatile uint32_t *entry_word(const struct msix_fn *f, unsigned entry, unsigned off)
{
	return f->table + (entry * PCI_MSIX_ENTRY_SIZE + off) / 4;
}

static void set_entry_mask(const struct msix_fn *f, unsigned entry, bool masked)
{
	volatile uint32_t *ctrl = entry_word(f, entry, PCI_MSIX_ENTRY_CTRL);
	uint32_t v = *ctrl;

	*ctrl = masked ? v | PCI_MSIX_ENTRY_MASKED : v & ~PCI_MSIX_ENTRY_MASKED;
	(void)*ctrl;                /* the read flushes the posted write */
}

/* Maps the function's table if it is not mapped where the BAR now says. */
static int map_table(struct msix_fn *f)
{
	uint32_t where = pci_cfg_read(f->bdf, f->cap + PCI_MSIX_TABLE, 4);
	uint64_t bar = bar_address(f->bdf, where & PCI_MSIX_BIR_MASK);
	uint64_t pa = bar + (where & ~PCI_MSIX_BIR_MASK);

	if (!bar)
		return -ATXF_ENODEV;
	if (f->table && f->table_pa == pa)
		return 0;
	f->table = kva_map_phys(pa, f->size * PCI_MSIX_ENTRY_SIZE, VM_WRITE | VM_UNCACHED);
	f->table_pa = pa;
	return f->table ? 0 : -ATXF_ENOSPC;
}

/* MSI-X on, every entry masked (§6.8.2.3). */
static void function_on(struct msix_fn *f)
{
	uint32_t ctrl = pci_cfg_read(f->bdf, f->cap + PCI_MSIX_CTRL, 2);

	msg_function_enable(f->bdf);
	pci_cfg_write(f->bdf, f->cap + PCI_MSIX_CTRL, 2,
		      ctrl | PCI_MSIX_CTRL_ENABLE | PCI_MSIX_CTRL_MASKALL);
	for (unsigned e = 0; e < f->size; e++)
		set_entry_mask(f, e, true);
	pci_cfg_write(f->bdf, f->cap + PCI_MSIX_CTRL, 2,
		      (ctrl | PCI_MSIX_CTRL_ENABLE) & ~PCI_MSIX_CTRL_MASKALL);
}

static struct msix_fn *fn_of(uint32_t bdf)
{
	for (unsigned i = 0; i < MSIX_FUNCTIONS; i++)
		if (fns[i].cap && fns[i].bdf == bdf)
			return &fns[i];
	return NULL;
}

/* The function's slot, found or set up (not yet on); NULL with *err. */
static struct msix_fn *fn_get(uint32_t bdf, int *err)
{
	struct msix_fn *f = fn_of(bdf);
	unsigned cap = f ? f->cap : pci_find_cap(bdf, PCI_CAP_ID_MSIX);

	*err = -ATXF_ENODEV;
	if (!cap)
		return NULL;
	for (unsigned i = 0; !f && i < MSIX_FUNCTIONS; i++)
		if (!fns[i].cap)
			f = &fns[i];
	*err = -ATXF_ENOSPC;
	if (!f)
		return NULL;
	if (!f->cap) {
		*f = (struct msix_fn){ .bdf = bdf, .cap = cap };
		f->size = pci_msix_table_size((uint16_t)pci_cfg_read(bdf, cap + PCI_MSIX_CTRL, 2));
	}
	*err = 0;
	return f;
}

int msix_enable(uint32_t bdf, unsigned entry)
{
	int err, vector;
	struct msix_fn *f = fn_get(bdf, &err);

	if (!f)
		return err;
	if (entry >= f->size)
		return -ATXF_ERANGE;
	if (!f->users && msi_is_on(bdf))
		return -ATXF_EBUSY;     /* §6.8.2: never MSI and MSI-X at once */
	if (!f->users && (err = map_table(f)) != 0)
		return err;
	vector = msg_vector_alloc();
	if (vector < 0)
		return vector;
	if (!f->users++)
		function_on(f);
	set_entry_mask(f, entry, true);
	*entry_word(f, entry, PCI_MSIX_ENTRY_ADDR_LO) = msg_address();
	*entry_word(f, entry, PCI_MSIX_ENTRY_ADDR_HI) = 0;
	*entry_word(f, entry, PCI_MSIX_ENTRY_DATA) = (uint32_t)vector;
	return vector;
}

void msix_mask(uint32_t bdf, unsigned entry, bool masked)
{
	struct msix_fn *f = fn_of(bdf);

	if (f && f->users && entry < f->size)
		set_entry_mask(f, entry, masked);
}

void msix_disable(uint32_t bdf, unsigned entry, unsigned vector)
{
	struct msix_fn *f = fn_of(bdf);

	msg_vector_free(vector);
	if (!f || !f->users || entry >= f->size)
		return;
	set_entry_mask(f, entry, true);
	if (--f->users == 0) {
		uint32_t ctrl = pci_cfg_read(bdf, f->cap + PCI_MSIX_CTRL, 2);

		pci_cfg_write(bdf, f->cap + PCI_MSIX_CTRL, 2, ctrl & ~PCI_MSIX_CTRL_ENABLE);
	}
}

bool msix_is_on(uint32_t bdf)
{
	struct msix_fn *f = fn_of(bdf);

	return f && f->users;
}
