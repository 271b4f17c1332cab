#include "config.h"
#include "podium/out.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "podium/i18n.h"
#include "podium/text.h"

/* Printable ASCII, newlines and tabs: nothing to replace (most output), so no copy. */
static bool plain(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p >= 0x7F)
			return false;
	return true;
}

void out_puts(FILE *out, const char *s)
{
	char *safe;

	if (plain(s)) {
		fputs(s, out);
		return;
	}
	safe = text_sanitize_lines(s);
	fputs(safe, out);
	free(safe);
}

void out_vprintf(FILE *out, const char *fmt, va_list ap)
{
	char *text;

	if (vasprintf(&text, fmt, ap) < 0)
		pd_die(_("out of memory"));
	out_puts(out, text);
	free(text);
}

void out_printf(FILE *out, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	out_vprintf(out, fmt, ap);
	va_end(ap);
}

void out_json(FILE *out, const char *fmt, ...)
{
	va_list ap;
	char *json, *escaped;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&json, fmt, ap);
	va_end(ap);
	if (n < 0)
		pd_die(_("out of memory"));
	escaped = text_json_escape_controls(json);
	out_puts(out, escaped);
	free(escaped);
	free(json);
}
