/*
 * The ATXF loader (proc/loader.h). docs/atxf-format.md §3, with
 * base = ATXF_LOAD_BASE:
 *
 *   text  file [text_offset, +text_size)  ->  [base, +text_size)        r-x
 *   data  file [data_offset, +data_size)  ->  [D, +data_size)           rw-
 *   bss   zeros                           ->  [D + data_size, +bss_size) rw-
 *
 * Every page is a fresh zeroed frame, so bss and the tail of the last data
 * page are zero whatever the file holds after data. The rest of the last
 * text page comes from the file as it is (elf2atxf writes zeros there),
 * as far as the file goes. NX is on for everything but text, and no page
 * is both writable and executable (paging_map() refuses it anyway).
 */
#include <atxf/errors.h>
#include <atxf/reader.h>
#include "arch/x86_64/memlayout.h"
#include "lib/errname.h"
#include "lib/log.h"
#include "mm/aspace.h"
#include "mm/vm.h"
#include "proc/loader.h"
#include "proc/process.h"
#include "proc/startinfo.h"

static uint64_t pages_for(uint64_t bytes)
{
	return (bytes + PAGE_SIZE - 1) / PAGE_SIZE;
}

/* "loader: NAME: refused: REASON (FIELD 0xVALUE, RELATION 0xBOUND)" */
static void log_refusal(const char *name, const struct atxf_fmt_diag *d)
{
	if (d->field)
		klog("loader: %s: refused: %s (%s 0x%lx, %s 0x%lx)", name,
		     atxf_fmt_strerror(d->error), d->field, d->value, atxf_fmt_relation(d->error),
		     d->limit);
	else
		klog("loader: %s: refused: %s", name, atxf_fmt_strerror(d->error));
}

/* Maps npages fresh pages at va with prot and copies len bytes of src to va. */
static int map_region(struct aspace *as, uint64_t va, uint64_t npages, unsigned prot,
		      const uint8_t *src, uint64_t len)
{
	int err;

	if (!npages)
		return 0;
	err = aspace_map_new(as, va, npages, prot);
	return err ? err : aspace_write(as, va, src, len);
}

static int map_image(struct process *p, const struct atxf_image *img)
{
	const struct atxf_header *h = &img->hdr;
	uint64_t text_pages = pages_for(h->text_size);
	uint64_t text_len = text_pages * PAGE_SIZE;
	int err;

	if (text_len > img->file_size - h->text_offset)
		text_len = img->file_size - h->text_offset;
	err = map_region(p->as, img->text_addr, text_pages, VM_EXEC,
			 img->file + h->text_offset, text_len);
	if (err)
		return err;
	/* data_addr is page-aligned: data_offset and text_offset both are. */
	return map_region(p->as, img->data_addr, pages_for(img->end_addr - img->data_addr),
			  VM_WRITE, img->file + h->data_offset, h->data_size);
}

int loader_check_size(const char *name, uint64_t size)
{
	struct atxf_fmt_diag diag = {
		.error = ATXF_FMT_FILE_TOO_LARGE, .field = "file size",
		.value = size, .limit = ATXF_MAX_FILE_SIZE,
	};

	if (size <= ATXF_MAX_FILE_SIZE)
		return 0;
	log_refusal(name, &diag);
	return -ATXF_ENOEXEC;
}

int loader_load(struct process *p, const void *file, uint64_t size)
{
	struct atxf_fmt_diag diag = { 0 };
	struct atxf_image img;
	int err;

	if (atxf_read(file, size, &img, &diag) != ATXF_FMT_OK) {
		log_refusal(p->name, &diag);
		return -ATXF_ENOEXEC;
	}
	err = map_image(p, &img);
	if (err) {
		klog("loader: %s: cannot map its %lu KiB image: %s", p->name,
		     (img.end_addr - img.text_addr) >> 10, err_name(err));
		return err;
	}
	p->entry = img.entry_addr;
	return 0;
}

int loader_exec(struct process *p, const void *file, uint64_t size,
		const struct start_args *args, unsigned priority)
{
	int err = loader_load(p, file, size);

	if (!err)
		err = startinfo_build(p, args);
	return err ? err : process_start(p, priority);
}
