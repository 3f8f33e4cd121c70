/*
 * FPU/SSE state of user threads, saved and restored with fxsave64/fxrstor64
 * around context switches (SDM vol. 1 §10.5). The kernel itself is built
 * with -mgeneral-regs-only, so kernel threads have no such state and only
 * user threads carry a save area.
 */
#include <stdint.h>
#include "arch/x86_64/usermode.h"
#include "lib/string.h"
#include "mm/heap.h"

#define FXSAVE_SIZE   512
#define FCW_DEFAULT   0x037f    /* x87 control word after fninit */
#define MXCSR_DEFAULT 0x1f80    /* all SSE exceptions masked */

void *fpu_state_alloc(void)
{
	uint8_t *s = kzalloc(FXSAVE_SIZE);      /* kmalloc aligns to 16 bytes */

	if (s) {
		uint16_t fcw = FCW_DEFAULT;
		uint32_t mxcsr = MXCSR_DEFAULT;
		memcpy(s, &fcw, sizeof(fcw));           /* fxsave layout: FCW at 0 */
		memcpy(s + 24, &mxcsr, sizeof(mxcsr));  /* MXCSR at 24 */
	}
	return s;
}

void fpu_state_free(void *state)
{
	kfree(state);
}

void fpu_save(void *state)
{
	__asm__ volatile("fxsave64 (%0)" : : "r"(state) : "memory");
}

void fpu_restore(const void *state)
{
	__asm__ volatile("fxrstor64 (%0)" : : "r"(state) : "memory");
}
