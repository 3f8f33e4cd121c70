/* <wctype.h>: <ctype.h>'s answer below 128, no class above (the C locale). */
#include <ctype.h>
#include <string.h>
#include <wctype.h>

#define ASCII(wc) ((wc) < 0x80)

int iswalnum(wint_t wc) { return ASCII(wc) && isalnum((int)wc); }
int iswalpha(wint_t wc) { return ASCII(wc) && isalpha((int)wc); }
int iswblank(wint_t wc) { return ASCII(wc) && isblank((int)wc); }
int iswcntrl(wint_t wc) { return ASCII(wc) && iscntrl((int)wc); }
int iswdigit(wint_t wc) { return ASCII(wc) && isdigit((int)wc); }
int iswgraph(wint_t wc) { return ASCII(wc) && isgraph((int)wc); }
int iswlower(wint_t wc) { return ASCII(wc) && islower((int)wc); }
int iswprint(wint_t wc) { return ASCII(wc) && isprint((int)wc); }
int iswpunct(wint_t wc) { return ASCII(wc) && ispunct((int)wc); }
int iswspace(wint_t wc) { return ASCII(wc) && isspace((int)wc); }
int iswupper(wint_t wc) { return ASCII(wc) && isupper((int)wc); }
int iswxdigit(wint_t wc) { return ASCII(wc) && isxdigit((int)wc); }

wint_t towlower(wint_t wc)
{
	return ASCII(wc) ? (wint_t)tolower((int)wc) : wc;
}

wint_t towupper(wint_t wc)
{
	return ASCII(wc) ? (wint_t)toupper((int)wc) : wc;
}

/* C11 7.30.2.2.2's names, in an order wctype() numbers from 1. */
static const struct {
	const char *name;
	int (*test)(wint_t);
} classes[] = {
	{ "alnum", iswalnum }, { "alpha", iswalpha }, { "blank", iswblank },
	{ "cntrl", iswcntrl }, { "digit", iswdigit }, { "graph", iswgraph },
	{ "lower", iswlower }, { "print", iswprint }, { "punct", iswpunct },
	{ "space", iswspace }, { "upper", iswupper }, { "xdigit", iswxdigit },
};
#define NCLASSES (sizeof(classes) / sizeof(classes[0]))

wctype_t wctype(const char *name)
{
	for (size_t i = 0; i < NCLASSES; i++)
		if (!strcmp(classes[i].name, name))
			return i + 1;
	return 0;
}

int iswctype(wint_t wc, wctype_t desc)
{
	return desc >= 1 && desc <= NCLASSES && classes[desc - 1].test(wc);
}

/* 1 is "tolower", 2 "toupper"; 0 names no mapping. */
wctrans_t wctrans(const char *name)
{
	if (!strcmp(name, "tolower"))
		return 1;
	return !strcmp(name, "toupper") ? 2 : 0;
}

wint_t towctrans(wint_t wc, wctrans_t desc)
{
	if (desc == 1)
		return towlower(wc);
	return desc == 2 ? towupper(wc) : wc;
}
