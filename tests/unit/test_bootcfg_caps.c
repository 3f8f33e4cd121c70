/*
 * init's capability clauses (services/init/bootcap.c, docs/boot.md) on the
 * host: a table of words, each with the derive arguments it must give
 * ("KIND base size rights", numbers in hex) or the reason it is refused
 * ("! WHY").
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/cap.h>
#include "bootcap.h"

struct cap_case {
	const char *word;
	const char *want;
};

static const char *kind_name(uint32_t kind)
{
	if (kind == BOOTCAP_MEM_LIMIT)
		return "mem";
	if (kind == BOOTCAP_STDIN)
		return "stdin";
	static const char *names[] = { "none", "root", "ioport", "irq", "mmio", "dma",
				       "port", "fb", "shm", "pci", "klog" };

	return kind < sizeof(names) / sizeof(names[0]) ? names[kind] : "?";
}

static void render(const char *word, char *out, size_t size)
{
	struct bootcap cap;
	char why[BOOTCAP_WHY_MAX];

	if (bootcap_parse(word, &cap, why, sizeof(why)) < 0) {
		snprintf(out, size, "! %s", why);
		return;
	}
	if (cap.kind == BOOTCAP_STDIN) {
		snprintf(out, size, "stdin %s %x", cap.member, cap.rights);
		return;
	}
	snprintf(out, size, "%s %llx %llx %x", kind_name(cap.kind), (unsigned long long)cap.base,
		 (unsigned long long)cap.size, cap.rights);
}

static const struct cap_case cases[] = {
	/* what docs/boot.md promises */
	{ "ioport:0x60-0x64:rw", "ioport 60 5 3" },
	{ "ioport:0x70-0x71", "ioport 70 2 7" },
	{ "ioport:96-96:r", "ioport 60 1 1" },
	{ "irq:1:r", "irq 1 1 1" },
	{ "irq:11", "irq b 1 7" },
	{ "msi:00:04.0:r", "irq 100000020 1 1" },
	{ "msi:ff:1f.7", "irq 10000ffff 1 7" },
	{ "msix:00:05.0:r", "irq 200028000 1 1" },
	{ "msix:00:05.0/1f:r", "irq 20002801f 1 1" },
	{ "mmio:0xfea00000+0x100000:rw", "mmio fea00000 100000 3" },
	{ "dma:64K", "dma 0 10000 7" },
	{ "dma:2M:wg", "dma 0 200000 6" },
	{ "dma:4096:w", "dma 0 1000 2" },
	{ "pci:00:04.0", "pci 20 1 7" },
	{ "pci:0a:1F.3:r", "pci afb 1 1" },
	{ "fb", "fb 0 0 7" },
	{ "fb:rw", "fb 0 0 3" },
	{ "klog", "klog 0 0 7" },
	{ "klog:r", "klog 0 0 1" },
	{ "root", "root 0 0 7" },
	{ "bootfs", "shm 0 0 1" },
	{ "bootfs:rw", "! unknown capability kind" },
	{ "ioport:0xfff0-0xffff:grw", "ioport fff0 10 7" },
	{ "mem:64M", "mem 0 4000000 0" },      /* not a capability: the memory limit */
	{ "mem:1024K", "mem 0 100000 0" },
	{ "stdin:script.lua", "stdin script.lua 1" },   /* the program's input: a member */
	{ "stdin:a:b", "stdin a:b 1" },                 /* any member name, as it is */
	/* refused, with a reason a person can act on */
	{ "ioport:0x70", "! FIRST-LAST expected" },
	{ "ioport:0x71-0x70", "! LAST below FIRST" },
	{ "ioport:0x70-0x10000", "! number too large" },
	{ "ioport:-0x71", "! number expected" },
	{ "ioport:0x-0x71", "! number expected" },
	{ "irq:", "! number expected" },
	{ "irq:1x", "! unexpected text after the value" },
	{ "irq:1:", "! empty rights" },
	{ "irq:1:rr", "! rights are r, w and g, each once" },
	{ "irq:1:x", "! rights are r, w and g, each once" },
	{ "msi:00:20.0", "! number too large" },
	{ "msi:00:04", "! BB:DD.F expected" },
	{ "msix:00:05.0/800", "! number too large" },
	{ "pci:100:00.0", "! number too large" },
	{ "pci:00:00.8", "! number too large" },
	{ "mmio:0x1000", "! BASE+SIZE expected" },
	{ "mmio:0x1000+0", "! size 0" },
	{ "mmio:0xffffffffffffffff+2", "! range wraps around" },
	{ "dma:0", "! size 0" },
	{ "dma:64K:r", "! a DMA budget needs w" },
	{ "dma:64G", "! unexpected text after the value" },
	{ "dma:99999999999", "! number too large" },
	{ "mem:100K", "! a memory limit is whole MiB" },
	{ "mem:0", "! size 0" },
	{ "mem:64M:rw", "! unexpected text after the value" },
	{ "mem:", "! number expected" },
	{ "stdin:", "! stdin: a member name of 1 to 100 bytes expected" },
	{ "stdin:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
	  "! stdin: a member name of 1 to 100 bytes expected" },
	{ "port:1", "! unknown capability kind" },
	{ "ioport", "! KIND:VALUE expected" },
	{ "interrupt:1", "! KIND:VALUE expected" },
	{ "fbx", "! KIND:VALUE expected" },
	{ "klogs", "! KIND:VALUE expected" },
	{ "klog:0", "! rights are r, w and g, each once" },
	{ "fb:0x1000", "! rights are r, w and g, each once" },
	{ "", "! KIND:VALUE expected" },
};

static void test_table(void **state)
{
	char got[128];
	int failed = 0;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		render(cases[i].word, got, sizeof(got));
		if (strcmp(got, cases[i].want)) {
			print_error("\"%s\": got \"%s\", want \"%s\"\n", cases[i].word, got,
				    cases[i].want);
			failed = 1;
		}
	}
	if (failed)
		fail();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
	};

	return cmocka_run_group_tests_name("bootcfg caps", tests, NULL, NULL);
}
