#include "config.h"

#include "tui/script.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>

#include "podium/common.h"
#include "podium/i18n.h"
#include "podium/out.h"

/* The keys a script names between < and >: what each sends. */
static const struct {
	const char *name;
	wint_t key;
	bool fn;
} key_names[] = {
	{ "Enter", '\n', false },
	{ "Tab", '\t', false },
	{ "Esc", 27, false },
	{ "Space", ' ', false },
	{ "Lt", '<', false },
	{ "Hash", '#', false },
	{ "Colon", ':', false },
	{ "Backspace", KEY_BACKSPACE, true },
	{ "Del", KEY_DC, true },
	{ "Insert", KEY_IC, true },
	{ "Up", KEY_UP, true },
	{ "Down", KEY_DOWN, true },
	{ "Left", KEY_LEFT, true },
	{ "Right", KEY_RIGHT, true },
	{ "Home", KEY_HOME, true },
	{ "End", KEY_END, true },
	{ "PgUp", KEY_PPAGE, true },
	{ "PgDn", KEY_NPAGE, true },
	{ "S-Tab", KEY_BTAB, true },
};

static void add_step(struct script *s, struct script_step step)
{
	PD_GROW(s->steps, s->count, s->cap);
	s->steps[s->count++] = step;
}

static void add_key(struct script *s, wint_t key, bool fn)
{
	add_step(s, (struct script_step){ .kind = STEP_KEY, .key = key, .fn = fn });
}

/* The key called name ("Enter", "C-l", "F5"); false when there is none. */
static bool key_by_name(const char *name, wint_t *key, bool *fn)
{
	for (size_t i = 0; i < PD_ARRAY_LEN(key_names); i++) {
		if (strcasecmp(name, key_names[i].name) == 0) {
			*key = key_names[i].key;
			*fn = key_names[i].fn;
			return true;
		}
	}
	if ((name[0] == 'C' || name[0] == 'c') && name[1] == '-' && name[2] && !name[3] &&
	    strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ@[\\]^_", name[2])) {
		*key = (wint_t)(name[2] & 0x1f);
		*fn = false;
		return true;
	}
	if ((name[0] == 'F' || name[0] == 'f') && name[1] >= '1' && name[1] <= '9') {
		char *end;
		long n = strtol(name + 1, &end, 10);

		if (!*end && n >= 1 && n <= 12) {
			*key = (wint_t)KEY_F(n);
			*fn = true;
			return true;
		}
	}
	return false;
}

/* A line of keys: characters as themselves, <Name> for the others. */
static enum status parse_keys(struct script *s, const char *path, size_t lineno, const char *line)
{
	const uint8_t *p = (const uint8_t *)line;
	size_t left = strlen(line);

	while (left > 0) {
		ucs4_t c;
		int n = u8_mbtoucr(&c, p, left);

		if (n <= 0)
			return status_error(ST_INVALID, _("%s:%zu: the line is not UTF-8 text"), path, lineno);
		if (c == '<') {
			const char *close = memchr(p + 1, '>', left - 1);
			char name[16];
			size_t len;
			wint_t key;
			bool fn;

			if (!close)
				return status_error(ST_INVALID, _("%s:%zu: '<' opens a key name that is not closed; "
								  "'<Lt>' types '<'"), path, lineno);
			len = (size_t)(close - (const char *)p) - 1;
			memcpy(name, p + 1, len < sizeof(name) ? len : 0);
			name[len < sizeof(name) ? len : 0] = '\0';
			if (len >= sizeof(name) || !key_by_name(name, &key, &fn))
				return status_error(ST_INVALID, _("%s:%zu: unknown key '<%.*s>'"), path, lineno,
						    (int)len, (const char *)p + 1);
			add_key(s, key, fn);
			n = (int)(close - (const char *)p) + 1;
		} else {
			add_key(s, (wint_t)c, false);
		}
		p += n;
		left -= (size_t)n;
	}
	return ST_OK;
}

