#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/board.h"
#include "podium/i18n.h"
#include "podium/import.h"
#include "podium/people.h"
#include "podium/store.h"
#include "tui/organizer.h"

/*
 * The record tabs: teams, tracks, judges, coaches and rooms, one list each.
 * a adds, e renames, E edits the details one prompt per field, d deletes
 * (asked first), i imports a CSV file (tracks come with the records that
 * name them).
 */
enum { ACT_ADD, ACT_RENAME, ACT_DETAILS, ACT_DELETE, ACT_IMPORT };

#define RECORD_KEYS \
	{ ACT_ADD, 'a', 0, "a", N_("add"), true }, \
	{ ACT_RENAME, 'e', 0, "e", N_("rename"), true }, \
	{ ACT_DETAILS, 'E', 0, "E", N_("edit details"), true }, \
	{ ACT_DELETE, 'd', TUI_FN(KEY_DC), "d", N_("delete"), true }

static const struct tui_key record_keys[] = {
	RECORD_KEYS,
	{ ACT_IMPORT, 'i', 0, "i", N_("import CSV"), true },
};

static const struct tui_key track_keys[] = { RECORD_KEYS };

struct edit_form;

/*
 * A tab holds only the rows it shows, with a page either side: rows.items
 * are the rows [rows.first, rows.first + rows.count) of total. Loading reads
 * the count and the rows in view; a draw that scrolls past them (a move, a
 * search, a resize) reads the rows it comes to, and so does a key that acts
 * on the selected record.
 */
struct records_tab {
	struct board_rows rows;
	size_t total;
	int page;			/* the rows the list showed last, before the first draw a guess */
	struct edit_form *form;		/* a record's details between their prompts */
};

#define GUESSED_PAGE 50

static enum record_kind kind_of(const struct tab *t)
{
	return (enum record_kind)t->ops->variant;
}

static struct records_tab *rt(struct tab *t)
{
	return t->state;
}

static size_t page_of(const struct records_tab *r)
{
	return r->page > 0 ? (size_t)r->page : GUESSED_PAGE;
}

/* The record at position i of the list, NULL when it is not read. */
static const struct board_row *row_at(struct tab *t, size_t i)
{
	const struct board_rows *rows = &rt(t)->rows;

	return i >= rows->first && i - rows->first < rows->count ? &rows->items[i - rows->first] : NULL;
}

/* Read the rows [from, from + n), with a page either side, unless they are read already. */
static enum status read_rows(struct app *a, struct tab *t, size_t from, size_t n, bool again)
{
	struct records_tab *r = rt(t);
	struct list_window w = { r->rows.first, r->rows.count, r->total };
	size_t first, count;

	if (!again && !list_window_lacks(&w, from, n))
		return ST_OK;
	list_window_around(&w, from, n, page_of(r), &first, &count);
	board_rows_clear(&r->rows);
	return board_records_window(a->st, kind_of(t), first, count, &r->rows);
}

static enum status records_load(struct app *a, struct tab *t)
{
	struct records_tab *r = rt(t);
	enum status s = board_records_count(a->st, kind_of(t), &r->total);

	if (s != ST_OK)
		return s;
	list_clamp(&t->list, r->total);
	draw_scroll(t->list.sel, &t->list.top, (int)page_of(r));
	return read_rows(a, t, t->list.top, page_of(r), true);
}

struct records_draw {
	struct tab *t;
	int name_w, d1_w, d2_w;
};

static void record_row(void *ctx, WINDOW *w, size_t i, int y, int cols, bool cur)
{
	const struct records_draw *d = ctx;
	const struct board_row *row = row_at(d->t, i);

	(void)cols;
	if (!row)
		return;		/* not read: the file could not be read just now */
	draw_text(w, y, 2, tab_look(cur, ROLE_LOOK_TEAM), row->name, d->name_w);
	draw_text(w, y, 3 + d->name_w, tab_look(cur, ROLE_LOOK_DEFAULT), row->detail[0], d->d1_w);
	draw_text(w, y, 4 + d->name_w + d->d1_w, tab_look(cur, ROLE_LOOK_MUTED), row->detail[1], d->d2_w);
}

