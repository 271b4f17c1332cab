#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "podium/text.h"
#include "podium/i18n.h"
#include "tui/tui.h"

void draw_text(WINDOW *w, int y, int x, enum theme_role role, const char *text, int cols)
{
	char *cell;

	if (cols <= 0)
		return;
	cell = text_pad(text ? text : "", cols, false);
	wattrset(w, theme_attr(role));
	mvwaddstr(w, y, x, cell);
	wattrset(w, A_NORMAL);
	free(cell);
}

void draw_text_right(WINDOW *w, int y, int x, enum theme_role role, const char *text, int cols)
{
	char *cell;

	if (cols <= 0)
		return;
	cell = text_pad(text ? text : "", cols, true);
	wattrset(w, theme_attr(role));
	mvwaddstr(w, y, x, cell);
	wattrset(w, A_NORMAL);
	free(cell);
}

void draw_fill(WINDOW *w, int y, int x, enum theme_role role, int cols)
{
	if (cols <= 0)
		return;
	wattrset(w, theme_attr(role));
	mvwhline(w, y, x, ' ', cols);
	wattrset(w, A_NORMAL);
}

void draw_bar(WINDOW *w, int y, int x, enum theme_role role, double value, int cols)
{
	static const char *const eighths[] = { "", "▏", "▎", "▍", "▌", "▋", "▊", "▉" };
	int units, full;

	if (cols <= 0)
		return;
	if (!(value > 0))
		value = 0;
	if (value > 1)
		value = 1;
	units = (int)lround(value * cols * 8);
	full = units / 8;
	wattrset(w, theme_attr(role));
	wmove(w, y, x);
	for (int i = 0; i < full; i++)
		waddstr(w, "█");
	if (full < cols) {
		waddstr(w, eighths[units % 8]);
		for (int i = full + (units % 8 ? 1 : 0); i < cols; i++)
			waddch(w, ' ');
	}
	wattrset(w, A_NORMAL);
}

/* A 3x5 font; each lit pixel is drawn two cells wide so digits look square. */
static const char *glyph(char c)
{
	switch (c) {
	case '0': return "####.##.##.####";
	case '1': return ".#.##..#..#.###";
	case '2': return "###..#####..###";
	case '3': return "###..####..####";
	case '4': return "#.##.####..#..#";
	case '5': return "####..###..####";
	case '6': return "####..####.####";
	case '7': return "###..#..#..#..#";
	case '8': return "####.#####.####";
	case '9': return "####.####..####";
	case '+': return "....#.###.#....";
	case '-': return "......###......";
	default: return NULL;
	}
}

static int glyph_width(char c)
{
	if (c == ':')
		return 4;
	return glyph(c) ? 7 : 0;
}

int draw_big_width(const char *text)
{
	int w = 0;

	for (const char *p = text; *p; p++)
		w += glyph_width(*p);
	return w;
}

int draw_big(WINDOW *w, int y, int x, enum theme_role role, const char *text, int maxcols)
{
	int col = x;

	if (draw_big_width(text) > maxcols)
		return 0;
	wattrset(w, theme_attr(role));
	for (const char *p = text; *p; p++) {
		const char *g = glyph(*p);

		for (int r = 0; r < 5; r++) {
			wmove(w, y + r, col);
			if (*p == ':') {
				waddstr(w, (r == 1 || r == 3) ? " ██ " : "    ");
				continue;
			}
			if (!g)
				continue;
			for (int c = 0; c < 3; c++)
				waddstr(w, g[r * 3 + c] == '#' ? "██" : "  ");
			waddch(w, ' ');
		}
		col += glyph_width(*p);
	}
	wattrset(w, A_NORMAL);
	return col - x;
}

void draw_hints(WINDOW *w, int y, const struct tui_key *keys, size_t n, int cols)
{
	int x = 0;

	draw_fill(w, y, 0, ROLE_LOOK_HINT, cols);
	for (size_t i = 0; i <= n; i++) {
		const char *label = i < n ? keys[i].label : "?";
		const char *help = i < n ? _(keys[i].help) : _("help");
		int need;

		if (i < n && !keys[i].hint)
			continue;
		need = text_width(label) + 1 + text_width(help) + 2;
		if (x + need > cols)
			break;
		draw_text(w, y, x, ROLE_LOOK_KEY, label, text_width(label));
		x += text_width(label) + 1;
		draw_text(w, y, x, ROLE_LOOK_HINT, help, text_width(help));
		x += text_width(help) + 2;
	}
}
