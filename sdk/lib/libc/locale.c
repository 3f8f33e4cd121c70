/*
 * The C locale (C11 7.11): setlocale() knows one locale under a few names
 * (<locale.h>) and remembers which of them each category was last set to,
 * so a program reads back what it set.
 */
#include <limits.h>
#include <locale.h>
#include <string.h>

static const char *const names[] = { "C", "POSIX", "C.UTF-8", "C.utf8" };
#define NNAMES (sizeof(names) / sizeof(names[0]))

static const char *current[LC_ALL] = { "C", "C", "C", "C", "C", "C" };

static const char *known(const char *locale)
{
	if (!*locale)
		return "C";             /* "": the environment's, and there is only C */
	for (size_t i = 0; i < NNAMES; i++)
		if (!strcmp(names[i], locale))
			return names[i];
	return NULL;
}

/* Every name means the same locale, so LC_ALL reads back as LC_CTYPE's
 * name without C's composite form. */
char *setlocale(int category, const char *locale)
{
	const char *name;

	if (category < 0 || category > LC_ALL)
		return NULL;
	if (!locale)
		return (char *)current[category == LC_ALL ? LC_CTYPE : category];
	name = known(locale);
	if (!name)
		return NULL;
	for (int c = 0; c < LC_ALL; c++)
		if (category == LC_ALL || category == c)
			current[c] = name;
	return (char *)name;
}

struct lconv *localeconv(void)
{
	static struct lconv c = {
		.decimal_point = ".", .thousands_sep = "", .grouping = "",
		.int_curr_symbol = "", .currency_symbol = "", .mon_decimal_point = "",
		.mon_thousands_sep = "", .mon_grouping = "", .positive_sign = "",
		.negative_sign = "",
		.int_frac_digits = CHAR_MAX, .frac_digits = CHAR_MAX,
		.p_cs_precedes = CHAR_MAX, .p_sep_by_space = CHAR_MAX,
		.n_cs_precedes = CHAR_MAX, .n_sep_by_space = CHAR_MAX,
		.p_sign_posn = CHAR_MAX, .n_sign_posn = CHAR_MAX,
		.int_p_cs_precedes = CHAR_MAX, .int_p_sep_by_space = CHAR_MAX,
		.int_n_cs_precedes = CHAR_MAX, .int_n_sep_by_space = CHAR_MAX,
		.int_p_sign_posn = CHAR_MAX, .int_n_sign_posn = CHAR_MAX,
	};

	return &c;
}