static void records_draw(struct app *a, struct tab *t, WINDOW *w, int top, int rows, int cols)
{
	static const char *const heads[][3] = {
		[KIND_TEAM] = { N_("Team"), N_("Project"), N_("Tracks") },
		[KIND_TRACK] = { N_("Track"), N_("Teams"), N_("Judges") },
		[KIND_JUDGE] = { N_("Judge"), N_("Tracks"), N_("Login") },
		[KIND_COACH] = { N_("Coach"), N_("Skills"), N_("Email") },
		[KIND_ROOM] = { N_("Room"), N_("Tracks"), N_("Seats") },
	};
	static const char *const empty[] = {
		[KIND_TEAM] = N_("No teams yet: a adds one, i imports a CSV file."),
		[KIND_TRACK] = N_("No tracks yet: a adds one; teams, judges and rooms name theirs."),
		[KIND_JUDGE] = N_("No judges yet: a adds one, i imports a CSV file."),
		[KIND_COACH] = N_("No coaches yet: a adds one, i imports a CSV file."),
		[KIND_ROOM] = N_("No rooms yet: a adds one, i imports a CSV file."),
	};
	enum record_kind kind = kind_of(t);
	struct records_tab *r = rt(t);
	struct records_draw d = { t, cols / 3, 0, 0 };

	d.d1_w = (cols - d.name_w - 6) / 2;
	d.d2_w = cols - d.name_w - d.d1_w - 6;
	draw_text(w, top, 2, ROLE_LOOK_HEADER, _(heads[kind][0]), d.name_w);
	draw_text(w, top, 3 + d.name_w, ROLE_LOOK_HEADER, _(heads[kind][1]), d.d1_w);
	draw_text(w, top, 4 + d.name_w + d.d1_w, ROLE_LOOK_HEADER, _(heads[kind][2]), d.d2_w);
	if (r->total == 0) {
		draw_text(w, top + 2, 2, ROLE_LOOK_MUTED, _(empty[kind]), cols - 4);
		return;
	}
	/* the rows this draw scrolls to; an error leaves them blank, the next load says it */
	r->page = rows - 1;
	list_clamp(&t->list, r->total);
	draw_scroll(t->list.sel, &t->list.top, rows - 1);
	(void)read_rows(a, t, t->list.top, page_of(r), false);
	list_draw(&t->list, r->total, w, top + 1, rows - 1, cols, record_row, &d);
}

/* ---- add, rename, delete ---- */

struct record_ctx {
	enum record_kind kind;
	char *name;		/* the new name (add, rename) or the record's (delete) */
	char id[ID_LEN + 1];
};

static void free_record_ctx(void *ctx)
{
	struct record_ctx *r = ctx;

	free(r->name);
	free(r);
}

static enum status add_record(struct store *st, void *ctx)
{
	struct record_ctx *r = ctx;

	switch (r->kind) {
	case KIND_TEAM: {
		struct team_spec spec = { .name = r->name };

		return team_add(st, &spec, NULL);
	}
	case KIND_TRACK: {
		char id[ID_LEN + 1];

		return track_ensure(st, r->name, id);
	}
	case KIND_JUDGE: {
		struct judge_spec spec = { .name = r->name };

		return judge_add(st, &spec, NULL);
	}
	case KIND_COACH: {
		struct coach_spec spec = { .name = r->name };

		return coach_add(st, &spec, NULL);
	}
	case KIND_ROOM: {
		struct room_spec spec = { .name = r->name, .capacity = -1 };

		return room_add(st, &spec, NULL);
	}
	default:
		return status_error(ST_INVALID, _("criteria come from a CSV file (i)"));
	}
}

static enum status rename_record(struct store *st, void *ctx)
{
	struct record_ctx *r = ctx;

	return people_rename(st, r->kind, r->id, r->name);
}

static enum status delete_record(struct store *st, void *ctx)
{
	struct record_ctx *r = ctx;

