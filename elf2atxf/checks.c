/*
 * What elf2atxf refuses, and why. Each check names the precise problem and,
 * where there is a usual cause, the build flag that fixes it. The raw bytes
 * are checked before libelf sees them, so a truncated or corrupt file gets a
 * reason a person understands rather than a library error.
 */
#include <string.h>
#include <atxf/manifest.h>
#include "elf2atxf.h"

#define EHDR64_SIZE 64
#define PHDR64_SIZE 56
#define SHDR64_SIZE 64

static const char *machine_name(unsigned m)
{
	switch (m) {
	case EM_386: return "i386";
	case EM_ARM: return "ARM";
	case EM_AARCH64: return "AArch64";
	case EM_RISCV: return "RISC-V";
	case EM_PPC64: return "PowerPC64";
	case EM_NONE: return "none";
	default: return "unknown";
	}
}

static int check_ident(struct conversion *c)
{
	const uint8_t *id = c->file;

	if (c->size == 0)
		return refuse(c, NULL, "file is empty");
	if (c->size < SELFMAG || memcmp(id, ELFMAG, SELFMAG) != 0)
		return refuse(c, "expected an ELF executable from the linker",
			      "not an ELF file (no \\177ELF magic)");
	if (c->size < EI_NIDENT)
		return refuse(c, "incomplete copy?", "truncated: %zu bytes, the ELF identification needs %d",
			      c->size, EI_NIDENT);
	if (id[EI_CLASS] == ELFCLASS32)
		return refuse(c, "built with -m32?", "32-bit ELF (ELFCLASS32); ATXF programs are 64-bit x86-64");
	if (id[EI_CLASS] != ELFCLASS64)
		return refuse(c, NULL, "invalid ELF class %u", id[EI_CLASS]);
	if (id[EI_DATA] == ELFDATA2MSB)
		return refuse(c, "built for another architecture?", "big-endian ELF; ATXF programs are little-endian x86-64");
	if (id[EI_DATA] != ELFDATA2LSB)
		return refuse(c, NULL, "invalid ELF data encoding %u", id[EI_DATA]);
	if (id[EI_VERSION] != EV_CURRENT)
		return refuse(c, NULL, "unsupported ELF version %u", id[EI_VERSION]);
	if (c->size < EHDR64_SIZE)
		return refuse(c, "incomplete copy?", "truncated: %zu bytes, an ELF64 header needs %d",
			      c->size, EHDR64_SIZE);
	return 0;
}

static int check_type(struct conversion *c)
{
	const GElf_Ehdr *e = &c->ehdr;

	if (e->e_machine != EM_X86_64)
		return refuse(c, "wrong compiler?", "built for machine %u (%s), not x86-64",
			      e->e_machine, machine_name(e->e_machine));
	switch (e->e_type) {
	case ET_EXEC:
		return 0;
	case ET_REL:
		return refuse(c, "built with -c?", "relocatable object file, not a linked executable");
	case ET_DYN:
		return refuse(c, "built as PIE or -shared: add -static -no-pie",
			      "position-independent executable or shared object (ET_DYN); ATXF programs are linked at a fixed address");
	case ET_CORE:
		return refuse(c, NULL, "core dump, not an executable");
	default:
		return refuse(c, NULL, "unknown ELF file type %u", e->e_type);
	}
}

int check_elf_identity(struct conversion *c)
{
	if (check_ident(c))
		return -1;
	c->elf = elf_memory((char *)c->file, c->size);
	if (!c->elf || !gelf_getehdr(c->elf, &c->ehdr))
		return refuse(c, NULL, "unreadable ELF header: %s", elf_errmsg(-1));
	return check_type(c);
}

/* Does a table of count entries of entsize bytes at off fit in the file? */
static int table_fits(const struct conversion *c, uint64_t off, uint64_t count, unsigned entsize)
{
	return off <= c->size && count <= (c->size - off) / entsize;
}

static int check_phdr_table(struct conversion *c, size_t *count)
{
	const GElf_Ehdr *e = &c->ehdr;

	if (e->e_phentsize != PHDR64_SIZE)
		return refuse(c, "corrupt file?", "bad e_phentsize %u (an ELF64 program header is %d bytes)",
			      e->e_phentsize, PHDR64_SIZE);
	/*
	 * Check the raw e_phnum before asking libelf: libelf quietly shortens a
	 * table that runs past the end of the file, which would turn a truncated
	 * file into "no program headers". PN_XNUM means the count is in section 0.
	 */
	*count = e->e_phnum;
	if (e->e_phnum == PN_XNUM && elf_getphdrnum(c->elf, count) != 0)
		return refuse(c, "corrupt file?", "unreadable program header count: %s", elf_errmsg(-1));
	if (*count == 0)
		return refuse(c, "not a linked executable?", "no program headers");
	if (!table_fits(c, e->e_phoff, *count, PHDR64_SIZE))
		return refuse(c, "truncated file?", "program headers (offset %#llx, %zu entries) lie outside the file (%zu bytes)",
			      (unsigned long long)e->e_phoff, *count, c->size);
	return 0;
}

