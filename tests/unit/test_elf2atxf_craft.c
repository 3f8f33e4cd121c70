/*
 * Crafted ELF inputs (see test_elf2atxf_craft.h). Every function asserts
 * that the fixture it damages has the shape it expects, so a changed
 * fixture fails loudly instead of quietly testing something else.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "test_elf2atxf_craft.h"

/* ELF64 header and program/section header field offsets (ELF64 spec). */
#define EI_DATA_AT    5
#define E_TYPE        16
#define E_MACHINE     18
#define E_PHOFF       32
#define E_SHOFF       40
#define E_PHENTSIZE   54
#define E_PHNUM       56
#define E_SHNUM       60
#define E_SHSTRNDX    62
#define PHDR_SIZE     56
#define P_TYPE        0
#define P_FLAGS       4
#define P_OFFSET      8
#define P_VADDR       16
#define P_FILESZ      32
#define P_MEMSZ       40
#define SHDR_SIZE     64
#define SH_NAME       0
#define SH_OFFSET     24
#define SH_SIZE       32
#define PT_LOAD_TYPE  1
#define PT_TLS_TYPE   7
#define PF_W_FLAG     2

static uint8_t *phdr(const struct blob *b, unsigned i)
{
	assert_true(i < le16(b->data + E_PHNUM));
	return b->data + le64(b->data + E_PHOFF) + (uint64_t)i * PHDR_SIZE;
}

/* The first PT_LOAD whose PF_W matches writable (the text or the data segment). */
static uint8_t *find_load(const struct blob *b, int writable)
{
	unsigned i, n = le16(b->data + E_PHNUM);

	for (i = 0; i < n; i++) {
		uint8_t *p = phdr(b, i);

		if (le32(p + P_TYPE) == PT_LOAD_TYPE && !!(le32(p + P_FLAGS) & PF_W_FLAG) == writable)
			return p;
	}
	fail_msg("fixture has no %s PT_LOAD segment", writable ? "writable" : "read-only");
	return NULL;
}

void craft_cut_at(struct blob *b, uint64_t arg)
{
	assert_true(arg < b->size);
	b->size = arg;
}

void craft_cut_in_phdrs(struct blob *b, uint64_t arg)
{
	(void)arg;
	assert_true(le16(b->data + E_PHNUM) >= 2);
	b->size = le64(b->data + E_PHOFF) + PHDR_SIZE + PHDR_SIZE / 2;
}

void craft_cut_in_segment(struct blob *b, uint64_t arg)
{
	const uint8_t *p = find_load(b, 1);

	(void)arg;
	assert_true(le64(p + P_FILESZ) >= 2);
	b->size = le64(p + P_OFFSET) + le64(p + P_FILESZ) / 2;
}

void craft_cut_in_shdrs(struct blob *b, uint64_t arg)
{
	uint64_t shoff = le64(b->data + E_SHOFF);
	unsigned shnum = le16(b->data + E_SHNUM);

	(void)arg;
	/* Only meaningful if the table is the last thing in the file (ld puts it there). */
	assert_int_equal(shoff + (uint64_t)shnum * SHDR_SIZE, b->size);
	b->size = shoff + (uint64_t)(shnum / 2) * SHDR_SIZE + 5;
}

void craft_big_endian(struct blob *b, uint64_t arg)
{
	(void)arg;
	b->data[EI_DATA_AT] = 2;        /* ELFDATA2MSB */
}

void craft_machine(struct blob *b, uint64_t arg)
{
	set_le16(b->data + E_MACHINE, (uint16_t)arg);
}

void craft_type(struct blob *b, uint64_t arg)
{
	set_le16(b->data + E_TYPE, (uint16_t)arg);
}

void craft_phoff_outside(struct blob *b, uint64_t arg)
{
	(void)arg;
	set_le64(b->data + E_PHOFF, b->size + 4096);
}

