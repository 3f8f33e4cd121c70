/* Lookup in the kernel command line (format in core/cmdline.h). */
#include "core/bootinfo.h"
#include "core/cmdline.h"
#include "lib/string.h"

/* Returns the length of the word at s (up to a space or the end). */
static size_t word_len(const char *s)
{
	size_t n = 0;

	while (s[n] && s[n] != ' ')
		n++;
	return n;
}

/* QEMU -kernel starts the command line with the image's path; GRUB does
 * not. A path has a '/' and no '=' (an option's value may have a '/'). */
static bool is_image_path(const char *s)
{
	size_t n = word_len(s);
	bool slash = false;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '=')
			return false;
		slash |= s[i] == '/';
	}
	return slash;
}

/* Finds the word whose key is `key`; returns it, or NULL. */
static const char *find_word(const char *key)
{
	size_t klen = strlen(key);
	const char *s = boot_info.cmdline;

	if (is_image_path(s))
		s += word_len(s);
	while (*s) {
		while (*s == ' ')
			s++;
		size_t n = word_len(s);
		if (n >= klen && !strncmp(s, key, klen) && (n == klen || s[klen] == '='))
			return s;
		s += n;
	}
	return NULL;
}

bool cmdline_get(const char *key, char *val, size_t size)
{
	const char *w = find_word(key);

	if (!w)
		return false;
	size_t n = word_len(w), klen = strlen(key);
	const char *v = n > klen ? w + klen + 1 : w + n;
	size_t vlen = n > klen ? n - klen - 1 : 0;

	if (size) {
		vlen = vlen < size - 1 ? vlen : size - 1;
		memcpy(val, v, vlen);
		val[vlen] = '\0';
	}
	return true;
}

bool cmdline_has(const char *key)
{
	return find_word(key) != NULL;
}
