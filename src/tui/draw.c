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
	case '?': return "###..#.##....#.";
	default: return NULL;
	}
}

/* ':' and '.' are narrow: one pixel and a space */
static int glyph_width(char c)
{
	if (c == ':')
		return 4;
	if (c == '.')
		return 3;
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
			if (*p == '.') {
				waddstr(w, r == 4 ? "██ " : "   ");
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

/* Draw one hint "label help" at *x when it fits; false when the line is full. */
static bool hint(WINDOW *w, int y, int *x, int cols, const char *label, const char *help)
{
	int lw = text_width(label), hw = text_width(help);

	if (*x + lw + 1 + hw + 2 > cols)
		return false;
	draw_text(w, y, *x, ROLE_LOOK_KEY, label, lw);
	draw_text(w, y, *x + lw + 1, ROLE_LOOK_HINT, help, hw);
	*x += lw + 1 + hw + 2;
	return true;
}

void draw_hints(WINDOW *w, int y, const struct tui_key *keys, size_t n, bool list, int cols)
{
	/* "? help" always shows; a hint too long for what is left gives way to the shorter ones after it */
	int x = 0, help_w = 2 + text_width(_("help")) + 2;

	draw_fill(w, y, 0, ROLE_LOOK_HINT, cols);
	for (size_t i = 0; i < n; i++)
		if (keys[i].hint)
			hint(w, y, &x, cols - help_w, keys[i].label, _(keys[i].help));
	if (list && hint(w, y, &x, cols - help_w, "j/k", _("move")))
		hint(w, y, &x, cols - help_w, "/", _("search"));
	hint(w, y, &x, cols, "?", _("help"));
}

size_t draw_scroll(size_t sel, size_t *top, int rows)
{
	if (rows < 1)
		rows = 1;
	if (sel < *top)
		*top = sel;
	if (sel >= *top + (size_t)rows)
		*top = sel - (size_t)rows + 1;
	return *top;
}
