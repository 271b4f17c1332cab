#include "config.h"
#include "tui/theme.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "podium/common.h"

static const struct {
	const char *name, *fg, *bg, *attr, *mono;
} builtin[] = {
#define THEME_ROLE_ROW(id, name, fg, bg, attr, mono) { name, fg, bg, attr, mono },
	THEME_ROLE_INFO(THEME_ROLE_ROW)
#undef THEME_ROLE_ROW
};

static const char *const base_colors[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

static const struct {
	const char *name;
	unsigned bit;
} attr_names[] = {
	{ "bold", THEME_BOLD },		{ "dim", THEME_DIM },	      { "underline", THEME_UNDERLINE },
	{ "reverse", THEME_REVERSE },	{ "italic", THEME_ITALIC },   { "blink", THEME_BLINK },
	{ "standout", THEME_STANDOUT }, { "normal", 0 },
};

int theme_role_from_name(const char *name)
{
	for (size_t i = 0; i < PD_ARRAY_LEN(builtin); i++)
		if (strcasecmp(builtin[i].name, name) == 0)
			return (int)i;
	return -1;
}

bool theme_color_from_name(const char *name, int *out)
{
	char *end;
	long n;

	if (strcasecmp(name, "default") == 0) {
		*out = THEME_COLOR_DEFAULT;
		return true;
	}
	for (size_t i = 0; i < PD_ARRAY_LEN(base_colors); i++) {
		if (strcasecmp(name, base_colors[i]) == 0) {
			*out = (int)i;
			return true;
		}
		if (strncasecmp(name, "bright", 6) == 0 && strcasecmp(name + 6, base_colors[i]) == 0) {
			*out = (int)i + 8;
			return true;
		}
	}
	if (strncasecmp(name, "color", 5) == 0 && name[5]) {
		n = strtol(name + 5, &end, 10);
		if (*end == '\0' && n >= 0 && n <= 255) {
			*out = (int)n;
			return true;
		}
	}
	return false;
}

/* Parse attribute words; false with *bad set to the first unknown one. */
static bool parse_attrs(char **words, int n, unsigned *out, const char **bad)
{
	*out = 0;
	for (int i = 0; i < n; i++) {
		bool found = false;

		for (size_t a = 0; a < PD_ARRAY_LEN(attr_names); a++) {
			if (strcasecmp(words[i], attr_names[a].name) == 0) {
				*out |= attr_names[a].bit;
				found = true;
			}
		}
		if (!found) {
			*bad = words[i];
			return false;
		}
	}
	return true;
}

void theme_defaults(struct theme *t)
{
	for (size_t i = 0; i < PD_ARRAY_LEN(builtin); i++) {
		char attr[64], mono[64];
		char *words[8];
		int n = 0;
		const char *bad;
		struct theme_look *l = &t->look[i];

		theme_color_from_name(builtin[i].fg, &l->fg);
		theme_color_from_name(builtin[i].bg, &l->bg);
		snprintf(attr, sizeof(attr), "%s", builtin[i].attr);
		snprintf(mono, sizeof(mono), "%s", builtin[i].mono);
		for (char *w = strtok(attr, " "); w && n < 8; w = strtok(NULL, " "))
			words[n++] = w;
		parse_attrs(words, n, &l->attr, &bad);
		n = 0;
		for (char *w = strtok(mono, " "); w && n < 8; w = strtok(NULL, " "))
			words[n++] = w;
		parse_attrs(words, n, &l->mono, &bad);
	}
}

#define MAX_WORDS 16

/* Apply one line's words; NULL when fine, else what is wrong (in buf). */
static const char *apply_line(struct theme *t, char **w, int n, char *buf, size_t bufsz)
{
	const char *bad = NULL;
	unsigned attrs;
	int role, fg, bg;

	if (strcasecmp(w[0], "color") == 0) {
		if (n < 4)
			return "expected: color ROLE FOREGROUND BACKGROUND [ATTRIBUTE...]";
	} else if (strcasecmp(w[0], "mono") == 0) {
		if (n < 2)
			return "expected: mono ROLE ATTRIBUTE...";
	} else if (strcasecmp(w[0], "theme") == 0) {
		return NULL;	/* a config file's choice of theme, read by the caller */
	} else {
		snprintf(buf, bufsz, "unknown command '%s' (expected color or mono)", w[0]);
		return buf;
	}
	role = theme_role_from_name(w[1]);
	if (role < 0) {
		snprintf(buf, bufsz, "unknown role '%s'", w[1]);
		return buf;
	}
	if (strcasecmp(w[0], "mono") == 0) {
		if (!parse_attrs(w + 2, n - 2, &attrs, &bad)) {
			snprintf(buf, bufsz, "unknown attribute '%s'", bad);
			return buf;
		}
		t->look[role].mono = attrs;
		return NULL;
	}
	if (!theme_color_from_name(w[2], &fg)) {
		snprintf(buf, bufsz, "unknown colour '%s'", w[2]);
		return buf;
	}
	if (!theme_color_from_name(w[3], &bg)) {
		snprintf(buf, bufsz, "unknown colour '%s'", w[3]);
		return buf;
	}
	if (!parse_attrs(w + 4, n - 4, &attrs, &bad)) {
		snprintf(buf, bufsz, "unknown attribute '%s'", bad);
		return buf;
	}
	t->look[role].fg = fg;
	t->look[role].bg = bg;
	t->look[role].attr = attrs;
	return NULL;
}

int theme_parse(struct theme *t, const char *file, const char *text, theme_warn_fn warn, void *ctx)
{
	char *copy = pd_strdup(text), *save = NULL;
	int lineno = 0, bad = 0;
	char *p = copy;

	while (p) {
		char *line = p, *nl = strchr(p, '\n'), *words[MAX_WORDS], *hash;
		char buf[160];
		const char *err;
		int n = 0;

		p = nl ? nl + 1 : NULL;
		if (nl)
			*nl = '\0';
		lineno++;
		hash = strchr(line, '#');
		if (hash)
			*hash = '\0';
		for (char *w = strtok_r(line, " \t\r", &save); w; w = strtok_r(NULL, " \t\r", &save)) {
			if (n == MAX_WORDS) {
				n = -1;
				break;
			}
			words[n++] = w;
		}
		if (n == 0)
			continue;
		err = n < 0 ? "too many words" : apply_line(t, words, n, buf, sizeof(buf));
		if (err) {
			bad++;
			if (warn)
				warn(ctx, file, lineno, err);
		}
	}
	free(copy);
	return bad;
}
