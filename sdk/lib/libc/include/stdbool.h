/* <stdbool.h> for ATXF programs (C11 7.18). */
#ifndef _ATXF_STDBOOL_H
#define _ATXF_STDBOOL_H

#include <bits/target.h>

#ifndef __cplusplus
#define bool  _Bool
#define true  1
#define false 0
#endif
#define __bool_true_false_are_defined 1

#endif /* _ATXF_STDBOOL_H */