	switch (r->kind) {
	case KIND_TEAM:
		return team_delete(st, r->id);
	case KIND_TRACK:
		return track_delete(st, r->id);
	case KIND_JUDGE:
		return judge_delete(st, r->id);
	case KIND_COACH:
		return coach_delete(st, r->id);
	case KIND_ROOM:
		return room_delete(st, r->id);
	default:
		return status_error(ST_INVALID, _("criteria come from a CSV file (i)"));
	}
}

/* Make a record change (the core opens its own transaction) and say what happened. */
static enum status record_write(struct app *a, struct record_ctx *r, enum status (*fn)(struct store *, void *),
				const char *done)
{
	enum status s = fn(a->st, r);

	if (s == ST_OK)
		app_notice(a, _("%s %s"), done, r->name);
	return s;
}

static enum status add_write(struct app *a, void *ctx)
{
	return record_write(a, ctx, add_record, _("Added"));
}

static enum status rename_write(struct app *a, void *ctx)
{
	return record_write(a, ctx, rename_record, _("Renamed to"));
}

static enum status delete_write(struct app *a, void *ctx)
{
	return record_write(a, ctx, delete_record, _("Deleted"));
}

/* The selected record, read if it was not: NULL when there is none (or it cannot be read). */
static const struct board_row *selected_row(struct app *a, struct tab *t)
{
	size_t i = tab_selected(t);
	enum status s;

	if (i == (size_t)-1)
		return NULL;
	if ((s = read_rows(a, t, i, 1, false)) != ST_OK) {
		app_status(a, s);
		return NULL;
	}
	return row_at(t, i);
}

static struct record_ctx *new_record_ctx(struct tab *t, const char *name, const char *id)
{
	struct record_ctx *r = pd_calloc(1, sizeof(*r));

	r->kind = kind_of(t);
	r->name = pd_strdup(name);
	if (id)
		memcpy(r->id, id, sizeof(r->id));
	return r;
}

static void add_done(struct app *a, void *state, const char *text)
{
	app_write(a, add_write, new_record_ctx(state, text, NULL), free_record_ctx);
}

static void rename_done(struct app *a, void *state, const char *text)
{
	const struct board_row *row = selected_row(a, state);

	if (row)
		app_write(a, rename_write, new_record_ctx(state, text, row->id), free_record_ctx);
}

static void delete_yes(struct app *a, void *state)
{
	const struct board_row *row = selected_row(a, state);

	if (row)
		app_write(a, delete_write, new_record_ctx(state, row->name, row->id), free_record_ctx);
}

/* ---- a record's details, one prompt per field ---- */

struct edit_form {
	enum record_kind kind;
	char id[ID_LEN + 1];
	char *name;
	struct people_fields fields;
	char *pin;			/* judges: NULL keeps the PIN */
	int step;			/* index into the kind's steps */
};

/* Which field each prompt edits (-1: the judge's PIN), and its label. */
struct form_step {
	int field;
	const char *label;
};

static const struct form_step team_steps[] = {
	{ 0, N_("Project:") }, { 1, N_("Table:") }, { 2, N_("Tracks (;-separated):") },
	{ 3, N_("Members (;-separated):") }, { 4, N_("Description:") }, { -2, NULL },
};
static const struct form_step judge_steps[] = {
	{ 0, N_("Email:") }, { 1, N_("Tracks (;-separated):") }, { 2, N_("Login (unix user):") },
	{ -1, N_("PIN (empty keeps it, - removes it):") }, { -2, NULL },
};
static const struct form_step coach_steps[] = {
	{ 0, N_("Email:") }, { 1, N_("Skills (;-separated):") },
	{ 2, N_("Available (YYYY-MM-DD HH:MM-HH:MM; ...):") }, { -2, NULL },
};
static const struct form_step room_steps[] = {
	{ 0, N_("Tracks (;-separated):") }, { 1, N_("Seats:") }, { -2, NULL },
};

