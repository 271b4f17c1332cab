#include "config.h"
#include "podium/csv.h"

#include <csv.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "podium/common.h"
#include "podium/i18n.h"
#include "podium/text.h"

#define BOM "\xef\xbb\xbf"

/*
 * The reader feeds libcsv one physical line at a time, so it always knows
 * which line it is on: a row starts on the first line that is not blank after
 * the previous row ended, and libcsv's callbacks say where fields and rows end.
 */
struct reader {
	const char *name;		/* for messages: the path, or "stdin" */
	struct csv_table *t;
	int line;			/* the physical line being fed, from 1 */
	int row_line;			/* the line the current row started on */
	bool in_row;
	char **fields;			/* the current row's cells, trimmed */
	size_t nfields, capfields;
	size_t caprows, capcells;
	enum status error;		/* the first error; parsing stops there */
	bool quoted;			/* inside a quoted cell, which may go on over lines */
	bool after_quote;		/* a quoted cell has closed: the rest of it goes to libcsv as is */
	char *buf;			/* the line as libcsv gets it (see quote_bare_cells) */
	size_t nbuf, capbuf;
};

static void reader_fail(struct reader *r, enum status s)
{
	if (r->error == ST_OK)
		r->error = s;
}

static void drop_fields(struct reader *r)
{
	for (size_t i = 0; i < r->nfields; i++)
		free(r->fields[i]);
	r->nfields = 0;
}

/* A newline inside a quoted cell of a CRLF file is "\r\n": keep it as "\n", like the rest of
 * podium. */
static void crlf_to_lf(char *s)
{
	char *out = s;

	for (; *s; s++) {
		if (s[0] == '\r' && s[1] == '\n')
			continue;
		*out++ = *s;
	}
	*out = '\0';
}

/* Undo the "'" that keeps a spreadsheet from running a cell: "'=1+1" reads as "=1+1". */
static void unprotect(char *cell)
{
	if (cell[0] == '\'' && csv_formula_like(cell + 1))
		memmove(cell, cell + 1, strlen(cell));
}

static void on_field(void *data, size_t len, void *ctx)
{
	struct reader *r = ctx;
	const char *s = data ? data : "";

	if (r->error != ST_OK)
		return;
	if (!r->in_row) {
		/* a row that starts in the middle of a line, after a lone CR */
		r->in_row = true;
		r->row_line = r->line;
	}
	if (!text_valid_utf8(s, len)) {
		reader_fail(
		    r, status_error(
			   ST_INVALID,
			   _("%s:%d: the text is not valid UTF-8 (cell %zu); save the file as UTF-8"),
			   r->name, r->row_line, r->nfields + 1));
		return;
	}
	PD_GROW(r->fields, r->nfields, r->capfields);
	/* libcsv's CSV_APPEND_NULL ends the field with a NUL, and UTF-8 checked above has none
	 * inside */
	r->fields[r->nfields++] = text_trim(s);
	if (memchr(s, '\r', len))
		crlf_to_lf(r->fields[r->nfields - 1]);
	unprotect(r->fields[r->nfields - 1]);
}

static enum status take_header(struct reader *r)
{
	struct csv_table *t = r->t;

	for (size_t i = 0; i < r->nfields; i++) {
		char *key;

		if (!r->fields[i][0])
			return status_error(
			    ST_INVALID,
			    _("%s:%d: column %zu of the header has no name; name it or remove it"),
			    r->name, r->row_line, i + 1);
		key = text_key(r->fields[i]);
		for (size_t j = 0; j < i; j++) {
			char *other = text_key(r->fields[j]);
			bool same = strcmp(key, other) == 0;

			free(other);
			if (same) {
				char *shown = text_fit(r->fields[i], 40, NULL);
				enum status s =
				    status_error(ST_INVALID,
						 _("%s:%d: the header names the column '%s' twice "
						 "(columns %zu and %zu)"),
						 r->name, r->row_line, shown, j + 1, i + 1);

				free(shown);
				free(key);
				return s;
			}
		}
		free(key);
	}
	t->ncols = r->nfields;
	t->header = pd_malloc((r->nfields ? r->nfields : 1) * sizeof(*t->header));
	memcpy(t->header, r->fields, r->nfields * sizeof(*t->header));
	t->header_line = r->row_line;
	r->nfields = 0;
	return ST_OK;
}

static enum status take_row(struct reader *r)
{
	struct csv_table *t = r->t;
	bool empty = true;

