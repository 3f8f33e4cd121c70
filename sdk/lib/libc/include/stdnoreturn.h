/* <stdnoreturn.h> for ATXF programs (C11 7.23). */
#ifndef _ATXF_STDNORETURN_H
#define _ATXF_STDNORETURN_H

#include <bits/target.h>

#ifndef __cplusplus
#define noreturn _Noreturn
#endif

#endif /* _ATXF_STDNORETURN_H */
