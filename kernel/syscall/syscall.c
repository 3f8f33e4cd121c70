/*
 * syscall_dispatch(): called by arch/x86_64/syscall_entry.S with the
 * caller's registers. The table is indexed by the ABI's numbers; anything
 * unlisted is -ATXF_ENOSYS, so any number a program passes is safe. Before
 * a call that may wait, the caller's partial output line goes out (a
 * prompt shows while its answer is awaited, proc/output.h). On the
 * way out, the I/O bitmap follows any change to the caller's IOPORT
 * capabilities (derived, received, dropped), and a process killed
 * meanwhile (SYS_PROC_KILL) ends instead of returning to ring 3.
 */
#include <stdbool.h>
#include <atxf/errors.h>
#include <atxf/ipc.h>
#include <atxf/syscalls.h>
#include "arch/x86_64/iobitmap.h"
#include "arch/x86_64/trap.h"
#include "proc/output.h"
#include "proc/process.h"
#include "syscall/syscall.h"

static const syscall_fn table[SYS_COUNT] = {
	[SYS_EXIT] = sys_exit,
	[SYS_YIELD] = sys_yield,
	[SYS_SLEEP] = sys_sleep,
	[SYS_CLOCK] = sys_clock,
	[SYS_CLOCK_REALTIME] = sys_clock_realtime,
	[SYS_CLOCK_CPU] = sys_clock_cpu,
	[SYS_DEBUG_WRITE] = sys_debug_write,
	[SYS_LOG_WRITE] = sys_log_write,
	[SYS_LOG_READ] = sys_log_read,
	[SYS_MEM_MAP] = sys_mem_map,
	[SYS_MEM_UNMAP] = sys_mem_unmap,
	[SYS_MEM_INFO] = sys_mem_info,
	[SYS_KERNEL_COUNTS] = sys_kernel_counts,
	[SYS_THREAD_CREATE] = sys_thread_create,
	[SYS_THREAD_EXIT] = sys_thread_exit,
	[SYS_THREAD_SELF] = sys_thread_self,
	[SYS_TLS_SET] = sys_tls_set,
	[SYS_FUTEX_WAIT] = sys_futex_wait,
	[SYS_FUTEX_WAKE] = sys_futex_wake,
	[SYS_PROC_SPAWN] = sys_proc_spawn,
	[SYS_PROC_WAIT] = sys_proc_wait,
	[SYS_PROC_KILL] = sys_proc_kill,
	[SYS_PROC_INFO] = sys_proc_info,
	[SYS_PORT_WATCH] = sys_port_watch,
	[SYS_PROC_WATCH] = sys_proc_watch,
	[SYS_IO_OUTB] = sys_io_outb,
	[SYS_IO_INB] = sys_io_inb,
	[SYS_IO_OUTW] = sys_io_outw,
	[SYS_IO_INW] = sys_io_inw,
	[SYS_IO_OUTL] = sys_io_outl,
	[SYS_IO_INL] = sys_io_inl,
	[SYS_CAP_QUERY] = sys_cap_query,
	[SYS_CAP_DERIVE] = sys_cap_derive,
	[SYS_CAP_GRANT] = sys_cap_grant,
	[SYS_CAP_DROP] = sys_cap_drop,
	[SYS_IPC_CREATE_PORT] = sys_ipc_create_port,
	[SYS_IPC_CLOSE] = sys_ipc_close,
	[SYS_IPC_SEND] = sys_ipc_send,
	[SYS_IPC_RECV] = sys_ipc_recv,
	[SYS_IPC_RECV_ANY] = sys_ipc_recv_any,
	[SYS_CALL_WATCH] = sys_call_watch,
	[SYS_CALL_PROBE] = sys_call_probe,
	[SYS_IPC_CALL] = sys_ipc_call,
	[SYS_IPC_REPLY] = sys_ipc_reply,
	[SYS_IPC_NOTIFY] = sys_ipc_notify,
	[SYS_SHM_GRANT] = sys_shm_grant,
	[SYS_SHM_MAP] = sys_shm_map,
	[SYS_SHM_REVOKE] = sys_shm_revoke,
	[SYS_SHM_UNMAP] = sys_shm_unmap,
	[SYS_SHM_PROBE] = sys_shm_probe,
	[SYS_MMIO_MAP] = sys_mmio_map,
	[SYS_DMA_ALLOC] = sys_dma_alloc,
	[SYS_DMA_FREE] = sys_dma_free,
	[SYS_DMA_MAP] = sys_dma_map,
	[SYS_DMA_UNMAP] = sys_dma_unmap,
	[SYS_DMA_FAULT_WATCH] = sys_dma_fault_watch,
	[SYS_DMA_FAULT_NEXT] = sys_dma_fault_next,
	[SYS_MAP_FRAMEBUFFER] = sys_map_framebuffer,
	[SYS_PCI_CONFIG_READ] = sys_pci_config_read,
	[SYS_PCI_CONFIG_WRITE] = sys_pci_config_write,
	[SYS_MMIO_HOLE] = sys_mmio_hole,
	[SYS_REGISTER_IRQ_HANDLER] = sys_register_irq_handler,
	[SYS_IRQ_ACK] = sys_irq_ack,
	[SYS_ACPI_TABLE] = sys_acpi_table,
};

/* Whether call nr with these arguments may block (docs/syscalls.md). */
static bool may_wait(uint64_t nr, const struct syscall_args *args)
{
	switch (nr) {
	case SYS_SLEEP:
		return true;
	case SYS_FUTEX_WAIT:
		return args->a[2] != ATXF_TIMEOUT_NONE;
	case SYS_IPC_SEND:
		return !(args->a[2] & ATXF_IPC_NONBLOCK);
	case SYS_IPC_RECV:
	case SYS_PROC_WAIT:
		return args->a[2] != ATXF_TIMEOUT_NONE;
	case SYS_IPC_CALL:
		return args->a[3] != ATXF_TIMEOUT_NONE;
	default:
		return false;
	}
}

void syscall_dispatch(struct trap_frame *f);

void syscall_dispatch(struct trap_frame *f)
{
	struct syscall_args args = { { f->rdi, f->rsi, f->rdx, f->r10, f->r8, f->r9 } };
	uint64_t nr = f->rax;

	if (may_wait(nr, &args))
		output_flush(process_current());
	if (nr < SYS_COUNT && table[nr])
		f->rax = table[nr](&args);
	else
		f->rax = -ATXF_ENOSYS;
	iobitmap_refresh_current();
	process_check_killed();
}
