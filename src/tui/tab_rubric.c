#include "config.h"

#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/i18n.h"
#include "podium/import.h"
#include "podium/rubric.h"
#include "podium/store.h"
#include "tui/organizer.h"

/*
 * The rubric tab: the criteria with their weights and scales. a adds, E edits
 * every field, e renames, d deletes, i imports a CSV file; a change that
 * would send submitted sheets back to drafts asks first.
 */
enum { ACT_ADD, ACT_RENAME, ACT_DETAILS, ACT_DELETE, ACT_IMPORT };

static const struct tui_key rubric_keys[] = {
	{ ACT_ADD, 'a', 0, "a", N_("add"), true },
	{ ACT_RENAME, 'e', 0, "e", N_("rename"), true },
	{ ACT_DETAILS, 'E', 0, "E", N_("edit details"), true },
	{ ACT_DELETE, 'd', TUI_FN(KEY_DC), "d", N_("delete"), true },
	{ ACT_IMPORT, 'i', 0, "i", N_("import CSV"), true },
};

struct crit_form;

struct rubric_tab {
	struct rubric rubric;
	struct crit_form *form;		/* a criterion between its prompts */
	struct crit_form *waiting;	/* a criterion change waiting for a y/n */
};

static struct rubric_tab *rt(struct tab *t)
{
	return t->state;
}

static enum status rubric_tab_load(struct app *a, struct tab *t)
{
	rubric_clear(&rt(t)->rubric);
	return rubric_load(a->st, &rt(t)->rubric);
}

static void criterion_row(void *ctx, WINDOW *w, size_t i, int y, int cols, bool cur)
{
	const struct criterion *c = &((const struct rubric *)ctx)->items[i];
	enum theme_role role = tab_look(cur, ROLE_LOOK_DEFAULT);
	char weight[16], scale[24];

	snprintf(weight, sizeof(weight), "%g", c->weight);
	snprintf(scale, sizeof(scale), "%d..%d", c->min, c->max);
	draw_text(w, y, 2, role, c->name, 16);
	draw_text(w, y, 19, role, weight, 7);
	draw_text(w, y, 27, role, scale, 9);
	draw_text(w, y, 37, tab_look(cur, ROLE_LOOK_MUTED), c->description, cols - 38);
}

static void rubric_draw(struct app *a, struct tab *t, WINDOW *w, int top, int rows, int cols)
{
	(void)a;
	draw_text(w, top, 2, ROLE_LOOK_HEADER, _("Criterion"), 16);
	draw_text(w, top, 19, ROLE_LOOK_HEADER, _("Weight"), 7);
	draw_text(w, top, 27, ROLE_LOOK_HEADER, _("Scale"), 9);
	draw_text(w, top, 37, ROLE_LOOK_HEADER, _("Description"), cols - 38);
	list_draw(&t->list, rt(t)->rubric.count, w, top + 1, rows - 1, cols, criterion_row, &rt(t)->rubric);
}

enum crit_op { CRIT_ADD, CRIT_EDIT, CRIT_DELETE };

struct crit_form {
	struct tab *t;
	enum crit_op op;
	char id[ID_LEN + 1];	/* the criterion edited or deleted */
	char *field[5];		/* name, weight, min, max, description */
	int step;
	bool reopen;		/* the organizer said the submitted sheets may go back to drafts */
	bool kept;		/* waiting for that answer: the write must not free it */
};

static const char *const crit_labels[] = {
	N_("Name:"), N_("Weight:"), N_("Lowest value:"), N_("Highest value:"), N_("Description:"),
};

static void crit_form_free(struct crit_form *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < PD_ARRAY_LEN(f->field); i++)
		free(f->field[i]);
	free(f);
}

static void free_crit_ctx(void *ctx)
{
	struct crit_form *f = ctx;

	if (!f->kept)
		crit_form_free(f);
}

static bool parse_weight(const char *text, double *out)
{
	locale_t c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	char *end;
	bool ok;

	if (!c)
		return false;
	*out = strtod_l(text, &end, c);
	ok = text[0] && !*end;
	freelocale(c);
	return ok;
}