	for (size_t i = 0; i < r->nfields && empty; i++)
		empty = r->fields[i][0] == '\0';
	/* a spreadsheet's empty line comes out as ",,,": skip it like a blank line */
	if (empty) {
		drop_fields(r);
		return ST_OK;
	}
	if (r->nfields > t->ncols)
		return status_error(
		    ST_INVALID,
		    _("%s:%d: the row has %zu cells but the header names only %zu columns"), r->name,
		    r->row_line, r->nfields, t->ncols);
	PD_GROW(t->lines, t->nrows, r->caprows);
	PD_RESERVE(t->cells, (t->nrows + 1) * t->ncols, r->capcells);
	memcpy(t->cells + t->nrows * t->ncols, r->fields, r->nfields * sizeof(*t->cells));
	for (size_t i = r->nfields; i < t->ncols; i++)
		t->cells[t->nrows * t->ncols + i] = pd_strdup("");
	t->lines[t->nrows++] = r->row_line;
	r->nfields = 0;
	return ST_OK;
}

static void on_row(int c, void *ctx)
{
	struct reader *r = ctx;
	enum status s;

	(void)c;
	r->in_row = false;
	if (r->error != ST_OK) {
		drop_fields(r);
		return;
	}
	s = r->t->header ? take_row(r) : take_header(r);
	if (s != ST_OK) {
		drop_fields(r);
		reader_fail(r, s);
	}
}

static bool blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return false;
	}
	return true;
}

static void emit(struct reader *r, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		PD_GROW(r->buf, r->nbuf, r->capbuf);
		r->buf[r->nbuf++] = s[i];
	}
}

static bool is_blank_char(char c)
{
	return c == ' ' || c == '\t';
}

/* An unquoted cell s[0..n) with a quote in it, put in quotes with its quotes doubled; spaces around stay out. */
static void emit_quoted(struct reader *r, const char *s, size_t n)
{
	size_t text = n;

	while (text > 0 && is_blank_char(s[text - 1]))
		text--;
	emit(r, "\"", 1);
	for (size_t i = 0; i < text; i++) {
		emit(r, s + i, 1);
		if (s[i] == '"')
			emit(r, "\"", 1);
	}
	emit(r, "\"", 1);
	emit(r, s + text, n - text);
}

/*
 * Spreadsheets read a quote inside an unquoted cell (37°36'37.8"N) as a quote,
 * where libcsv's strict mode refuses the file. So before a line reaches libcsv,
 * each such cell is put in quotes with its quotes doubled; a quote after a
 * quoted cell has closed ("ab"c) is still refused. Returns the line to feed.
 */
static const char *quote_bare_cells(struct reader *r, const char *s, size_t *len)
{
	size_t i = 0, n = *len;

	if (!r->quoted && !memchr(s, '"', n))
		return s;
	r->nbuf = 0;
	while (i < n) {
		size_t start = i, end;

		if (r->quoted) {
			const char *q = memchr(s + i, '"', n - i);

			end = q ? (size_t)(q - s) + 1 : n;
			if (q && end < n && s[end] == '"')
				end++;
			else if (q)
				r->quoted = false, r->after_quote = true;
			emit(r, s + i, end - i);
			i = end;
			continue;
		}
		while (i < n && is_blank_char(s[i]))
			i++;
		if (i < n && s[i] == '"' && !r->after_quote) {
			r->quoted = true;
			emit(r, s + start, ++i - start);
			continue;
		}
		for (end = i; end < n && s[end] != ',' && s[end] != '\r' && s[end] != '\n'; end++)
			;
		if (!r->after_quote && memchr(s + i, '"', end - i)) {
			emit(r, s + start, i - start);
			emit_quoted(r, s + i, end - i);
		} else {
			emit(r, s + start, end - start);
		}
		r->after_quote = false;
		if (end < n)
			emit(r, s + end++, 1);
		i = end;
	}
	*len = r->nbuf;
	return r->buf;
}

static enum status parse_error(struct reader *r)
{
	if (r->line != r->row_line)
		return status_error(ST_INVALID,
				    _("%s:%d: a stray quote on line %d; put the cell in quotes and "
				    "double every quote inside it"),
				    r->name, r->row_line, r->line);
	return status_error(
	    ST_INVALID,
	    _("%s:%d: a stray quote; put the cell in quotes and double every quote inside it"),
	    r->name, r->row_line);
}

/* Feed one physical line (with its line end, if any). */
static enum status feed_line(struct reader *r, struct csv_parser *p, const char *s, size_t n)
{
	r->line++;
	if (r->line == 1 && n >= 3 && memcmp(s, BOM, 3) == 0) {
		s += 3;
		n -= 3;
	}
	if (!r->in_row && !blank(s, n)) {
		r->in_row = true;
		r->row_line = r->line;
	}
	s = quote_bare_cells(r, s, &n);
	if (csv_parse(p, s, n, on_field, on_row, r) != n && r->error == ST_OK) {
		if (csv_error(p) == CSV_EPARSE)
			return parse_error(r);
		pd_die(_("out of memory"));
	}
	return r->error;
}