static const struct form_step *form_steps(enum record_kind kind)
{
	switch (kind) {
	case KIND_TEAM:
		return team_steps;
	case KIND_JUDGE:
		return judge_steps;
	case KIND_COACH:
		return coach_steps;
	case KIND_ROOM:
		return room_steps;
	default:
		return NULL;
	}
}

static void form_free(struct edit_form *f)
{
	if (!f)
		return;
	people_fields_clear(&f->fields);
	free(f->name);
	free(f->pin);
	free(f);
}

static void free_form_ctx(void *ctx)
{
	form_free(ctx);
}

static enum status apply_form(struct store *st, void *ctx)
{
	struct edit_form *f = ctx;

	return people_apply_fields(st, f->kind, f->id, f->name, &f->fields, f->pin);
}

static enum status form_write(struct app *a, void *ctx)
{
	struct edit_form *f = ctx;
	enum status s = apply_form(a->st, f);

	if (s == ST_OK)
		app_notice(a, _("Saved %s"), f->name);
	return s;
}

static void form_next(struct app *a, struct tab *t);

static void form_done(struct app *a, void *state, const char *text)
{
	struct tab *t = state;
	struct edit_form *f = rt(t)->form;
	const struct form_step *step;

	if (!f)
		return;
	step = &form_steps(f->kind)[f->step];
	if (step->field == -1) {
		free(f->pin);
		f->pin = !text[0] ? NULL : strcmp(text, "-") == 0 ? pd_strdup("") : pd_strdup(text);
	} else {
		free(f->fields.value[step->field]);
		f->fields.value[step->field] = pd_strdup(text);
	}
	f->step++;
	form_next(a, t);
}

/* Ask for the next field, or save the record when all were asked. */
static void form_next(struct app *a, struct tab *t)
{
	struct edit_form *f = rt(t)->form;
	const struct form_step *step = &form_steps(f->kind)[f->step];
	char *label;

	if (step->field == -2) {
		rt(t)->form = NULL;
		app_write(a, form_write, f, free_form_ctx);
		return;
	}
	label = pd_asprintf("%s %s", f->name, _(step->label));
	app_prompt(a, label, step->field >= 0 ? f->fields.value[step->field] : NULL, step->field == -1, form_done, t);
	free(label);
}

static void form_start(struct app *a, struct tab *t, const struct board_row *row)
{
	struct edit_form *f;
	enum record_kind kind = kind_of(t);
	enum status s;

	if (!form_steps(kind)) {
		app_error(a, "%s", _("nothing more than the name to edit here: e renames"));
		return;
	}
	f = pd_calloc(1, sizeof(*f));
	f->kind = kind;
	memcpy(f->id, row->id, sizeof(f->id));
	f->name = pd_strdup(row->name);
	s = people_fields(a->st, f->kind, f->id, &f->fields);
	if (s != ST_OK) {
		app_status(a, s);
		form_free(f);
		return;
	}
	form_free(rt(t)->form);
	rt(t)->form = f;
	form_next(a, t);
}

/* ---- keys ---- */

/* A team's submitted sheets are work a y would lose: its name, typed in full, confirms. */
static void delete_named(struct app *a, void *state, const char *text)
{
	const struct board_row *row = selected_row(a, state);

	if (row && strcmp(text, row->name) == 0)
		delete_yes(a, state);
	else
		app_notice(a, "%s", _("Not deleted: the name typed was not the team's"));
}

static bool ask_team_name(struct app *a, struct tab *t, const struct board_row *row)
{
	size_t sheets = 0;
	enum status s = team_submitted_sheets(a->st, row->id, &sheets);
	char *q;

	if (s != ST_OK) {
		app_status(a, s);
		return true;
	}
	if (sheets == 0)
		return false;
	q = pd_asprintf(P_("%s has %zu submitted sheet. Type its name to delete it:",
			   "%s has %zu submitted sheets. Type its name to delete it:", sheets),
			row->name, sheets);
	app_prompt(a, q, NULL, false, delete_named, t);
	free(q);
	return true;
}