/* Program headers that make a file something ATXF cannot run. */
static int check_special_phdr(struct conversion *c, const GElf_Phdr *p, size_t i)
{
	switch (p->p_type) {
	case PT_INTERP:
		return refuse(c, "link with -static -nostdlib (x86_64-atxf-gcc does)",
			      "dynamically linked: program header %zu asks for an interpreter (PT_INTERP)", i);
	case PT_DYNAMIC:
		return refuse(c, "link with -static -no-pie",
			      "dynamically linked: program header %zu is PT_DYNAMIC", i);
	default:
		return 0;
	}
}

static int check_load_segment(struct conversion *c, const GElf_Phdr *p, size_t i)
{
	uint64_t end = p->p_offset + p->p_filesz;

	if (end > c->size || end < p->p_offset)
		return refuse(c, "truncated file?", "segment %zu (file offset %#llx, %llu bytes) lies outside the file (%zu bytes)",
			      i, (unsigned long long)p->p_offset, (unsigned long long)p->p_filesz, c->size);
	/* A wrapping end would pass the overlap and size checks in layout.c. */
	if (p->p_vaddr + p->p_memsz < p->p_vaddr)
		return refuse(c, "corrupt file?", "segment %zu (address %#llx, %llu bytes) wraps around the end of the address space",
			      i, (unsigned long long)p->p_vaddr, (unsigned long long)p->p_memsz);
	if (p->p_filesz > p->p_memsz)
		return refuse(c, "corrupt file?", "segment %zu has more bytes in the file (%llu) than in memory (%llu)",
			      i, (unsigned long long)p->p_filesz, (unsigned long long)p->p_memsz);
	if ((p->p_flags & PF_W) && (p->p_flags & PF_X))
		return refuse(c, "linked with -N/--omagic or a custom script? use -T atxf.ld",
			      "segment %zu at %#llx is both writable and executable; ATXF never maps memory W+X",
			      i, (unsigned long long)p->p_vaddr);
	if (c->nseg == MAX_SEGMENTS)
		return refuse(c, NULL, "more than %d loadable segments", MAX_SEGMENTS);
	c->seg[c->nseg++] = (struct segment){
		.index = (unsigned)i, .vaddr = p->p_vaddr, .offset = p->p_offset,
		.filesz = p->p_filesz, .memsz = p->p_memsz, .flags = p->p_flags,
	};
	return 0;
}

/*
 * PT_TLS: the initial image of __thread variables (docs/atxf-format.md §6).
 * ATXF needs no field for it: atxf.ld puts the image in the data segment,
 * where it travels as data, and the libc finds it by linker symbols. So it
 * must lie there, and its alignment must be one a page-aligned layout keeps.
 */
static int check_tls_segment(struct conversion *c, const GElf_Phdr *p, size_t i)
{
	if (c->tls.memsz)
		return refuse(c, "corrupt file?", "program header %zu is a second PT_TLS", i);
	if (p->p_filesz > p->p_memsz || (p->p_align & (p->p_align - 1)) || p->p_align > 4096)
		return refuse(c, "corrupt file?", "PT_TLS (program header %zu): %llu file bytes, %llu in memory, alignment %llu",
			      i, (unsigned long long)p->p_filesz, (unsigned long long)p->p_memsz,
			      (unsigned long long)p->p_align);
	c->tls = (struct segment){ .index = (unsigned)i, .vaddr = p->p_vaddr, .offset = p->p_offset,
				   .filesz = p->p_filesz, .memsz = p->p_memsz, .flags = p->p_flags };
	return 0;
}

/* The TLS image must be file bytes of one writable PT_LOAD: data. */
static int check_tls_in_data(struct conversion *c)
{
	const struct segment *t = &c->tls;

	if (!t->memsz || !t->filesz)
		return 0;
	for (unsigned k = 0; k < c->nseg; k++) {
		const struct segment *s = &c->seg[k];

		if ((s->flags & PF_W) && t->vaddr >= s->vaddr &&
		    t->vaddr + t->filesz <= s->vaddr + s->filesz &&
		    t->offset - s->offset == t->vaddr - s->vaddr)
			return 0;
	}
	return refuse(c, "link with -T atxf.ld (x86_64-atxf-gcc does)",
		      "the thread-local storage image (PT_TLS, %#llx, %llu bytes) is not part of a data segment",
		      (unsigned long long)t->vaddr, (unsigned long long)t->filesz);
}