static enum status finish(struct reader *r, struct csv_parser *p)
{
	if (r->error == ST_OK && csv_fini(p, on_field, on_row, r) != 0) {
		if (csv_error(p) == CSV_EPARSE)
			return status_error(
			    ST_INVALID,
			    _("%s:%d: a quoted cell is never closed; add the closing quote"), r->name,
			    r->row_line);
		pd_die(_("out of memory"));
	}
	if (r->error != ST_OK)
		return r->error;
	if (!r->t->header)
		return status_error(ST_INVALID,
				    _("%s: the file is empty; its first line must name the columns"),
				    r->name);
	return ST_OK;
}

static void reader_init(struct reader *r, const char *name, struct csv_table *out,
			struct csv_parser *p)
{
	memset(out, 0, sizeof(*out));
	memset(r, 0, sizeof(*r));
	r->name = name;
	r->t = out;
	if (csv_init(p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		pd_die(_("out of memory"));
}

static enum status reader_done(struct reader *r, struct csv_parser *p, enum status s)
{
	drop_fields(r);
	free(r->fields);
	free(r->buf);
	csv_free(p);
	if (s != ST_OK)
		csv_table_clear(r->t);
	return s;
}

enum status csv_read_string(const char *name, const char *text, size_t len, struct csv_table *out)
{
	struct csv_parser p;
	struct reader r;
	enum status s = ST_OK;
	size_t at = 0;

	reader_init(&r, name, out, &p);
	while (s == ST_OK && at < len) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t n = nl ? (size_t)(nl - (text + at)) + 1 : len - at;

		s = feed_line(&r, &p, text + at, n);
		at += n;
	}
	if (s == ST_OK)
		s = finish(&r, &p);
	return reader_done(&r, &p, s);
}

enum status csv_read_file(const char *path, struct csv_table *out)
{
	bool is_stdin = strcmp(path, "-") == 0;
	const char *name = is_stdin ? "stdin" : path;
	FILE *f = is_stdin ? stdin : fopen(path, "r");
	struct csv_parser p;
	struct reader r;
	enum status s = ST_OK;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	if (!f) {
		memset(out, 0, sizeof(*out));
		return status_error(ST_IO, _("cannot read '%s': %s"), path, strerror(errno));
	}
	reader_init(&r, name, out, &p);
	errno = 0;
	while (s == ST_OK && (n = getline(&line, &cap, f)) >= 0)
		s = feed_line(&r, &p, line, (size_t)n);
	if (s == ST_OK && ferror(f))
		s = status_error(ST_IO, _("cannot read '%s': %s"), name,
				 strerror(errno ? errno : EIO));
	if (s == ST_OK)
		s = finish(&r, &p);
	free(line);
	if (!is_stdin)
		fclose(f);
	return reader_done(&r, &p, s);
}

int csv_column(const struct csv_table *t, const char *name)
{
	for (size_t i = 0; i < t->ncols; i++) {
		if (strcasecmp(t->header[i], name) == 0)
			return (int)i;
	}
	return -1;
}

const char *csv_cell(const struct csv_table *t, size_t r, int c)
{
	if (c < 0 || (size_t)c >= t->ncols || r >= t->nrows)
		return "";
	return t->cells[r * t->ncols + (size_t)c];
}

void csv_table_clear(struct csv_table *t)
{
	for (size_t i = 0; t->header && i < t->ncols; i++)
		free(t->header[i]);
	for (size_t i = 0; t->cells && i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->header);
	free(t->cells);
	free(t->lines);
	memset(t, 0, sizeof(*t));
}

bool csv_formula_like(const char *cell)
{
	return cell[0] && strchr("=+-@\t\r", cell[0]) != NULL;
}

static bool needs_quotes(const char *s)
{
	size_t n = strlen(s);

	return strpbrk(s, ",\"\r\n") || (n > 0 && (s[0] == ' ' || s[n - 1] == ' '));
}

char *csv_format_cell(const char *cell, bool text)
{
	char *s = text && csv_formula_like(cell) ? pd_asprintf("'%s", cell) : pd_strdup(cell);
	size_t n = strlen(s), size;
	char *quoted;

	/* libcsv quotes every cell it writes: use it only for the cells that need quotes */
	if (!needs_quotes(s))
		return s;
	size = csv_write(NULL, 0, s, n);
	quoted = pd_malloc(size + 1);
	csv_write(quoted, size, s, n);
	quoted[size] = '\0';
	free(s);
	return quoted;
}

char *csv_format_row(const char *const *cells, size_t n, const bool *number)
{
	char *row = pd_strdup("");

	for (size_t i = 0; i < n; i++) {
		char *cell = csv_format_cell(cells[i] ? cells[i] : "", !(number && number[i]));
		char *next = pd_asprintf("%s%s%s", row, i ? "," : "", cell);

		free(cell);
		free(row);
		row = next;
	}
	{
		char *line = pd_asprintf("%s\n", row);

		free(row);
		return line;
	}
}
