/*
 * Host test of @NAME@'s device logic (@NAME@_dev.c). This file plays QEMU's
 * edu device on the fake hardware of libatxf-fake (<atxf/fake.h>): an MMIO
 * region with a capability, mapped the way the framework maps BAR 0.
 * `make test` builds and runs it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/errors.h>
#include <atxf/fake.h>
#include "@NAME@_dev.h"
#include "@NAME@_reg.h"

#define BAR0_PADDR 0xfe000000ull

/* The fake edu: its registers, and a switch to keep a factorial running. */
struct fake_edu {
	uint32_t id, liveness, factorial, status, irq_status;
	int slow;                   /* a started factorial stays busy until finish() */
	unsigned long irqs;         /* interrupts raised */
};

static struct fake_edu edu;

static void finish(struct fake_edu *f)
{
	uint32_t n = f->factorial, r = 1;

	while (n > 1)
		r *= n--;
	f->factorial = r;
	f->status &= ~(uint32_t)EDU_STATUS_BUSY;
	if (f->status & EDU_STATUS_IRQ_DONE) {
		f->irq_status |= EDU_IRQ_FACTORIAL;
		f->irqs++;
	}
}

static uint64_t edu_read(void *ctx, uint64_t reg, unsigned width)
{
	struct fake_edu *f = ctx;

	assert_int_equal(width, 4);             /* the device takes nothing else below 0x80 */
	switch (reg) {
	case EDU_ID: return f->id;
	case EDU_LIVENESS: return f->liveness;
	case EDU_FACTORIAL: return f->factorial;
	case EDU_STATUS: return f->status;
	case EDU_IRQ_STATUS: return f->irq_status;
	default: return 0;
	}
}

static void edu_write(void *ctx, uint64_t reg, unsigned width, uint64_t value)
{
	struct fake_edu *f = ctx;
	uint32_t v = (uint32_t)value;

	assert_int_equal(width, 4);
	switch (reg) {
	case EDU_LIVENESS: f->liveness = ~v; break;
	case EDU_STATUS: f->status = (f->status & EDU_STATUS_BUSY) | (v & EDU_STATUS_IRQ_DONE); break;
	case EDU_IRQ_RAISE: f->irq_status |= v; f->irqs++; break;
	case EDU_IRQ_ACK: f->irq_status &= ~v; break;
	case EDU_FACTORIAL:
		f->factorial = v;
		f->status |= EDU_STATUS_BUSY;
		if (!f->slow)
			finish(f);
		break;
	default: break;
	}
}

/* Each test starts with a fresh edu 1.0 and its BAR mapped, as devmgr and the framework would. */
static volatile void *bar0;

static int setup(void **state)
{
	atxf_handle_t cap;

	(void)state;
	atxf_fake_reset();
	memset(&edu, 0, sizeof(edu));
	edu.id = 0x010000ed;
	assert_non_null(atxf_fake_mmio_add(BAR0_PADDR, EDU_BAR_SIZE, edu_read, edu_write, &edu));
	cap = atxf_fake_cap_add(ATXF_CAP_MMIO, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE, BAR0_PADDR,
				EDU_BAR_SIZE);
	assert_true(cap >= 0);
	bar0 = atxf_mmio_map(cap, 0, EDU_BAR_SIZE);
	assert_non_null(bar0);
	return 0;
}

static void init_knows_an_edu(void **state)
{
	struct @IDENT@_edu e;

	(void)state;
	assert_int_equal(@IDENT@_init(&e, bar0), 0);
	assert_int_equal(e.version, 0x0100);
	assert_int_equal(edu.status, 0);                /* no interrupt asked for yet */
	assert_int_equal(atxf_fake_strays(), 0);
}

static void init_refuses_another_device(void **state)
{
	struct @IDENT@_edu e;

	(void)state;
	edu.id = 0x12345678;
	assert_int_equal(@IDENT@_init(&e, bar0), -ATXF_ENODEV);
}

static void factorial_of_five(void **state)
{
	struct @IDENT@_edu e;
	uint32_t r = 0;

	(void)state;
	assert_int_equal(@IDENT@_init(&e, bar0), 0);
	assert_int_equal(@IDENT@_factorial_start(&e, 5), 0);
	assert_int_equal(@IDENT@_factorial_result(&e, &r), 0);
	assert_int_equal(r, 120);
	/* It asked for an interrupt on completion; acking clears it at the device. */
	assert_int_equal(edu.irqs, 1);
	assert_int_equal(@IDENT@_irq_ack(&e), EDU_IRQ_FACTORIAL);
	assert_int_equal(edu.irq_status, 0);
}

static void busy_device_says_so(void **state)
{
	struct @IDENT@_edu e;
	uint32_t r = 0;

	(void)state;
	assert_int_equal(@IDENT@_init(&e, bar0), 0);
	edu.slow = 1;
	assert_int_equal(@IDENT@_factorial_start(&e, 4), 0);
	assert_int_equal(@IDENT@_factorial_result(&e, &r), -ATXF_EAGAIN);
	assert_int_equal(@IDENT@_factorial_start(&e, 3), -ATXF_EBUSY);
	finish(&edu);
	assert_int_equal(@IDENT@_factorial_result(&e, &r), 0);
	assert_int_equal(r, 24);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(init_knows_an_edu, setup),
		cmocka_unit_test_setup(init_refuses_another_device, setup),
		cmocka_unit_test_setup(factorial_of_five, setup),
		cmocka_unit_test_setup(busy_device_says_so, setup),
	};

	return cmocka_run_group_tests_name("@NAME@", tests, NULL, NULL);
}
