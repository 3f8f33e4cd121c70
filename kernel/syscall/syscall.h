/*
 * System call dispatch. Numbers, arguments and errors are the ABI's
 * (<atxf/syscalls.h>, <atxf/errors.h>); every handler checks its arguments
 * and returns a value >= 0 or a negative ATXF_E* code.
 */
#ifndef SYSCALL_SYSCALL_H
#define SYSCALL_SYSCALL_H

#include <stdint.h>

/* The six argument registers, in ABI order (rdi, rsi, rdx, r10, r8, r9). */
struct syscall_args {
	uint64_t a[6];
};

typedef long (*syscall_fn)(const struct syscall_args *args);

/* The handlers (syscall/sys_*.c). */
long sys_exit(const struct syscall_args *args);
long sys_yield(const struct syscall_args *args);
long sys_sleep(const struct syscall_args *args);
long sys_clock(const struct syscall_args *args);
long sys_clock_realtime(const struct syscall_args *args);
long sys_clock_cpu(const struct syscall_args *args);
long sys_debug_write(const struct syscall_args *args);
long sys_log_write(const struct syscall_args *args);
long sys_log_read(const struct syscall_args *args);
long sys_mem_map(const struct syscall_args *args);
long sys_mem_unmap(const struct syscall_args *args);
long sys_mem_info(const struct syscall_args *args);
long sys_kernel_counts(const struct syscall_args *args);
long sys_thread_create(const struct syscall_args *args);
long sys_thread_exit(const struct syscall_args *args);
long sys_thread_self(const struct syscall_args *args);
long sys_tls_set(const struct syscall_args *args);
long sys_futex_wait(const struct syscall_args *args);
long sys_futex_wake(const struct syscall_args *args);
long sys_proc_spawn(const struct syscall_args *args);
long sys_proc_wait(const struct syscall_args *args);
long sys_proc_kill(const struct syscall_args *args);
long sys_proc_info(const struct syscall_args *args);
long sys_io_outb(const struct syscall_args *args);
long sys_io_inb(const struct syscall_args *args);
long sys_io_outw(const struct syscall_args *args);
long sys_io_inw(const struct syscall_args *args);
long sys_io_outl(const struct syscall_args *args);
long sys_io_inl(const struct syscall_args *args);
long sys_cap_query(const struct syscall_args *args);
long sys_cap_derive(const struct syscall_args *args);
long sys_cap_grant(const struct syscall_args *args);
long sys_cap_drop(const struct syscall_args *args);
long sys_ipc_create_port(const struct syscall_args *args);
long sys_ipc_close(const struct syscall_args *args);
long sys_ipc_send(const struct syscall_args *args);
long sys_ipc_recv(const struct syscall_args *args);
long sys_ipc_recv_any(const struct syscall_args *args);
long sys_call_watch(const struct syscall_args *args);
long sys_call_probe(const struct syscall_args *args);
long sys_ipc_call(const struct syscall_args *args);
long sys_ipc_reply(const struct syscall_args *args);
long sys_ipc_notify(const struct syscall_args *args);
long sys_port_watch(const struct syscall_args *args);
long sys_proc_watch(const struct syscall_args *args);
long sys_shm_grant(const struct syscall_args *args);
long sys_shm_map(const struct syscall_args *args);
long sys_shm_revoke(const struct syscall_args *args);
long sys_shm_unmap(const struct syscall_args *args);
long sys_shm_probe(const struct syscall_args *args);
long sys_mmio_map(const struct syscall_args *args);
long sys_dma_alloc(const struct syscall_args *args);
long sys_dma_free(const struct syscall_args *args);
long sys_dma_map(const struct syscall_args *args);
long sys_dma_unmap(const struct syscall_args *args);
long sys_dma_fault_watch(const struct syscall_args *args);
long sys_dma_fault_next(const struct syscall_args *args);
long sys_map_framebuffer(const struct syscall_args *args);
long sys_pci_config_read(const struct syscall_args *args);
long sys_acpi_table(const struct syscall_args *args);
long sys_pci_config_write(const struct syscall_args *args);
long sys_mmio_hole(const struct syscall_args *args);
long sys_register_irq_handler(const struct syscall_args *args);
long sys_irq_ack(const struct syscall_args *args);

#endif
