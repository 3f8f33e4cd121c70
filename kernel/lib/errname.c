/* err_name() (lib/errname.h), generated from ATXF_ERROR_TABLE (<atxf/errors.h>). */
#include <atxf/errors.h>
#include "lib/errname.h"

#define ERROR_NAME_(name, value, text) [value] = #name,
static const char *const names[ATXF_ERROR_MAX] = { ATXF_ERROR_TABLE(ERROR_NAME_) };
#undef ERROR_NAME_

const char *err_name(int err)
{
	if (err < 0)
		err = -err;
	return err > 0 && err < ATXF_ERROR_MAX && names[err] ? names[err] : "E?";
}
