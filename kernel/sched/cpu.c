/* The boot CPU's record (sched/cpu.h). Application processors come later. */
#include "sched/cpu.h"

static struct cpu boot_cpu;

void cpu_init_boot(void)
{
	struct cpu *c = &boot_cpu;

	arch_cpu_init(&c->arch, c);
	c->id = 0;
	c->rq.lock = (struct spinlock)SPINLOCK_INIT("runqueue");
	for (int p = 0; p < PRIO_LEVELS; p++)
		list_init(&c->rq.queue[p]);
	list_init(&c->rq.sleepers);
	list_init(&c->zombies);
}
