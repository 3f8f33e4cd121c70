/*
 * fpcheck: floating point as a user's program sees it. It prints values
 * with printf's %f %e %g %a (flags, widths, precisions, long double),
 * parses text with strtod, strtof, strtold and sscanf and prints what came
 * back, bit for bit, and prints libm results to 12 digits. Every line
 * starts with "fp: " and the last is "fp: done". Built for the host with
 * glibc, the same source prints the same lines: scenarios_libcfp.py
 * compares the two.
 */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const double values[] = {
	0.0, -0.0, 1.0, 0.1, 2.5, -3.75, 1e-5, 123456.789, 1e21, 1e-310,
	5e-324, 1.7976931348623157e308, 3.141592653589793, 1.0 / 3, 99.5,
};

static const char *const formats[] = {
	"%f", "%.0f", "%#.0f", "%.20f", "%e", "%.0e", "%+.12e", "%E", "%g", "%#g",
	"%.17g", "%G", "%a", "%.3a", "%A", "%12.4f|", "%-12.4e|", "%012.3g", "% .5g",
};

static uint64_t bits(double d)
{
	uint64_t u;

	memcpy(&u, &d, sizeof(u));
	return u;
}

static void print_values(void)
{
	for (size_t f = 0; f < sizeof(formats) / sizeof(formats[0]); f++)
		for (size_t v = 0; v < sizeof(values) / sizeof(values[0]); v++) {
			printf("fp: [%s] ", formats[f]);
			printf(formats[f], values[v]);
			printf("\n");
		}
	printf("fp: %Lf %Le %Lg %La\n", 1.0L / 3, LDBL_MAX, LDBL_MIN, 0.1L);
	printf("fp: %f %e %g %a %F %E\n", INFINITY, -INFINITY, NAN, -NAN, INFINITY, NAN);
}

static void parse_texts(void)
{
	static const char *const texts[] = {
		"0.1", "1e23", "2.2250738585072011e-308", "4.9406564584124654e-324", "1e-400",
		"1e400", "0x1.8p3", "-0x1p-1074", "inf", "-nan", "nan(0x12)", "12abc", "  .5e+x",
		"9007199254740993", "1.00000000000000011102230246251565404236316680908203125",
	};
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		char *end;
		double d = strtod(texts[i], &end);
		float f = strtof(texts[i], NULL);
		long double l = strtold(texts[i], NULL);

		printf("fp: strtod(\"%s\") = %016llx %.17g, rest \"%s\"; strtof %a; strtold %La\n",
		       texts[i], (unsigned long long)bits(d), d, end, (double)f, l);
	}
}

static void scan_texts(void)
{
	double d = 0, e = 0;
	float f = 0;
	long double l = 0;
	int i = 0, n = 0, r;
	char word[32] = "";
	unsigned x = 0;

	r = sscanf("3.25 -1e-3 0x1p-2 word 42 ff", "%lf %f %La %31s %d %x%n", &d, &f, &l, word, &i,
		   &x, &n);
	printf("fp: sscanf %d: %.17g %a %La %s %d %x %d\n", r, d, (double)f, l, word, i, x, n);
	r = sscanf("1.5e 7 nan(1)", "%lf %lf %d", &d, &e, &i);
	printf("fp: sscanf %d: %.17g %.17g\n", r, d, e);
	r = sscanf("key = 2.5;", "%31[a-z] = %lf;%n", word, &d, &n);
	printf("fp: sscanf %d: %s %g %d\n", r, word, d, n);
}

static void use_libm(void)
{
	static const double xs[] = { 0.5, 1.0, 2.0, 10.0, -0.75, 100.25 };

	for (size_t i = 0; i < sizeof(xs) / sizeof(xs[0]); i++) {
		double x = xs[i];

		printf("fp: x=%g sin %.12g cos %.12g tan %.12g atan %.12g exp %.12g log %.12g\n",
		       x, sin(x), cos(x), tan(x), atan(x), exp(x), log(fabs(x)));
		printf("fp: x=%g sqrt %.12g cbrt %.12g pow %.12g sinh %.12g tanh %.12g erf %.12g "
		       "tgamma %.12g\n", x, sqrt(fabs(x)), cbrt(x), pow(fabs(x), 1.5), sinh(x),
		       tanh(x), erf(x), tgamma(x));
		printf("fp: x=%g floor %g ceil %g round %g fmod %g hypot %.12g atan2 %.12g\n", x,
		       floor(x), ceil(x), round(x), fmod(x, 0.3), hypot(x, 3), atan2(x, -2));
	}
	printf("fp: sinf %.6g expf %.6g logl %.15Lg sqrtl %.18Lg\n", (double)sinf(1.0f),
	       (double)expf(2.0f), logl(10.0L), sqrtl(2.0L));
}

int main(void)
{
	print_values();
	parse_texts();
	scan_texts();
	use_libm();
	printf("fp: done\n");
	return 0;
}
