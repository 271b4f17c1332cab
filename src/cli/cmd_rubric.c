#include "config.h"

#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "format.h"
#include "podium/i18n.h"
#include "podium/listing.h"
#include "podium/out.h"
#include "podium/record.h"
#include "podium/rubric.h"
#include "podium/store.h"
#include "podium/text.h"

/* What 'podium rubric' was asked, before it touches the file. */
struct rubric_args {
	const char *verb;		/* NULL lists; "add", "edit" or "delete" */
	const char *criterion;
	enum format format;
	bool has_format, reopen;
	struct criterion_edit edit;	/* --name, --weight, --min, --max, --description */
};

/* ---- the list ---- */

static enum status print_table(struct store *st, enum format f)
{
	static const char *const headers[] = { N_("name"), N_("weight"), N_("min"), N_("max"), N_("description") };
	const char *shown[PD_ARRAY_LEN(headers)];
	struct rubric r;
	struct table *t;
	enum status s = rubric_load(st, &r);

	if (s != ST_OK)
		return s;
	for (size_t i = 0; i < PD_ARRAY_LEN(headers); i++)
		shown[i] = f == FORMAT_CSV ? headers[i] : _(headers[i]);
	t = table_new(PD_ARRAY_LEN(headers), shown);
	if (f == FORMAT_TABLE)
		for (size_t i = 1; i <= 3; i++)
			table_align_right(t, i);
	for (size_t i = 0; i < r.count; i++) {
		const struct criterion *c = &r.items[i];
		char weight[32], min[16], max[16];
		const char *cells[] = { c->name, weight, min, max, c->description };

		snprintf(weight, sizeof(weight), "%.15g", c->weight);
		snprintf(min, sizeof(min), "%d", c->min);
		snprintf(max, sizeof(max), "%d", c->max);
		table_add_row(t, cells);
	}
	if (f == FORMAT_CSV)
		table_print_csv(t, stdout);
	else
		table_print(t, stdout, 80);
	table_free(t);
	rubric_clear(&r);
	return ST_OK;
}

static enum status print_rubric(struct store *st, enum format f)
{
	char *doc = NULL;
	enum status s;

	if (f != FORMAT_JSON)
		return print_table(st, f);
	s = list_json(st, LIST_CRITERIA, &doc);
	if (s == ST_OK)
		out_json(stdout, "%s\n", doc);
	free(doc);
	return s;
}

/* ---- changes ---- */

/* The sheets a change turned back into drafts, one "judge → team" a line. */
void cli_print_reopened(const struct rubric_effect *e)
{
	if (e->count == 0)
		return;
	out_printf(stdout, P_("%zu submitted sheet is a draft again, until its judge submits it:\n",
		  "%zu submitted sheets are drafts again, until their judges submit them:\n", e->count),
	       e->count);
	for (size_t i = 0; i < e->count; i++) {
		char *j = text_sanitize(e->sheets[i].judge), *t = text_sanitize(e->sheets[i].team);

		out_printf(stdout, "  %s → %s\n", j, t);
		free(j);
		free(t);
	}
}

/* The criterion's name as the rubric spells it (the new one after a rename), for what is printed. */
static char *stored_name(struct store *st, const char *name_or_id)
{
	char id[ID_LEN + 1], *name = NULL, *shown;

	if (record_find(st, KIND_CRITERION, name_or_id, id, &name) != ST_OK)
		return text_sanitize(name_or_id);
	status_clear();
	shown = text_sanitize(name);
	free(name);
	return shown;
}

static enum status run_change(struct store *st, const struct rubric_args *a)
{
	struct rubric_effect effect = { 0 };
	char *shown = strcmp(a->verb, "delete") == 0 ? stored_name(st, a->criterion) : NULL;
	enum status s;

	if (strcmp(a->verb, "add") == 0) {
		struct criterion_spec spec = {
			.name = a->criterion,
			.description = a->edit.description ? a->edit.description : "",
			.weight = a->edit.set_weight ? a->edit.weight : 1,
			.min = a->edit.set_min ? a->edit.min : 1,
			.max = a->edit.set_max ? a->edit.max : 5,
		};

		s = rubric_create(st, &spec, a->reopen, &effect);
	} else if (strcmp(a->verb, "edit") == 0) {
		s = rubric_edit(st, a->criterion, &a->edit, a->reopen, &effect);
	} else {
		s = rubric_delete(st, a->criterion, a->reopen, &effect);
	}
	if (s != ST_OK) {
		rubric_effect_clear(&effect);
		free(shown);
		return s;
	}
	if (!shown)
		shown = stored_name(st, a->edit.name && strcmp(a->verb, "edit") == 0 ? a->edit.name : a->criterion);
	if (strcmp(a->verb, "add") == 0)
		out_printf(stdout, _("added the criterion %s\n"), shown);
	else if (strcmp(a->verb, "edit") == 0)
		out_printf(stdout, _("saved the criterion %s\n"), shown);
	else
		out_printf(stdout, _("deleted the criterion %s\n"), shown);
	free(shown);
	cli_print_reopened(&effect);
	rubric_effect_clear(&effect);
	return ST_OK;
}

