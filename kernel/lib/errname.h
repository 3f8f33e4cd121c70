/* Names for ATXF_E* codes in log lines ("ENOEXEC"), from the ABI's table. */
#ifndef LIB_ERRNAME_H
#define LIB_ERRNAME_H

/* err positive or negative; "E?" for a code the table does not have. */
const char *err_name(int err);

#endif
