/*
 * @NAME@_proto.h: the protocol of @NAME@'s clients, a private one numbered
 * from ATXF_PROTO_PRIVATE_FIRST (<atxf/ipc.h>) where the SDK's end.
 * FACTORIAL: data = u32 n; the reply's data = u32 n! (modulo 2^32).
 */
#ifndef @UPPER@_PROTO_H
#define @UPPER@_PROTO_H

#include <atxf/ipc.h>

#define @UPPER@_PROTO      ATXF_PROTO_PRIVATE_FIRST
#define @UPPER@_FACTORIAL  ATXF_REQUEST(@UPPER@_PROTO, 1)

#endif
