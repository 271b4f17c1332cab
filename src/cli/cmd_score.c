#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "podium/actor.h"
#include "podium/i18n.h"
#include "podium/out.h"
#include "podium/record.h"
#include "podium/rubric.h"
#include "podium/sheet.h"
#include "podium/store.h"
#include "podium/text.h"

struct score_args {
	const char *judge, *team, *comment, *reason;
	bool submit, draft;
	char **pairs;		/* CRIT=VALUE */
	int npairs;
};

/* "Future fit=4": the criterion is everything before the last '=' (names may hold '='). */
static int split_pair(const char *arg, char **crit, const char **value)
{
	const char *eq = strrchr(arg, '=');

	if (!eq || eq == arg)
		return -1;
	*crit = pd_strndup(arg, (size_t)(eq - arg));
	*value = eq + 1;
	return 0;
}

static bool given_before(const struct sheet_value *values, int n, const char *criterion_id)
{
	for (int i = 0; i < n; i++)
		if (strcmp(values[i].criterion, criterion_id) == 0)
			return true;
	return false;
}

/* Turn the CRIT=VALUE pairs into values against r; ST_NOT_FOUND or ST_INVALID naming the criterion. */
static enum status read_values(const struct score_args *a, const struct rubric *r, struct sheet_value *out)
{
	for (int i = 0; i < a->npairs; i++) {
		const char *value = "";
		char *crit = NULL, *trimmed, *shown;
		long v;
		int k;
		enum status s = ST_OK;

		if (split_pair(a->pairs[i], &crit, &value) != 0)
			return status_error(ST_USAGE, _("expected CRIT=VALUE, not '%s'"), a->pairs[i]);
		k = rubric_find(r, crit);
		trimmed = text_trim(value);
		if (k < 0) {
			shown = text_fit(crit, 60, NULL);
			s = status_error(ST_NOT_FOUND, _("no criterion named '%s'; see 'podium list criteria'"), shown);
		} else if (!cli_parse_int(trimmed, INT_MIN, INT_MAX, &v)) {
			const struct criterion *c = &r->items[k];

			shown = text_fit(trimmed, 30, NULL);
			free(crit);
			crit = text_fit(c->name, 60, NULL);
			s = status_error(ST_INVALID, _("%s must be a whole number from %d to %d, not '%s'"), crit,
					 c->min, c->max, shown);
		} else if (given_before(out, i, r->items[k].id)) {
			shown = text_fit(r->items[k].name, 60, NULL);
			s = status_error(ST_USAGE, _("%s is given twice; give each criterion once"), shown);
		} else {
			shown = NULL;
			out[i].criterion = r->items[k].id;
			out[i].value = (int)v;
		}
		free(shown);
		free(trimmed);
		free(crit);
		if (s != ST_OK)
			return s;
	}
	return ST_OK;
}

/* "Chloé Martin → Les Castors: submitted, total 71.43" */
static void print_sheet(const struct sheet_result *res)
{
	const struct sheet *sh = &res->sheet;
	char *j = text_sanitize(res->judge), *t = text_sanitize(res->team);
	size_t scored = 0;

	for (size_t i = 0; i < sh->nvalues; i++)
		scored += sh->scored[i];
	out_printf(stdout, "%s → %s: %s", j, t, sh->state == SHEET_SUBMITTED ? _("submitted") : _("draft"));
	if (!(sh->state == SHEET_SUBMITTED && sh->complete))
		out_printf(stdout, _(", %zu of %zu criteria scored"), scored, sh->nvalues);
	if (sh->complete)
		out_printf(stdout, _(", total %.2f"), sh->total);
	out_puts(stdout, "\n");
	free(j);
	free(t);
}

/* --submit alone submits the sheet as it stands: refuse clearly when there is none yet. */
static enum status check_sheet_exists(struct store *st, const struct score_args *a, const struct rubric *r)
{
	char judge_id[ID_LEN + 1], team_id[ID_LEN + 1], *judge = NULL, *team = NULL;
	struct sheet sh;
	enum status s = record_find(st, KIND_JUDGE, a->judge, judge_id, &judge);

