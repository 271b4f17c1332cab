#include "config.h"

/*
 * libFuzzer harness: the theme and config parser (src/tui/theme_parse.c, pure
 * C). Any text gives a theme whose colours are in range, and a count of bad
 * lines that matches the warnings. Built and run by tests/fuzz/run.sh.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tui/theme.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void count_warning(void *ctx, const char *file, int line, const char *msg)
{
	int *n = ctx;

	if (!file || !msg || line < 1 || !msg[0])
		abort();
	(*n)++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	struct theme t;
	int warnings = 0, bad;

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	theme_defaults(&t);
	bad = theme_parse(&t, "fuzz.theme", text, count_warning, &warnings);
	if (bad != warnings)
		abort();
	for (int i = 0; i < ROLE_LOOK_COUNT; i++) {
		const struct theme_look *l = &t.look[i];

		if (l->fg < THEME_COLOR_DEFAULT || l->fg > 255 || l->bg < THEME_COLOR_DEFAULT || l->bg > 255)
			abort();
	}
	/* names alone, as a config line would give them */
	{
		int color;

		(void)theme_role_from_name(text);
		(void)theme_color_from_name(text, &color);
	}
	free(text);
	return 0;
}
