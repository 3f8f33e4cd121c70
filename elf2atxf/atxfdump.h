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
/* Print a manifest extension that manifest_problem() accepted. */
void dump_manifest_text(FILE *out, const struct atxf_ext *ext);
void dump_manifest_json(FILE *out, const struct atxf_ext *ext);
/* Why the image's manifest extension is malformed, or NULL if it is fine or absent. */
const char *manifest_problem(const struct atxf_image *img);

#endif
