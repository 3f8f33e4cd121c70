/* atxf_strerror(): the sentence for an ATXF_E* code, from ATXF_ERROR_TABLE. */
#include <atxf/sys.h>

#define ATXF_ERROR_TEXT_(name, value, text) [value] = text,
static const char *const texts[ATXF_ERROR_MAX] = {
	[ATXF_OK] = "success",
	ATXF_ERROR_TABLE(ATXF_ERROR_TEXT_)
};
#undef ATXF_ERROR_TEXT_

const char *atxf_strerror(int err)
{
	/* Calls return -ATXF_E*; logs often hold the positive value. Either
	 * works. Widen before negating: -INT_MIN does not fit in an int. */
	long e = err < 0 ? -(long)err : err;

	if (e >= ATXF_ERROR_MAX || texts[e] == NULL)
		return "unknown error";
	return texts[e];
}
