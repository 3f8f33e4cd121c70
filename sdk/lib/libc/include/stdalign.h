/* <stdalign.h> for ATXF programs (C11 7.15). */
#ifndef _ATXF_STDALIGN_H
#define _ATXF_STDALIGN_H

#include <bits/target.h>

#ifndef __cplusplus
#define alignas _Alignas
#define alignof _Alignof
#endif
#define __alignas_is_defined 1
#define __alignof_is_defined 1

#endif /* _ATXF_STDALIGN_H */
