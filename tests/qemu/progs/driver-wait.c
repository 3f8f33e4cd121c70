/*
 * driver-wait.atxf: finds a driver by its manifest name the way a client
 * does (atxf_driver_find, devmgr's DRIVER_WAIT) and says what came back
 * and how long it took.
 *
 *   driver-wait.atxf DRIVER TIMEOUT_MS
 *
 * Logs "driver-wait: DRIVER: INSTANCE after T ms" or
 * "driver-wait: DRIVER: ERROR after T ms"; exits 0 when found, 1 if not.
 */
#include <stdint.h>
#include <stdlib.h>
#include <atxf/client.h>
#include <atxf/log.h>
#include <atxf/proto/devmgr.h>
#include <atxf/sys.h>

int main(int argc, char **argv)
{
	char instance[DEVMGR_NAME_MAX];
	uint64_t start, took;
	int err;

	if (argc != 3) {
		atxf_log("driver-wait: usage: driver-wait.atxf DRIVER TIMEOUT_MS\n");
		return 2;
	}
	start = atxf_clock_ns();
	err = atxf_driver_find(argv[1], instance, sizeof(instance),
			       (uint64_t)atoi(argv[2]) * 1000000u);
	took = (atxf_clock_ns() - start) / 1000000u;
	if (err < 0) {
		atxf_log("driver-wait: %s: %s after %llu ms\n", argv[1], atxf_strerror(err),
			 (unsigned long long)took);
		return 1;
	}
	atxf_log("driver-wait: %s: %s after %llu ms\n", argv[1], instance,
		 (unsigned long long)took);
	return 0;
}