static bool parse_whole(const char *text, int *out)
{
	char *end;
	long v = strtol(text, &end, 10);

	if (!text[0] || *end || v < INT_MIN || v > INT_MAX)
		return false;
	*out = (int)v;
	return true;
}

/* The form's fields as an edit of the criterion. */
static enum status crit_edit_of(const struct crit_form *f, struct criterion_edit *e)
{
	memset(e, 0, sizeof(*e));
	e->name = f->field[0];
	e->description = f->field[4];
	if (!(e->set_weight = parse_weight(f->field[1], &e->weight)))
		return status_error(ST_INVALID, _("the weight '%s' is not a number above 0"), f->field[1]);
	if (!(e->set_min = parse_whole(f->field[2], &e->min)) || !(e->set_max = parse_whole(f->field[3], &e->max)))
		return status_error(ST_INVALID, _("the scale must be whole numbers, not '%s' to '%s'"), f->field[2],
				    f->field[3]);
	return ST_OK;
}

static enum status crit_apply(struct store *st, const struct crit_form *f, struct rubric_effect *e)
{
	struct criterion_edit edit;
	enum status s;

	if (f->op == CRIT_DELETE)
		return rubric_delete(st, f->id, f->reopen, e);
	if ((s = crit_edit_of(f, &edit)) != ST_OK)
		return s;
	if (f->op == CRIT_EDIT)
		return rubric_edit(st, f->id, &edit, f->reopen, e);
	{
		struct criterion_spec spec = { edit.name, edit.description, edit.weight, edit.min, edit.max };

		return rubric_create(st, &spec, f->reopen, e);
	}
}

static void crit_reopen_yes(struct app *a, void *state);

static enum status crit_write(struct app *a, void *ctx)
{
	struct crit_form *f = ctx;
	struct tab *t = f->t;
	struct rubric_effect e = { 0 };
	enum status s = crit_apply(a->st, f, &e);

	if (s == ST_CONFLICT && e.touched > 0 && !f->reopen) {
		char *q = pd_asprintf(P_("%zu submitted sheet goes back to drafts: reopen it? (y/n)",
					 "%zu submitted sheets go back to drafts: reopen them? (y/n)", e.touched),
				      e.touched);

		crit_form_free(rt(t)->waiting);
		rt(t)->waiting = f;
		f->kept = true;
		app_confirm(a, q, crit_reopen_yes, t);
		free(q);
		s = ST_OK;
	} else if (s == ST_OK && e.count > 0) {
		app_notice(a, P_("Saved; %zu sheet is a draft again until its judge submits it",
				 "Saved; %zu sheets are drafts again until their judges submit them", e.count),
			   e.count);
	} else if (s == ST_OK) {
		app_notice(a, f->op == CRIT_DELETE ? _("Deleted %s") : _("Saved %s"), f->field[0]);
	}
	rubric_effect_clear(&e);
	return s;
}

static void crit_reopen_yes(struct app *a, void *state)
{
	struct tab *t = state;
	struct crit_form *f = rt(t)->waiting;

	if (!f)
		return;
	rt(t)->waiting = NULL;
	f->kept = false;
	f->reopen = true;
	app_write(a, crit_write, f, free_crit_ctx);
}

static void crit_delete_yes(struct app *a, void *state)
{
	struct tab *t = state;
	struct crit_form *f = rt(t)->waiting;

	if (!f)
		return;
	rt(t)->waiting = NULL;
	app_write(a, crit_write, f, free_crit_ctx);
}

static void crit_rename_done(struct app *a, void *state, const char *text)
{
	struct tab *t = state;
	struct crit_form *f = rt(t)->form;

	if (!f)
		return;
	rt(t)->form = NULL;
	free(f->field[0]);
	f->field[0] = pd_strdup(text);
	app_write(a, crit_write, f, free_crit_ctx);
}

static void crit_next(struct app *a, struct tab *t);

