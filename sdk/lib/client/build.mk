# sdk/lib/client: the class client libraries (<atxf/client/*.h>), part of
# libatxf: one reconnect core (conn.c) that follows a driver across its
# restarts, shared buffers (buffer.c), small requests (request.c), and a
# thin file per class (block, char, input, net, display, rng).
#
#   CLIENT_SRCS         every source of the library
#   CLIENT_TARGET_OBJS  those sources compiled for the target ($(TGTOBJ)/%.o)

CLIENT_DIR  := sdk/lib/client
CLIENT_SRCS := $(wildcard $(CLIENT_DIR)/*.c)
CLIENT_TARGET_OBJS := $(CLIENT_SRCS:%.c=$(TGTOBJ)/%.o)