static void ask_delete(struct app *a, struct tab *t, const struct board_row *row)
{
	enum record_kind kind = kind_of(t);
	char *q;

	if (kind == KIND_TEAM && ask_team_name(a, t, row))
		return;
	q = pd_asprintf(kind == KIND_TEAM || kind == KIND_JUDGE ? _("Delete %s and all their sheets? (y/n)")
								      : _("Delete %s? (y/n)"),
			      row->name);

	app_confirm(a, q, delete_yes, t);
	free(q);
}

static void records_act(struct app *a, struct tab *t, int action)
{
	static const char *const add_labels[] = {
		[KIND_TEAM] = N_("New team's name:"), [KIND_TRACK] = N_("New track's name:"),
		[KIND_JUDGE] = N_("New judge's name:"), [KIND_COACH] = N_("New coach's name:"),
		[KIND_ROOM] = N_("New room's name:"),
	};
	static const struct tab_import imports[] = {
		[KIND_TEAM] = { N_("Import teams from CSV file:"), import_teams },
		[KIND_JUDGE] = { N_("Import judges from CSV file:"), import_judges },
		[KIND_COACH] = { N_("Import coaches from CSV file:"), import_coaches },
		[KIND_ROOM] = { N_("Import rooms from CSV file:"), import_rooms },
	};
	const struct board_row *row = action == ACT_ADD || action == ACT_IMPORT ? NULL : selected_row(a, t);

	if (action == ACT_ADD)
		app_prompt(a, _(add_labels[kind_of(t)]), NULL, false, add_done, t);
	else if (action == ACT_IMPORT && imports[kind_of(t)].import)
		organizer_import(a, &imports[kind_of(t)]);
	else if (!row)
		return;
	else if (action == ACT_RENAME)
		app_prompt(a, _("New name:"), row->name, false, rename_done, t);
	else if (action == ACT_DETAILS)
		form_start(a, t, row);
	else if (action == ACT_DELETE)
		ask_delete(a, t, row);
}

static size_t records_rows(struct tab *t)
{
	return rt(t)->total;
}

/* '/', n and N look beyond the rows read, in the file, with the same rule. */
static enum status records_find(struct app *a, struct tab *t, const char *needle, enum list_from from)
{
	struct records_tab *r = rt(t);
	bool forward;
	size_t start = list_find_start(t->list.sel, r->total, from, &forward), pos;
	enum status s;

	if (r->total == 0)
		return ST_NOT_FOUND;
	s = board_records_find(a->st, kind_of(t), needle, start, forward, &pos);
	if (s == ST_OK && pos >= r->total)	/* added since the last load, which comes next */
		s = board_records_count(a->st, kind_of(t), &r->total);
	if (s == ST_OK)
		t->list.sel = pos;
	return s;
}

static void *records_new(void)
{
	return pd_calloc(1, sizeof(struct records_tab));
}

static void records_free(void *state)
{
	struct records_tab *r = state;

	board_rows_clear(&r->rows);
	form_free(r->form);
	free(r);
}

#define RECORDS_TAB(label_, kind, keys_) { \
	.label = label_, .variant = kind, .keys = keys_, .nkeys = PD_ARRAY_LEN(keys_), \
	.watch = WATCH_RECORDS, .new = records_new, .load = records_load, .draw = records_draw, \
	.act = records_act, .row_count = records_rows, .find = records_find, .free = records_free, \
}

const struct tab_ops tab_teams_ops = RECORDS_TAB(N_("Teams"), KIND_TEAM, record_keys);
const struct tab_ops tab_tracks_ops = RECORDS_TAB(N_("Tracks"), KIND_TRACK, track_keys);
const struct tab_ops tab_judges_ops = RECORDS_TAB(N_("Judges"), KIND_JUDGE, record_keys);
const struct tab_ops tab_coaches_ops = RECORDS_TAB(N_("Coaches"), KIND_COACH, record_keys);
const struct tab_ops tab_rooms_ops = RECORDS_TAB(N_("Rooms"), KIND_ROOM, record_keys);
