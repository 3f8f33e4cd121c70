/*
 * System call numbers: the one table (rule 1, "one table, many uses").
 *
 * Calling convention (x86-64 `syscall`): number in rax; arguments in rdi, rsi,
 * rdx, r10, r8, r9; result in rax, a negative ATXF_E* code on failure. rcx and
 * r11 are clobbered. docs/syscalls.md gives each call's arguments, result,
 * errors and the capability it needs.
 *
 * X(NAME, number, argument count). Numbers 4, 6, 7 and 34..39 were promised to
 * driver authors before this table existed and never change; the rest were
 * numbered here once.
 */
#ifndef ATXF_SYSCALLS_H
#define ATXF_SYSCALLS_H

#define ATXF_SYSCALL_TABLE(X)                                                  \
	X(EXIT,                  0, 1) /* status */                             \
	X(YIELD,                 1, 0)                                          \
	X(SLEEP,                 2, 1) /* nanoseconds */                        \
	X(CLOCK,                 3, 0) /* -> monotonic nanoseconds */           \
	X(IPC_CREATE_PORT,       4, 0) /* -> port handle (send+receive) */      \
	X(IPC_CLOSE,             5, 1) /* port handle */                        \
	X(IPC_SEND,              6, 3) /* port, msg, flags */                   \
	X(IPC_RECV,              7, 3) /* port, msg out, timeout ns */          \
	X(IPC_CALL,              8, 4) /* port, msg in, msg out, timeout ns */  \
	X(IPC_REPLY,             9, 2) /* reply token, msg */                   \
	X(IPC_NOTIFY,           10, 2) /* port, bits */                         \
	X(DEBUG_WRITE,          11, 2) /* buf, len */                           \
	X(MEM_MAP,              12, 3) /* addr hint, len, ATXF_PROT_* */        \
	X(MEM_UNMAP,            13, 2) /* addr, len */                          \
	X(MMIO_MAP,             14, 4) /* mmio cap, offset, len, flags -> addr */\
	X(DMA_ALLOC,            15, 3) /* tag, len, struct atxf_dma out */      \
	X(DMA_FREE,             16, 1) /* dma handle */                         \
	X(IRQ_ACK,              17, 1) /* irq handle */                         \
	X(CAP_QUERY,            18, 2) /* handle, struct atxf_cap_info out */   \
	X(CAP_DERIVE,           19, 4) /* handle, base, size, rights -> handle */ \
	X(CAP_GRANT,            20, 3) /* handle, pid, rights -> handle in pid */ \
	X(CAP_DROP,             21, 1) /* handle */                             \
	X(PROC_SPAWN,           22, 2) /* struct atxf_spawn in, flags -> pid */ \
	X(PROC_WAIT,            23, 3) /* pid, status out, timeout ns */        \
	X(PROC_KILL,            24, 1) /* pid */                                \
	X(SHM_GRANT,            25, 4) /* addr, len, port, rights -> grant id */ \
	X(SHM_MAP,              26, 2) /* shm handle, ATXF_PROT_* -> address */ \
	X(SHM_REVOKE,           27, 1) /* grant id */                           \
	X(PROC_INFO,            28, 3) /* index, struct atxf_proc_info out, n */\
	X(IO_OUTL,              29, 2) /* port, value */                        \
	X(IO_INL,               30, 1) /* port -> value */                      \
	X(PCI_CONFIG_READ,      31, 3) /* pci cap, offset, width -> value */    \
	X(PCI_CONFIG_WRITE,     32, 4) /* pci cap, offset, width, value */      \
	X(MAP_FRAMEBUFFER,      34, 1) /* struct atxf_fb_info out -> address */ \
	X(IO_OUTB,              35, 2) /* port, value */                        \
	X(IO_INB,               36, 1) /* port -> value */                      \
	X(IO_OUTW,              37, 2) /* port, value */                        \
	X(IO_INW,               38, 1) /* port -> value */                      \
	X(REGISTER_IRQ_HANDLER, 39, 3) /* irq handle, port, notify bit */      \
	X(LOG_WRITE,            40, 2) /* text, len: one kernel log line */      \
	X(DMA_MAP,              41, 3) /* tag, shm handle, struct atxf_dma_map out */ \
	X(DMA_UNMAP,            42, 1) /* dma map handle */                     \
	X(DMA_FAULT_WATCH,      43, 2) /* port, notify bit (needs ROOT) */      \
	X(DMA_FAULT_NEXT,       44, 1) /* struct atxf_dma_fault out */      \
	X(THREAD_CREATE,        50, 4) /* entry, arg, stack top, fs base -> tid */ \
	X(THREAD_EXIT,          51, 3) /* clear addr, unmap addr, unmap len */  \
	X(FUTEX_WAIT,           52, 3) /* addr, expected u32, timeout ns */     \
	X(FUTEX_WAKE,           53, 2) /* addr, how many -> woken */            \
	X(TLS_SET,              54, 1) /* fs base of the calling thread */      \
	X(THREAD_SELF,          55, 0) /* -> tid */                             \
	X(MEM_INFO,             56, 1) /* struct atxf_mem_info out */           \
	X(MMIO_HOLE,            60, 3) /* mmio cap, offset, len: never mappable */ \
	X(ACPI_TABLE,           65, 3) /* signature, buf, len -> table length */ \
	X(PORT_WATCH,           68, 3) /* port held, own port, bits: death notice */ \
	X(PROC_WATCH,           69, 2) /* own port, bits: notice when a child ends */ \
	X(CLOCK_REALTIME,       70, 0) /* -> UTC nanoseconds since 1970 */      \
	X(CLOCK_CPU,            71, 0) /* -> the caller's CPU nanoseconds */    \
	X(IPC_RECV_ANY,         80, 4) /* ports[], count, msg out, timeout -> index */ \
	X(CALL_WATCH,           81, 2) /* own port, bits: notice when a caller gives up */ \
	X(CALL_PROBE,           82, 1) /* reply token -> 0 still waiting, or ENOENT */ \
	X(KERNEL_COUNTS,        84, 1) /* struct atxf_kernel_counts out */      \
	X(SHM_UNMAP,            91, 1) /* address SYS_SHM_MAP gave */           \
	X(SHM_PROBE,            92, 1) /* address -> 0, ESTALE revoked, EFAULT */ \
	X(LOG_READ,             96, 3) /* klog cap, buf, len -> bytes of kernel lines */

#ifndef __ASSEMBLER__
#define ATXF_SYSCALL_ENUM_(name, nr, nargs) SYS_##name = nr,
enum atxf_syscall_nr {
	ATXF_SYSCALL_TABLE(ATXF_SYSCALL_ENUM_)
	SYS_COUNT = 128         /* the table's capacity: every number is below it */
};
#undef ATXF_SYSCALL_ENUM_
#endif /* !__ASSEMBLER__ */

/* ATXF_PROT_* for SYS_MEM_MAP and SYS_SHM_MAP. Never WRITE and EXEC together. */
#define ATXF_PROT_READ   1u
#define ATXF_PROT_WRITE  2u
#define ATXF_PROT_EXEC   4u

/* Flags of SYS_MMIO_MAP: how the mapping is cached (uncached without one). */
#define ATXF_MMIO_WRITE_COMBINING 1u  /* framebuffers: writes buffered, not cached */

/* Timeouts, in nanoseconds. */
#define ATXF_TIMEOUT_NONE     0ull                    /* poll: do not block */
#define ATXF_TIMEOUT_FOREVER  0xffffffffffffffffull

#endif
