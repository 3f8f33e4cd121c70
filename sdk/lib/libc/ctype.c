/*
 * Character classes for the "C" locale, by range tests on ASCII. The
 * unsigned subtraction folds each range test into one comparison, and
 * makes EOF and bytes above 127 fall outside every class.
 */
#include <ctype.h>

static int in_range(int c, int lo, int count)
{
	return (unsigned)c - (unsigned)lo < (unsigned)count;
}

int isdigit(int c)  { return in_range(c, '0', 10); }
int isupper(int c)  { return in_range(c, 'A', 26); }
int islower(int c)  { return in_range(c, 'a', 26); }
int isalpha(int c)  { return isupper(c) || islower(c); }
int isalnum(int c)  { return isalpha(c) || isdigit(c); }
int isxdigit(int c) { return isdigit(c) || in_range(c, 'a', 6) || in_range(c, 'A', 6); }
int isblank(int c)  { return c == ' ' || c == '\t'; }

/* Space, \t \n \v \f \r. */
int isspace(int c)  { return c == ' ' || in_range(c, '\t', 5); }

int iscntrl(int c)  { return in_range(c, 0, 32) || c == 127; }
int isprint(int c)  { return in_range(c, ' ', 95); }
int isgraph(int c)  { return in_range(c, '!', 94); }
int ispunct(int c)  { return isgraph(c) && !isalnum(c); }

int tolower(int c)  { return isupper(c) ? c - 'A' + 'a' : c; }
int toupper(int c)  { return islower(c) ? c - 'a' + 'A' : c; }
