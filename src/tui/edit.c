#include "config.h"

#include "tui/edit.h"

#include <stdlib.h>
#include <string.h>

#include "podium/common.h"
#include "tui/tui.h"

static void edit_insert(struct line_edit *e, wchar_t c)
{
	if (e->len + 2 > e->cap) {
		e->cap *= 2;
		e->text = pd_realloc(e->text, e->cap * sizeof(wchar_t));
	}
	memmove(e->text + e->cursor + 1, e->text + e->cursor, (e->len - e->cursor + 1) * sizeof(wchar_t));
	e->text[e->cursor++] = c;
	e->len++;
}

void edit_start(struct line_edit *e, const char *initial)
{
	mbstate_t mb = { 0 };
	const char *p = initial;
	size_t left = initial ? strlen(initial) : 0;

	edit_clear(e);
	e->cap = 64;
	e->text = pd_calloc(e->cap, sizeof(wchar_t));
	while (left > 0) {
		wchar_t c;
		size_t n = mbrtowc(&c, p, left, &mb);

		if (n == 0 || n == (size_t)-1 || n == (size_t)-2)
			break;
		edit_insert(e, c);
		p += n;
		left -= n;
	}
}

void edit_clear(struct line_edit *e)
{
	free(e->text);
	memset(e, 0, sizeof(*e));
}

static void edit_erase(struct line_edit *e, size_t at)
{
	memmove(e->text + at, e->text + at + 1, (e->len - at) * sizeof(wchar_t));
	e->len--;
}

static bool printable(wint_t c)
{
	return c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0);
}

bool edit_key(struct line_edit *e, wint_t c, bool fn)
{
	if ((fn && c == KEY_BACKSPACE) || (!fn && (c == 127 || c == 8))) {
		if (e->cursor > 0)
			edit_erase(e, --e->cursor);
	} else if (fn && c == KEY_DC) {
		if (e->cursor < e->len)
			edit_erase(e, e->cursor);
	} else if (fn && c == KEY_LEFT) {
		if (e->cursor > 0)
			e->cursor--;
	} else if (fn && c == KEY_RIGHT) {
		if (e->cursor < e->len)
			e->cursor++;
	} else if ((fn && c == KEY_HOME) || (!fn && c == TUI_CTRL('a'))) {
		e->cursor = 0;
	} else if ((fn && c == KEY_END) || (!fn && c == TUI_CTRL('e'))) {
		e->cursor = e->len;
	} else if (!fn && c == TUI_CTRL('u')) {
		e->len = e->cursor = 0;
		e->text[0] = 0;
	} else if (!fn && printable(c)) {
		if (e->len < EDIT_MAX)
			edit_insert(e, (wchar_t)c);
	} else {
		return false;
	}
	return true;
}

static char *wide_to_utf8(const wchar_t *text)
{
	size_t n = wcstombs(NULL, text, 0);
	char *out;

	if (n == (size_t)-1)
		return pd_strdup("");
	out = pd_malloc(n + 1);
	wcstombs(out, text, n + 1);
	return out;
}

char *edit_text(const struct line_edit *e)
{
	return wide_to_utf8(e->text);
}

static int char_width(const struct line_edit *e, size_t i, bool secret)
{
	int w = secret ? 1 : wcwidth(e->text[i]);

	return w > 0 ? w : 0;
}

int edit_draw(const struct line_edit *e, WINDOW *w, int y, int x, int cols, enum theme_role role, bool secret)
{
	int width = 0;
	size_t start = 0;
	char *part;

	/* scroll the text so the cursor stays visible */
	for (size_t i = 0; i < e->cursor; i++)
		width += char_width(e, i, secret);
	while (width > cols && start < e->cursor)
		width -= char_width(e, start++, secret);
	if (secret) {
		part = pd_malloc(e->len - start + 1);
		memset(part, '*', e->len - start);
		part[e->len - start] = '\0';
	} else {
		part = wide_to_utf8(e->text + start);
	}
	draw_text(w, y, x, role, part, cols > 0 ? cols : 0);
	free(part);
	return x + width;
}
