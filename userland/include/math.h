/* math.h - the exactly-computable part of <math.h>. Transcendental
 * functions (pow, exp, log, sin, ...) are NOT provided. */
#ifndef _MATH_H
#define _MATH_H

#define HUGE_VAL  __builtin_huge_val()
#define HUGE_VALF __builtin_huge_valf()
#define INFINITY  __builtin_inff()
#define NAN       __builtin_nanf("")

#define M_E     2.7182818284590452354
#define M_LN2   0.69314718055994530942
#define M_LN10  2.30258509299404568402
#define M_PI    3.14159265358979323846
#define M_PI_2  1.57079632679489661923
#define M_SQRT2 1.41421356237309504880

#define isnan(x)    __builtin_isnan(x)
#define isinf(x)    __builtin_isinf(x)
#define isfinite(x) __builtin_isfinite(x)
#define signbit(x)  __builtin_signbit(x)

double fabs(double x);
double sqrt(double x);
double floor(double x);
double ceil(double x);
double trunc(double x);
double round(double x);
double fmod(double x, double y);
double fmin(double x, double y);
double fmax(double x, double y);
double copysign(double x, double y);
double ldexp(double x, int e);
float fabsf(float x);
float sqrtf(float x);

#endif