static void crit_done(struct app *a, void *state, const char *text)
{
	struct tab *t = state;
	struct crit_form *f = rt(t)->form;

	if (!f)
		return;
	free(f->field[f->step]);
	f->field[f->step++] = pd_strdup(text);
	crit_next(a, t);
}

/* Ask for the next field, or save the criterion when all were asked. */
static void crit_next(struct app *a, struct tab *t)
{
	struct crit_form *f = rt(t)->form;

	if (f->step == (int)PD_ARRAY_LEN(crit_labels)) {
		rt(t)->form = NULL;
		app_write(a, crit_write, f, free_crit_ctx);
		return;
	}
	app_prompt(a, _(crit_labels[f->step]), f->field[f->step], false, crit_done, t);
}

static const struct criterion *selected_criterion(struct tab *t)
{
	size_t i = tab_selected(t);

	return i == (size_t)-1 ? NULL : &rt(t)->rubric.items[i];
}

/* A form filled with c's values, or the defaults of a new criterion (c NULL). */
static struct crit_form *crit_form_new(struct tab *t, enum crit_op op, const struct criterion *c)
{
	struct crit_form *f = pd_calloc(1, sizeof(*f));

	f->t = t;
	f->op = op;
	if (c)
		memcpy(f->id, c->id, sizeof(f->id));
	f->field[0] = pd_strdup(c ? c->name : "");
	f->field[1] = c ? pd_asprintf("%g", c->weight) : pd_strdup("1");
	f->field[2] = pd_asprintf("%d", c ? c->min : 1);
	f->field[3] = pd_asprintf("%d", c ? c->max : 5);
	f->field[4] = pd_strdup(c ? c->description : "");
	return f;
}

/* a adds, E edits every field, e renames (the first prompt alone), d deletes, i imports. */
static void rubric_act(struct app *a, struct tab *t, int action)
{
	static const struct tab_import criteria = { N_("Import criteria from CSV file:"), import_criteria };
	const struct criterion *c = selected_criterion(t);
	struct crit_form *f;

	if (action == ACT_IMPORT) {
		organizer_import(a, &criteria);
		return;
	}
	if (action != ACT_ADD && !c)
		return;
	f = crit_form_new(t, action == ACT_ADD ? CRIT_ADD : action == ACT_DELETE ? CRIT_DELETE : CRIT_EDIT,
			  action == ACT_ADD ? NULL : c);
	crit_form_free(rt(t)->form);
	rt(t)->form = NULL;
	if (action == ACT_DELETE) {
		char *q = pd_asprintf(_("Delete the criterion %s? (y/n)"), c->name);

		crit_form_free(rt(t)->waiting);
		rt(t)->waiting = f;
		app_confirm(a, q, crit_delete_yes, t);
		free(q);
		return;
	}
	rt(t)->form = f;
	if (action == ACT_RENAME)
		app_prompt(a, _("New name:"), c->name, false, crit_rename_done, t);
	else
		crit_next(a, t);
}

static size_t rubric_rows(struct tab *t)
{
	return rt(t)->rubric.count;
}

static const char *rubric_text(struct tab *t, size_t row, int field)
{
	const struct criterion *c = &rt(t)->rubric.items[row];

	return field == 0 ? c->name : field == 1 ? c->description : NULL;
}

static void *rubric_new(void)
{
	return pd_calloc(1, sizeof(struct rubric_tab));
}

static void rubric_free(void *state)
{
	struct rubric_tab *r = state;

	rubric_clear(&r->rubric);
	crit_form_free(r->form);
	crit_form_free(r->waiting);
	free(r);
}

const struct tab_ops tab_rubric_ops = {
	.label = N_("Rubric"),
	.keys = rubric_keys,
	.nkeys = PD_ARRAY_LEN(rubric_keys),
	.watch = WATCH_RUBRIC,
	.new = rubric_new,
	.load = rubric_tab_load,
	.draw = rubric_draw,
	.act = rubric_act,
	.row_count = rubric_rows,
	.row_text = rubric_text,
	.free = rubric_free,
};