void craft_phentsize(struct blob *b, uint64_t arg)
{
	set_le16(b->data + E_PHENTSIZE, (uint16_t)arg);
}

void craft_data_offset_outside(struct blob *b, uint64_t arg)
{
	(void)arg;
	set_le64(find_load(b, 1) + P_OFFSET, b->size + 4096);
}

void craft_data_filesz_outside(struct blob *b, uint64_t arg)
{
	uint8_t *p = find_load(b, 1);

	(void)arg;
	/* memsz grows too, so the only thing wrong is the file range. */
	set_le64(p + P_FILESZ, b->size);
	set_le64(p + P_MEMSZ, b->size);
}

void craft_data_filesz_over_memsz(struct blob *b, uint64_t arg)
{
	uint8_t *p = find_load(b, 1);

	(void)arg;
	set_le64(p + P_MEMSZ, le64(p + P_FILESZ) / 2);
}

/* vaddr + memsz lands just past the text segment, after wrapping around 2^64. */
void craft_data_wraps(struct blob *b, uint64_t arg)
{
	uint8_t *p = find_load(b, 1);
	const uint8_t *text = find_load(b, 0);
	uint64_t text_end = le64(text + P_VADDR) + le64(text + P_MEMSZ);

	(void)arg;
	set_le32(p + P_FLAGS, 5);       /* read + execute, so it extends text */
	set_le64(p + P_MEMSZ, text_end + 16 - le64(p + P_VADDR));
}

void craft_text_memsz(struct blob *b, uint64_t arg)
{
	set_le64(find_load(b, 0) + P_MEMSZ, arg);
}

void craft_no_loads(struct blob *b, uint64_t arg)
{
	unsigned i, n = le16(b->data + E_PHNUM);

	(void)arg;
	for (i = 0; i < n; i++)
		if (le32(phdr(b, i) + P_TYPE) == PT_LOAD_TYPE)
			set_le32(phdr(b, i) + P_TYPE, 0);
}

static uint8_t *shdr_named(const struct blob *b, const char *name)
{
	uint64_t shoff = le64(b->data + E_SHOFF);
	unsigned i, n = le16(b->data + E_SHNUM);
	const uint8_t *strtab = b->data + shoff + (uint64_t)le16(b->data + E_SHSTRNDX) * SHDR_SIZE;
	const char *names = (const char *)b->data + le64(strtab + SH_OFFSET);

	for (i = 0; i < n; i++) {
		uint8_t *sh = b->data + shoff + (uint64_t)i * SHDR_SIZE;

		if (!strcmp(names + le32(sh + SH_NAME), name))
			return sh;
	}
	fail_msg("fixture has no section %s", name);
	return NULL;
}

void craft_manifest_outside(struct blob *b, uint64_t arg)
{
	uint8_t *sh = shdr_named(b, ".atxf.manifest");

	(void)arg;
	/* offset + size wraps to 8: a naive "offset + size > file size" check passes. */
	set_le64(sh + SH_OFFSET, UINT64_MAX - 7);
	set_le64(sh + SH_SIZE, 16);
}

static uint8_t *find_tls(const struct blob *b)
{
	unsigned n = le16(b->data + E_PHNUM);

	for (unsigned i = 0; i < n; i++)
		if (le32(phdr(b, i) + P_TYPE) == PT_TLS_TYPE)
			return phdr(b, i);
	fail_msg("fixture has no PT_TLS segment");
	return NULL;
}

void craft_drop_tls(struct blob *b, uint64_t arg)
{
	(void)arg;
	set_le32(find_tls(b) + P_TYPE, 0);     /* PT_NULL: .tdata is left without one */
}

void craft_tls_in_text(struct blob *b, uint64_t arg)
{
	const uint8_t *text = find_load(b, 0);
	uint8_t *tls = find_tls(b);

	(void)arg;
	set_le64(tls + P_OFFSET, le64(text + P_OFFSET));
	set_le64(tls + P_VADDR, le64(text + P_VADDR));
}
