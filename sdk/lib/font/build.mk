# sdk/lib/font: the PSF2 font reader (<atxf/psf.h>), freestanding C: part
# of libatxf and of libatxf-fake (host tests), and built into the kernel
# with the kernel's own flags for its boot screen (kernel/build.mk), so
# the console and the kernel read fonts with one reader.
#
#   FONT_SRCS         every source of the library
#   FONT_TARGET_OBJS  those sources compiled for the target ($(TGTOBJ)/%.o)

FONT_DIR  := sdk/lib/font
FONT_SRCS := $(wildcard $(FONT_DIR)/*.c)
FONT_TARGET_OBJS := $(FONT_SRCS:%.c=$(TGTOBJ)/%.o)
