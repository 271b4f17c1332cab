#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "podium/common.h"
#include "podium/i18n.h"
#include "podium/out.h"
#include "tui/tui.h"

#ifndef PODIUM_DATADIR
#define PODIUM_DATADIR "/usr/local/share/podium"
#endif

static struct theme current;
static attr_t attrs[ROLE_LOOK_COUNT];
char *theme_warning;	/* the first warning, shown in the console's status line */

static void warn(void *ctx, const char *file, int line, const char *msg)
{
	const char *base = strrchr(file, '/');
	char *text;

	(void)ctx;
	out_printf(stderr, "podium: %s:%d: %s\n", file, line, msg);
	/* the status line is narrow: the file's name says enough there */
	text = pd_asprintf("%s:%d: %s", base ? base + 1 : file, line, msg);
	if (!theme_warning)
		theme_warning = text;
	else
		free(text);
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf = NULL;
	size_t len = 0, cap = 0, n;

	if (!f)
		return NULL;
	do {
		if (cap - len < 4096) {
			cap = cap ? cap * 2 : 8192;
			if (cap > (1u << 20))	/* a theme is small: refuse anything huge */
				break;
			buf = pd_realloc(buf, cap + 1);
		}
		n = fread(buf + len, 1, cap - len, f);
		len += n;
	} while (n > 0);
	fclose(f);
	buf[len] = '\0';
	return buf;
}

static char *config_dir(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");

	if (xdg && xdg[0] == '/')
		return pd_asprintf("%s/podium", xdg);
	if (home && home[0])
		return pd_asprintf("%s/.config/podium", home);
	return NULL;
}

static char *exe_dir(void)
{
	char buf[4096];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
	char *slash;

	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	slash = strrchr(buf, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	return pd_strdup(buf);
}

/* Read the theme called name from the first folder that has it; NULL when none does. */
static char *find_theme(const char *name, char **path_out)
{
	char *dirs[4] = { NULL }, *text = NULL, *cfg = config_dir(), *exe = exe_dir();
	size_t n = 0;

	if (strchr(name, '/')) {
		text = read_file(name);
		*path_out = pd_strdup(name);
		free(cfg);
		free(exe);
		return text;
	}
	if (cfg)
		dirs[n++] = pd_asprintf("%s/themes", cfg);
	dirs[n++] = pd_strdup(PODIUM_DATADIR "/themes");
	if (exe) {
		dirs[n++] = pd_asprintf("%s/themes", exe);	/* run from the build tree */
		dirs[n++] = pd_asprintf("%s/../share/podium/themes", exe);
	}
	for (size_t i = 0; i < n && !text; i++) {
		char *path = pd_asprintf("%s/%s.theme", dirs[i], name);

		text = read_file(path);
		if (text)
			*path_out = path;
		else
			free(path);
	}
	for (size_t i = 0; i < n; i++)
		free(dirs[i]);
	free(cfg);
	free(exe);
	return text;
}

/* The config file's "theme NAME" line, if any. */
static char *config_theme(const char *config)
{
	const char *p = config;

	while (p && *p) {
		char word[16], name[128];

		if (sscanf(p, " %15s %127s", word, name) == 2 && strcmp(word, "theme") == 0)
			return pd_strdup(name);
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return NULL;
}

void theme_load(const char *name)
{
	char *cfg = config_dir(), *cfg_path = cfg ? pd_asprintf("%s/config", cfg) : NULL;
	char *config = cfg_path ? read_file(cfg_path) : NULL, *chosen = NULL, *text, *path = NULL;

	theme_defaults(&current);
	if (!name && config)
		name = chosen = config_theme(config);
	if (name && strcmp(name, "default") != 0) {
		text = find_theme(name, &path);
		if (text) {
			theme_parse(&current, path, text, warn, NULL);
			free(text);
			free(path);
		} else {
			char *msg = pd_asprintf(_("no theme '%s' (themes: default, light, high-contrast, mono, projector); using the default"),
						name);

			out_printf(stderr, "podium: %s\n", msg);
			if (!theme_warning)
				theme_warning = msg;
			else
				free(msg);
		}
	}
	/* the config file's own color lines refine whichever theme was chosen */
	if (config)
		theme_parse(&current, cfg_path, config, warn, NULL);
	free(chosen);
	free(config);
	free(cfg_path);
	free(cfg);
}

/* A colour the terminal lacks falls back to the nearest of the 8 base colours. */
static short fit_color(int c)
{
	static const short cube_to_base[6] = { 0, 0, 0, 1, 1, 1 };

	if (c < 0 || c < COLORS)
		return (short)c;
	if (c < 16)
		return (short)(c - 8);
	if (c < 232) {
		int i = c - 16, r = cube_to_base[i / 36], g = cube_to_base[(i / 6) % 6], b = cube_to_base[i % 6];

		return (short)(r | (g << 1) | (b << 2));	/* curses: red 1, green 2, blue 4 */
	}
	return c < 244 ? COLOR_BLACK : COLOR_WHITE;
}

static attr_t curses_attrs(unsigned a)
{
	attr_t out = A_NORMAL;

	if (a & THEME_BOLD)
		out |= A_BOLD;
	if (a & THEME_DIM)
		out |= A_DIM;
	if (a & THEME_UNDERLINE)
		out |= A_UNDERLINE;
	if (a & THEME_REVERSE)
		out |= A_REVERSE;
	if (a & THEME_ITALIC)
		out |= A_ITALIC;
	if (a & THEME_BLINK)
		out |= A_BLINK;
	if (a & THEME_STANDOUT)
		out |= A_STANDOUT;
	return out;
}

void theme_start(void)
{
	const char *no_color = getenv("NO_COLOR");
	bool color = has_colors() && !(no_color && no_color[0]);

	if (color) {
		start_color();
		use_default_colors();
	}
	for (int r = 0; r < ROLE_LOOK_COUNT; r++) {
		const struct theme_look *l = &current.look[r];

		if (!color || COLOR_PAIRS < ROLE_LOOK_COUNT + 1) {
			attrs[r] = curses_attrs(l->mono);
			continue;
		}
		init_pair((short)(r + 1), fit_color(l->fg), fit_color(l->bg));
		attrs[r] = COLOR_PAIR(r + 1) | curses_attrs(l->attr);
	}
}

attr_t theme_attr(enum theme_role role)
{
	return attrs[role];
}
