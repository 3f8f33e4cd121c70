# tests/unit: host tests of the class client libraries (sdk/lib/client):
# the library's own sources, built for the host with ASan and UBSan, on a
# scripted system (test_client_world.c) whose driver dies and comes back.
#
#   test_client_conn   resubmission, the restart window, replay, notices
#
# Needs: tests/unit/build.mk (UNIT_TESTS, CMOCKA_LIBS) included before this.

CLIENT_UNIT := $(BUILD)/tests/unit
CLIENT_OBJ  := $(BUILD)/tests/client
CLIENT_SANITIZE ?= -fsanitize=address,undefined -fno-sanitize-recover=undefined
CLIENT_TEST_CFLAGS := $(HOST_CFLAGS) -Itests/unit $(CLIENT_SANITIZE)

CLIENT_TEST_SRCS := $(addprefix $(CLIENT_DIR)/,conn.c request.c buffer.c block.c block_queue.c \
	input.c) $(RING_SRCS) sdk/lib/runtime/msg.c sdk/lib/runtime/client.c \
	tests/unit/test_client_world.c \
	tests/unit/test_client_conn.c
CLIENT_TEST_OBJS := $(CLIENT_TEST_SRCS:%.c=$(CLIENT_OBJ)/%.o)

$(CLIENT_OBJ)/%.o: %.c
	@mkdir -p $(@D)
	$(call run,CC,$< [host]) $(HOSTCC) $(CLIENT_TEST_CFLAGS) -c $< -o $@

$(CLIENT_UNIT)/test_client_conn: $(CLIENT_TEST_OBJS)
	@mkdir -p $(@D)
	$(call run,LD,$@) $(HOSTCC) $(CLIENT_SANITIZE) $^ $(CMOCKA_LIBS) -o $@

-include $(CLIENT_TEST_OBJS:.o=.d)

UNIT_TESTS  += $(CLIENT_UNIT)/test_client_conn
CHECK_BUILD += $(CLIENT_UNIT)/test_client_conn