	if (s == ST_OK)
		s = record_find(st, KIND_TEAM, a->team, team_id, &team);
	if (s == ST_OK)
		s = sheet_get(st, r, judge_id, team_id, &sh);
	if (s == ST_OK) {
		if (sh.state == SHEET_MISSING) {
			char *j = text_fit(judge, 60, NULL), *t = text_fit(team, 60, NULL);

			s = status_error(ST_NOT_FOUND, _("%s has no sheet for %s yet; give its values (CRIT=VALUE...) to submit it"),
					 j, t);
			free(j);
			free(t);
		}
		sheet_clear(&sh);
	}
	free(judge);
	free(team);
	return s;
}

/* Who writes: the judge's own login, or an organizer entering a paper sheet. */
static enum status score_actor(struct store *st, const char *judge, struct actor *out)
{
	char judge_id[ID_LEN + 1], *name = NULL;
	struct identity who;
	enum status s = record_find(st, KIND_JUDGE, judge, judge_id, &name);

	if (s != ST_OK)
		return s;
	s = identity_resolve(st, &who);
	if (s == ST_OK)
		s = access_sheet_actor(&who, judge_id, name, out);
	identity_clear(&who);
	free(name);
	return s;
}

static enum status score(struct store *st, const struct score_args *a)
{
	struct actor who;
	struct sheet_value *values;
	struct sheet_change change = {
		.judge = a->judge, .team = a->team, .values = NULL, .nvalues = (size_t)a->npairs,
		.comment = a->comment, .submit = a->submit, .draft = a->draft, .reason = a->reason,
	};
	struct sheet_result committed = {0};
	struct rubric r;
	enum status s = score_actor(st, a->judge, &who);

	if (s != ST_OK)
		return s;
	values = pd_calloc((size_t)a->npairs, sizeof(*values));
	change.values = values;
	s = rubric_load(st, &r);
	if (s == ST_OK) {
		s = read_values(a, &r, values);
		if (s == ST_OK && a->submit && a->npairs == 0 && !a->comment)
			s = check_sheet_exists(st, a, &r);
		if (s == ST_OK)
			s = sheet_apply_get(st, &who, &change, &committed);
		if (s == ST_OK)
			print_sheet(&committed);
		sheet_result_clear(&committed);
		rubric_clear(&r);
	}
	free(values);
	return s;
}

int cmd_score(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "judge", required_argument, NULL, 'j' },
		{ "team", required_argument, NULL, 't' },
		{ "comment", required_argument, NULL, 'c' },
		{ "submit", no_argument, NULL, 'S' },
		{ "draft", no_argument, NULL, 'D' },
		{ "reason", required_argument, NULL, 'r' },
		CLI_COMMON_OPTIONS,
		{ 0 },
	};
	struct score_args a = { 0 };
	struct store *st;
	enum status s;
	int opt, rc = EXIT_OK;

	while ((opt = cli_getopt(c, "score", argc, argv, CLI_COMMON_SHORT, longopts, &rc)) != -1) {
		switch (opt) {
		case -2:
			return rc;
		case 'j':
			a.judge = optarg;
			break;
		case 't':
			a.team = optarg;
			break;
		case 'c':
			a.comment = optarg;
			break;
		case 'S':
			a.submit = true;
			break;
		case 'D':
			a.draft = true;
			break;
		case 'r':
			a.reason = optarg;
			break;
		}
	}
	if (!a.judge || !a.team)
		return cli_usage("score", _("score needs --judge J and --team T"));
	if (a.submit && a.draft)
		return cli_usage("score", _("--submit and --draft do not go together"));
	a.pairs = argv + optind;
	a.npairs = argc - optind;
	for (int i = 0; i < a.npairs; i++) {
		char *crit;
		const char *value;

		if (split_pair(a.pairs[i], &crit, &value) != 0) {
			char *shown = text_fit(a.pairs[i], 60, NULL);

			rc = cli_usage("score", _("expected CRIT=VALUE, not '%s'"), shown);
			free(shown);
			return rc;
		}
		free(crit);
	}
	if (a.npairs == 0 && !a.comment && !a.submit && !a.draft)
		return cli_usage("score", _("nothing to change: give CRIT=VALUE, --comment, --submit or --draft"));

	s = cli_open(c, &st);
	if (s != ST_OK)
		return cli_fail(s);
	s = score(st, &a);
	store_close(st);
	return s == ST_OK ? EXIT_OK : cli_fail(s);
}
