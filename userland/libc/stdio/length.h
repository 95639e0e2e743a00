#ifndef STDIO_LENGTH_H
#define STDIO_LENGTH_H

/*
 * The printf/scanf length modifier (hh h l ll j z t) at *fmt, consumed:
 * the size in bytes of the argument it names, 4 (an int) when there is none.
 */
static inline int length_modifier(const char **fmt)
{
	const char *f = *fmt;
	int size = 4;
	if (*f == 'h') {
		size = 2;
		if (*++f == 'h') { size = 1; f++; }
	} else if (*f == 'l') {
		size = 8;
		if (*++f == 'l') f++;
	} else if (*f == 'j' || *f == 'z' || *f == 't') {
		size = 8;
		f++;
	}
	*fmt = f;
	return size;
}

#endif
