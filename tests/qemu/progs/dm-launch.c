/*
 * dm-launch.atxf: stands in for init's proposed `bootfs` clause
 * (docs/devmgr.md, "The boot archive") in the devmgr-bootfs scenario. Run
 * as the first process (init=dm-launch.atxf), it holds ROOT and the boot
 * archive; it grants the archive read-only through a port of its own
 * (SYS_SHM_GRANT), spawns devmgr.atxf from the archive with handle 2 =
 * ROOT and handle 3 = the grant, prints "dm-launch: devmgr pid P with a
 * grant of N bytes" and waits for it forever. Failures print
 * "dm-launch: FAIL ..." and exit 1.
 */
#include <stdio.h>
#include <string.h>
#include <atxf/log.h>
#include <atxf/port.h>
#include <atxf/proc.h>
#include <atxf/sys.h>
#include <atxf/ustar.h>

#define PAGE 4096ull

static long spawn_devmgr(const void *bootfs, uint64_t size, atxf_handle_t grant)
{
	static const char *argv[] = { "devmgr.atxf", NULL };
	struct atxf_ustar_entry e;
	struct atxf_spawn s;

	if (atxf_ustar_find(bootfs, size, "devmgr.atxf", &e) != 1)
		return -ATXF_ENOENT;
	memset(&s, 0, sizeof(s));
	s.image = (uint64_t)(uintptr_t)e.data;
	s.image_size = e.size;
	s.name = (uint64_t)(uintptr_t)argv[0];
	s.argc = 1;
	s.argv = (uint64_t)(uintptr_t)argv;
	s.ncaps = 4;
	s.caps[0] = ATXF_HANDLE_NONE;
	s.caps[1] = ATXF_HANDLE_NONE;
	s.caps[2] = ATXF_HANDLE_INIT_ROOT;
	s.caps[3] = grant;
	return atxf_proc_spawn(&s);
}

int main(void)
{
	const struct atxf_start_info *si = atxf_start_info();
	uint64_t len = (si->bootfs_size + PAGE - 1) & ~(PAGE - 1);
	atxf_handle_t port = atxf_port_create();
	long grant, pid;

	grant = port < 0 ? port : atxf_shm_grant((void *)(uintptr_t)si->bootfs, len, port,
						   ATXF_RIGHT_READ);
	if (grant < 0) {
		atxf_log("dm-launch: FAIL: granting the archive: %s\n", atxf_strerror((int)grant));
		return 1;
	}
	pid = spawn_devmgr((const void *)(uintptr_t)si->bootfs, si->bootfs_size,
			   (atxf_handle_t)grant);
	if (pid < 0) {
		atxf_log("dm-launch: FAIL: spawning devmgr: %s\n", atxf_strerror((int)pid));
		return 1;
	}
	atxf_log("dm-launch: devmgr pid %ld with a grant of %llu bytes\n", pid,
		 (unsigned long long)len);
	fflush(stdout);
	for (;;)
		atxf_proc_wait((uint32_t)pid, NULL, ATXF_TIMEOUT_FOREVER);
}
