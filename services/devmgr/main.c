/*
 * devmgr: the device manager and driver supervisor (docs/devmgr.md).
 *
 * Started by init with `start devmgr.atxf with root`: ROOT arrives as
 * handle ATXF_HANDLE_FIRST_EXTRA. It registers "devmgr" with the name
 * service, enumerates PCI and the legacy devices, reads the manifest of
 * every driver in the boot archive, starts one instance per matched device
 * with exactly the capabilities planned by match.c, and then serves
 * requests while it supervises the drivers (supervise.c).
 *
 * Built with x86_64-atxf-gcc like any ATXF program (rule 4).
 */
#include <stdio.h>
#include <string.h>
#include <atxf/log.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/proc.h>
#include <atxf/sys.h>
#include "devmgr.h"
#include "driver_wait.h"
#include "dmafault.h"
#include "hotplug.h"
#include "intx_setup.h"

#define ROOT            ATXF_HANDLE_FIRST_EXTRA
/* The notification bit the kernel sets on devmgr's port when a child ends. */
#define CHILD_ENDED_BIT 1ull

static struct devmgr dm;

static int holds(atxf_handle_t h, uint32_t kind)
{
	struct atxf_cap_info ci;

	return atxf_cap_query(h, &ci) == 0 && ci.kind == kind;
}

/* A send-only right to port: what each driver gets as its handle 0. */
static atxf_handle_t send_right(atxf_handle_t port)
{
	struct atxf_cap_info ci;
	int err = atxf_cap_query(port, &ci);

	if (err < 0)
		return err;
	return atxf_cap_derive(port, ci.base, ci.size, ATXF_RIGHT_WRITE | ATXF_RIGHT_GRANT);
}

/* devmgr's port, published as "devmgr"; drivers get a send right to it. */
static int open_port(void)
{
	int err;

	/* Asked first: the first process's handles 0 and 1 are free slots
	 * that the port and its send right would fill. */
	dm.sup.names = holds(ATXF_HANDLE_NAMESERVICE, ATXF_CAP_PORT) ? ATXF_HANDLE_NAMESERVICE
								     : ATXF_HANDLE_NONE;
	dm.port = atxf_port_create();
	if (dm.port < 0)
		return dm.port;
	dm.sup.parent = send_right(dm.port);
	if (dm.sup.parent < 0)
		return dm.sup.parent;
	err = atxf_proc_watch(dm.sup.parent, CHILD_ENDED_BIT);
	if (err < 0)
		return err;
	if (dm.sup.names < 0) {
		atxf_log("devmgr: no name service: reachable by its drivers only\n");
		return 0;
	}
	err = atxf_name_register("devmgr", dm.port);
	if (err < 0)
		atxf_log("devmgr: registering \"devmgr\" failed: %s\n", atxf_strerror(err));
	return 0;
}

/*
 * A read-only shared-memory grant of the archive among the handles given
 * after ROOT (docs/devmgr.md, "The boot archive"): its size is the
 * archive's, page-rounded; the ustar reader stops at the zero padding.
 */
static const void *granted_archive(uint64_t *size)
{
	const struct atxf_start_info *si = atxf_start_info();
	struct atxf_cap_info ci;

	for (atxf_handle_t h = ROOT + 1; si && h < (atxf_handle_t)si->ncaps; h++) {
		if (atxf_cap_query(h, &ci) < 0 || ci.kind != ATXF_CAP_SHM)
			continue;
		*size = ci.size;
		return atxf_shm_map(h, ATXF_PROT_READ);
	}
	return NULL;
}

/*
 * The boot archive: the kernel maps it into the first process only
 * (docs/boot.md). devmgr has it when it runs as that process, or when its
 * starter passes it a grant of it.
 */
static int load_drivers(void)
{
	const struct atxf_start_info *si = atxf_start_info();
	const void *archive = si ? (const void *)(uintptr_t)si->bootfs : NULL;
	uint64_t size = si ? si->bootfs_size : 0;

	if (!archive || !size)
		archive = granted_archive(&size);
	if (!archive || !size) {
		atxf_log("devmgr: no boot archive in reach: no drivers to start\n");
		return 0;
	}
	dm_drivers_load(archive, size, &dm.drivers);
	atxf_log("devmgr: %u drivers with a manifest in the boot archive\n", dm.drivers.count);
	return (int)dm.drivers.count;
}

/*
 * The tree's roots, through the same add path as hot-plug (dm_node_add,
 * dm_node_announce); INTx routing needs every function first, so at boot
 * the nodes are matched once the manifests are read (match_driver).
 */
static void enumerate(void)
{
	dm_pci_scan(dm.sup.root, &dm.devices);
	dm_legacy_scan(&dm.devices);
	dm_intx_setup(&dm.devices, dm.sup.root);
	for (unsigned i = 0; i < dm.devices.count; i++)
		dm_node_announce(&dm, &dm.devices.dev[i]);
	atxf_log("devmgr: %u devices\n", dm_node_count(&dm.devices));
}

/* One driver against every boot node: start it where it matches. */
static void match_driver(const struct dm_driver *drv)
{
	for (unsigned i = 0; i < dm.devices.count; i++)
		dm_try_start(&dm, drv, &dm.devices.dev[i]);
}

/* Whether a notification message carries bit. */
static int notified(const struct atxf_msg *m, unsigned bit)
{
	uint64_t bits = 0;

	atxf_msg_get(m, 0, &bits, sizeof(bits));
	return (bits >> bit) & 1;
}

static _Noreturn void serve_and_supervise(void)
{
	struct atxf_msg req;

	for (;;) {
		uint64_t due = dm_restart_due(&dm.sup), beat = dm_heartbeat(&dm.sup);
		uint64_t waits = dm_driver_waits_due();
		int err;

		if (beat < due)
			due = beat;
		if (waits < due)
			due = waits;
		err = atxf_recv(dm.port, &req, due);

		if (err == 0 && req.type != ATXF_MSG_NOTIFY)
			dm_serve(&dm, &req);
		else if (err == 0) {            /* a notification */
			if (notified(&req, DM_DMA_FAULT_BIT))
				dm_dma_faults(&dm.sup);
			dm_reap(&dm.sup);       /* a child ended: CHILD_ENDED_BIT */
			dm_remove_orphans(&dm);
		}
		dm_post_driver_events(&dm.sup);
		dm_driver_waits_check(&dm);
		fflush(stdout);
	}
}

int main(void)
{
	dm.sup.root = ROOT;
	dm_events_init(&dm.sup.events);
	if (!holds(ROOT, ATXF_CAP_ROOT)) {
		atxf_log("devmgr: no ROOT capability as handle %d (boot.cfg: `with root`); "
			 "exiting\n", ROOT);
		return 1;
	}
	if (open_port() < 0) {
		atxf_log("devmgr: cannot create its port or watch its children; exiting\n");
		return 1;
	}
	dm_dma_faults_watch(dm.port);   /* before any driver can start a DMA */
	enumerate();
	if (load_drivers())
		for (unsigned i = 0; i < dm.drivers.count; i++)
			match_driver(&dm.drivers.drv[i]);
	dm_post_driver_events(&dm.sup);
	atxf_log("devmgr: ready (%u driver instances)\n", dm_instance_count(&dm.sup));
	fflush(stdout);
	serve_and_supervise();
}
