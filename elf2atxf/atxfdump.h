/* atxfdump internals: the two printers share one validated image. */
#ifndef ATXFDUMP_H
#define ATXFDUMP_H

#include <stdio.h>
#include <atxf/reader.h>

const char *ext_name(uint32_t tag);
void dump_text(FILE *out, const char *path, const struct atxf_image *img);
void dump_json(FILE *out, const char *path, const struct atxf_image *img);
void dump_json_error(FILE *out, const char *path, const struct atxf_fmt_diag *diag);
void json_string(FILE *out, const char *s);

#endif