int check_program_headers(struct conversion *c)
{
	size_t count, i;
	GElf_Phdr p;

	if (check_phdr_table(c, &count))
		return -1;
	for (i = 0; i < count; i++) {
		if (!gelf_getphdr(c->elf, (int)i, &p))
			return refuse(c, "corrupt file?", "unreadable program header %zu: %s", i, elf_errmsg(-1));
		if (check_special_phdr(c, &p, i))
			return -1;
		if (p.p_type == PT_LOAD && p.p_memsz > 0 && check_load_segment(c, &p, i))
			return -1;
		if (p.p_type == PT_TLS && p.p_memsz > 0 && check_tls_segment(c, &p, i))
			return -1;
	}
	if (c->nseg == 0)
		return refuse(c, "not a linked executable?", "no loadable segments");
	return check_tls_in_data(c);
}

/* A manifest devmgr would refuse is refused here, where the author can fix it. */
static int check_manifest(struct conversion *c)
{
	struct atxf_manifest m;
	const char *why = NULL;

	if (c->manifest_size != sizeof(m))
		return refuse(c, "declare it once with ATXF_DRIVER_MANIFEST",
			      "section .atxf.manifest is %zu bytes, a manifest is %zu", c->manifest_size, sizeof(m));
	if (atxf_manifest_decode(c->manifest, c->manifest_size, &m, &why))
		return refuse(c, "see <atxf/manifest.h>", "invalid driver manifest: %s", why);
	return 0;
}

/* A loaded relocation section means the program expects a run-time linker. */
static int check_section(struct conversion *c, Elf_Scn *scn, size_t shstrndx)
{
	GElf_Shdr sh;
	const char *name;

	if (!gelf_getshdr(scn, &sh))
		return refuse(c, "corrupt file?", "unreadable section header: %s", elf_errmsg(-1));
	name = elf_strptr(c->elf, shstrndx, sh.sh_name);
	if (!name)
		name = "?";
	if ((sh.sh_type == SHT_RELA || sh.sh_type == SHT_REL) && (sh.sh_flags & SHF_ALLOC) && sh.sh_size)
		return refuse(c, "IFUNC or -static-pie? ATXF programs are never relocated at load",
			      "has dynamic relocations (section %s)", name);
	/* A TLS section that no PT_TLS describes (an old or custom script)
	 * would run as plain data, shared by every thread: refuse it. */
	if ((sh.sh_flags & SHF_TLS) && sh.sh_size &&
	    (sh.sh_addr < c->tls.vaddr || sh.sh_addr + sh.sh_size > c->tls.vaddr + c->tls.memsz))
		return refuse(c, "link with -T atxf.ld (x86_64-atxf-gcc does), which gives it a PT_TLS",
			      "thread-local storage (section %s) outside any PT_TLS segment", name);
	if (strcmp(name, ".atxf.manifest") == 0 && sh.sh_type != SHT_NOBITS && sh.sh_size) {
		if (!table_fits(c, sh.sh_offset, sh.sh_size, 1))
			return refuse(c, "truncated file?", "section .atxf.manifest lies outside the file");
		c->manifest = c->file + sh.sh_offset;
		c->manifest_size = sh.sh_size;
		return check_manifest(c);
	}
	return 0;
}

int check_sections(struct conversion *c)
{
	Elf_Scn *scn = NULL;
	size_t shstrndx, count;

	if (c->ehdr.e_shoff == 0)
		return 0;       /* stripped of section headers: nothing to inspect */
	/* As for program headers, libelf would silently drop a cut-off table. */
	if (!table_fits(c, c->ehdr.e_shoff, c->ehdr.e_shnum ? c->ehdr.e_shnum : 1, SHDR64_SIZE))
		return refuse(c, "truncated file?", "section headers (offset %#llx, %u entries) lie outside the file (%zu bytes)",
			      (unsigned long long)c->ehdr.e_shoff, c->ehdr.e_shnum, c->size);
	if (elf_getshdrnum(c->elf, &count) != 0 || elf_getshdrstrndx(c->elf, &shstrndx) != 0)
		return refuse(c, "truncated file?", "section headers are unreadable: %s", elf_errmsg(-1));
	while ((scn = elf_nextscn(c->elf, scn)) != NULL)
		if (check_section(c, scn, shstrndx))
			return -1;
	return 0;
}
