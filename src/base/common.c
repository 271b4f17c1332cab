#include "config.h"
#include "podium/common.h"
#include "podium/i18n.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void (*pd_die_hook)(void);

void pd_die(const char *fmt, ...)
{
	va_list ap;

	if (pd_die_hook)
		pd_die_hook();
	fputs("podium: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void *checked(void *p)
{
	if (!p)
		pd_die(_("out of memory"));
	return p;
}

void *pd_malloc(size_t n)
{
	return checked(malloc(n ? n : 1));
}

void *pd_calloc(size_t count, size_t n)
{
	return checked(calloc(count ? count : 1, n ? n : 1));
}

void *pd_realloc(void *p, size_t n)
{
	return checked(realloc(p, n ? n : 1));
}

char *pd_strdup(const char *s)
{
	return checked(strdup(s ? s : ""));
}

char *pd_strndup(const char *s, size_t n)
{
	return checked(strndup(s ? s : "", n));
}

void *pd_grow(void *items, size_t count, size_t *cap, size_t size)
{
	if (count < *cap)
		return items;
	*cap = *cap ? *cap * 2 : 8;
	return pd_realloc(items, *cap * size);
}

void *pd_reserve(void *items, size_t need, size_t *cap, size_t size)
{
	size_t old = *cap;

	if (need <= *cap)
		return items;
	while (*cap < need)
		*cap = *cap ? *cap * 2 : 64;
	return old == *cap ? items : pd_realloc(items, *cap * size);
}

char *pd_vasprintf(const char *fmt, va_list ap)
{
	char *out = NULL;

	if (vasprintf(&out, fmt, ap) < 0)
		pd_die(_("out of memory"));
	return out;
}

char *pd_asprintf(const char *fmt, ...)
{
	va_list ap;
	char *out;

	va_start(ap, fmt);
	out = pd_vasprintf(fmt, ap);
	va_end(ap);
	return out;
}
