# sdk/format: the one ATXF reader, as a host library for the tools and tests.
# (The same sources are compiled freestanding into libatxf and the kernel.)

FORMAT_SRCS     := $(wildcard sdk/format/*.c)
FORMAT_HOST_LIB := $(HOSTLIB)/libatxf-format.a

$(FORMAT_HOST_LIB): $(FORMAT_SRCS:%.c=$(HOSTOBJ)/%.o)

ALL_TARGETS += $(FORMAT_HOST_LIB)
