/*
 * @NAME@_proto.h: the protocol of the @NAME@ service, shared by the service
 * and its clients. Requests and replies are <atxf/ipc.h> messages; a
 * reply's type is its status: 0, or a negative ATXF_E* code.
 *
 * Protocol numbers from ATXF_PROTO_PRIVATE_FIRST up are free for a
 * program's own use (<atxf/ipc.h>); the SDK's protocols lie below.
 */
#ifndef @UPPER@_PROTO_H
#define @UPPER@_PROTO_H

#include <stdint.h>
#include <atxf/ipc.h>

#define @UPPER@_PROTO    (ATXF_PROTO_PRIVATE_FIRST + 1)
#define @UPPER@_ECHO     ATXF_REQUEST(@UPPER@_PROTO, 1)   /* data: any bytes; reply: the same */
#define @UPPER@_ADD      ATXF_REQUEST(@UPPER@_PROTO, 2)   /* data: i64; reply: i64 total so far */
#define @UPPER@_UPTIME   ATXF_REQUEST(@UPPER@_PROTO, 3)   /* no data; reply: u64 ns since start */

#endif