/* ---- arguments ---- */

/* The C locale, so "1.5" reads the same whatever the user's LC_NUMERIC. */
static bool parse_weight(const char *s, double *out)
{
	locale_t c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	char *end;
	bool ok;

	if (!c)
		pd_die(_("out of memory"));
	errno = 0;
	*out = strtod_l(s, &end, c);
	ok = s[0] && !errno && !*end && isfinite(*out);
	freelocale(c);
	return ok;
}

/* Check the words and options of a.verb; returns EXIT_OK or the usage error's status. */
static int check_args(const struct rubric_args *a, int nwords)
{
	bool numbers = a->edit.set_weight || a->edit.set_min || a->edit.set_max;

	if (!a->verb) {
		if (numbers || a->edit.name || a->edit.description || a->reopen)
			return cli_usage("rubric", _("say what to do: rubric add, edit or delete NAME"));
		return EXIT_OK;
	}
	if (strcmp(a->verb, "add") && strcmp(a->verb, "edit") && strcmp(a->verb, "delete"))
		return cli_usage("rubric", _("rubric takes add, edit or delete, not '%s'"), a->verb);
	if (nwords < 2)
		return cli_usage("rubric", _("rubric %s needs the criterion's NAME"), a->verb);
	if (a->has_format)
		return cli_usage("rubric", _("--format goes with the list only ('podium rubric --format csv')"));
	if (a->edit.name && strcmp(a->verb, "edit") != 0)
		return cli_usage("rubric", _("--name renames: 'podium rubric edit NAME --name NEW'"));
	if (strcmp(a->verb, "delete") == 0 && (numbers || a->edit.description))
		return cli_usage("rubric", _("rubric delete takes only the NAME (and --reopen)"));
	if (strcmp(a->verb, "edit") == 0 && !numbers && !a->edit.name && !a->edit.description)
		return cli_usage("rubric",
				 _("nothing to change: give --name, --weight, --min, --max or --description"));
	return EXIT_OK;
}

static int parse_option(struct rubric_args *a, int opt)
{
	long v;

	switch (opt) {
	case 'f':
		a->has_format = true;
		if (!cli_parse_format(optarg, FORMAT_TABLE | FORMAT_CSV | FORMAT_JSON, &a->format))
			return cli_usage("rubric", _("--format takes table, csv or json, not '%s'"), optarg);
		break;
	case 'n':
		a->edit.name = optarg;
		break;
	case 'w':
		if (!parse_weight(optarg, &a->edit.weight) || a->edit.weight <= 0)
			return cli_usage("rubric", _("--weight takes a number above 0, not '%s'"), optarg);
		a->edit.set_weight = true;
		break;
	case 'a':
	case 'b':
		if (!cli_parse_int(optarg, INT_MIN, INT_MAX, &v))
			return cli_usage("rubric", _("--%s takes a whole number, not '%s'"), opt == 'a' ? "min" : "max",
					 optarg);
		if (opt == 'a') {
			a->edit.min = (int)v;
			a->edit.set_min = true;
		} else {
			a->edit.max = (int)v;
			a->edit.set_max = true;
		}
		break;
	case 'd':
		a->edit.description = optarg;
		break;
	case 'r':
		a->reopen = true;
		break;
	}
	return EXIT_OK;
}

int cmd_rubric(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "name", required_argument, NULL, 'n' },
		{ "weight", required_argument, NULL, 'w' },
		{ "min", required_argument, NULL, 'a' },
		{ "max", required_argument, NULL, 'b' },
		{ "description", required_argument, NULL, 'd' },
		{ "reopen", no_argument, NULL, 'r' },
		CLI_COMMON_OPTIONS,
		{ 0 },
	};
	struct rubric_args a = { .format = FORMAT_TABLE };
	struct store *st;
	enum status s;
	int opt, rc = EXIT_OK, nwords;

	while ((opt = cli_getopt(c, "rubric", argc, argv, CLI_COMMON_SHORT, longopts, &rc)) != -1) {
		if (opt == -2)
			return rc;
		if ((rc = parse_option(&a, opt)) != EXIT_OK)
			return rc;
	}
	nwords = argc - optind;
	a.verb = nwords > 0 ? argv[optind] : NULL;
	a.criterion = nwords > 1 ? argv[optind + 1] : NULL;
	if (nwords > 2)
		return cli_usage("rubric", _("unexpected argument '%s'"), argv[optind + 2]);
	if ((rc = check_args(&a, nwords)) != EXIT_OK)
		return rc;

	s = a.verb ? cli_open_as(c, &st, PERM_ORGANIZER, _("change the rubric")) : cli_open(c, &st);
	if (s != ST_OK)
		return cli_fail(s);
	s = a.verb ? run_change(st, &a) : print_rubric(st, a.format);
	store_close(st);
	return s == ST_OK ? EXIT_OK : cli_fail(s);
}
