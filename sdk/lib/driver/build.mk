# sdk/lib/driver: the driver framework (atxf_driver_run, <atxf/driver.h>),
# part of libatxf. sdk/lib/build.mk includes this and puts FRAMEWORK_TARGET_OBJS
# into libatxf.a; tests/unit/driver.mk builds the same sources for the host.
#
#   FRAMEWORK_SRCS        every source of the framework
#   FRAMEWORK_TARGET_OBJS those sources compiled for the target ($(TGTOBJ)/%.o)

FRAMEWORK_DIR  := sdk/lib/driver
FRAMEWORK_SRCS := $(wildcard $(FRAMEWORK_DIR)/*.c)
FRAMEWORK_TARGET_OBJS := $(FRAMEWORK_SRCS:%.c=$(TGTOBJ)/%.o)