/* ":resize 40x12": true with its size. */
static bool parse_size(const char *text, int *cols, int *rows)
{
	char *end;
	long c, r;

	errno = 0;
	c = strtol(text, &end, 10);
	if (end == text || (*end != 'x' && *end != 'X'))
		return false;
	text = end + 1;
	r = strtol(text, &end, 10);
	if (end == text || *end || errno || c < 1 || c > 1000 || r < 1 || r > 1000)
		return false;
	*cols = (int)c;
	*rows = (int)r;
	return true;
}

static enum status parse_command(struct script *s, const char *path, size_t lineno, const char *line)
{
	struct script_step step = { 0 };

	if (strcmp(line, ":dump") == 0) {
		step.kind = STEP_DUMP;
	} else if (strcmp(line, ":wait-idle") == 0) {
		step.kind = STEP_WAIT_IDLE;
	} else if (strncmp(line, ":resize", 7) == 0 && (line[7] == ' ' || !line[7])) {
		step.kind = STEP_RESIZE;
		if (!parse_size(line + 7 + strspn(line + 7, " "), &step.cols, &step.rows))
			return status_error(ST_INVALID, _("%s:%zu: ':resize' needs a size of 1 to 1000 columns "
							  "and rows, such as 80x24"), path, lineno);
	} else {
		return status_error(ST_INVALID, _("%s:%zu: unknown command '%s' (:dump, :wait-idle, :resize WxH)"),
				    path, lineno, line);
	}
	add_step(s, step);
	return ST_OK;
}

static enum status parse_line(struct script *s, const char *path, size_t lineno, const char *line)
{
	if (line[0] == '#' || !line[0])
		return ST_OK;
	if (line[0] == ':')
		return parse_command(s, path, lineno, line);
	return parse_keys(s, path, lineno, line);
}

enum status script_load(const char *path, struct script *out)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	enum status st = ST_OK;
	ssize_t n;

	memset(out, 0, sizeof(*out));
	if (!f)
		return status_error(ST_IO, _("cannot read the script '%s': %s"), path, strerror(errno));
	while (st == ST_OK && (n = getline(&line, &cap, f)) >= 0) {
		lineno++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (strlen(line) != (size_t)n)
			st = status_error(ST_INVALID, _("%s:%zu: the line is not UTF-8 text"), path, lineno);
		else
			st = parse_line(out, path, lineno, line);
	}
	if (st == ST_OK && ferror(f))
		st = status_error(ST_IO, _("cannot read the script '%s': %s"), path, strerror(errno));
	free(line);
	fclose(f);
	if (st != ST_OK)
		script_clear(out);
	return st;
}

void script_clear(struct script *s)
{
	free(s->steps);
	memset(s, 0, sizeof(*s));
}

/* Append the text of the cell at y,x to buf; returns how many columns it covers. */
static int cell_text(WINDOW *w, int y, int x, char *buf, size_t *len, size_t cap)
{
	cchar_t cc;
	wchar_t wch[CCHARW_MAX + 1] = { 0 };
	attr_t attrs;
	short pair;
	int width;
	mbstate_t mb = { 0 };

	if (mvwin_wch(w, y, x, &cc) == ERR || getcchar(&cc, wch, &attrs, &pair, NULL) == ERR || !wch[0])
		wch[0] = L' ', wch[1] = 0;
	width = wcwidth(wch[0]);
	for (int i = 0; wch[i] && *len + MB_LEN_MAX < cap; i++) {
		size_t n = wcrtomb(buf + *len, wch[i], &mb);

		if (n != (size_t)-1)
			*len += n;
	}
	return width > 1 ? width : 1;
}

void script_dump(WINDOW *w, FILE *out)
{
	int rows, cols;

	getmaxyx(w, rows, cols);
	for (int y = 0; y < rows; y++) {
		size_t cap = (size_t)cols * (CCHARW_MAX * MB_LEN_MAX) + 1, len = 0;
		char *buf = pd_malloc(cap);

		/* a wide character fills two cells, and curses returns it for both */
		for (int x = 0; x < cols;)
			x += cell_text(w, y, x, buf, &len, cap);
		while (len > 0 && buf[len - 1] == ' ')
			len--;
		buf[len] = '\0';
		out_printf(out, "%s\n", buf);
		free(buf);
	}
	out_puts(out, "--\n");
	fflush(out);
}
