# sdk/lib/driver: the driver framework (atxf_driver_run, <atxf/driver.h>),
# part of libatxf. sdk/lib/build.mk includes this and puts DRIVER_TARGET_OBJS
# into libatxf.a; tests/unit/driver.mk builds the same sources for the host.
#
#   DRIVER_SRCS        every source of the framework
#   DRIVER_TARGET_OBJS those sources compiled for the target ($(TGTOBJ)/%.o)

DRIVER_DIR  := sdk/lib/driver
DRIVER_SRCS := $(wildcard $(DRIVER_DIR)/*.c)
DRIVER_TARGET_OBJS := $(DRIVER_SRCS:%.c=$(TGTOBJ)/%.o)
