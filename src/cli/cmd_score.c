#include "config.h"

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
	struct sheet_text *values;	/* the CRIT=VALUE words, split */
	int nvalues;
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

static void free_values(struct sheet_text *values, int n)
{
	for (int i = 0; i < n; i++)
		free((char *)values[i].criterion);
	free(values);
}

/*
 * Split the CRIT=VALUE words into a->values; core resolves the criteria and
 * reads the values. The exit code of a usage error for a word that is not one.
 */
static int split_values(struct score_args *a, char **words, int n)
{
	a->values = pd_calloc(n ? (size_t)n : 1, sizeof(*a->values));
	for (a->nvalues = 0; a->nvalues < n; a->nvalues++) {
		char *crit = NULL;

		if (split_pair(words[a->nvalues], &crit, &a->values[a->nvalues].text) != 0) {
			char *shown = text_fit(words[a->nvalues], 60, NULL);
			int rc = cli_usage("score", _("expected CRIT=VALUE, not '%s'"), shown);

			free(shown);
			return rc;
		}
		a->values[a->nvalues].criterion = crit;
	}
	return EXIT_OK;
}

/*
 * "Chloé Martin → Les Castors: submitted, total 71.43"; a submitted sheet
 * edited since is "changed", as the consoles show it, until it is submitted again.
 */
static void print_sheet(const struct sheet_result *res)
{
	const struct sheet *sh = &res->sheet;
	char *j = text_sanitize(res->judge), *t = text_sanitize(res->team);
	bool changed = sh->state == SHEET_SUBMITTED && sh->changed;
	size_t scored = 0;

	for (size_t i = 0; i < sh->nvalues; i++)
		scored += sh->scored[i];
	out_printf(stdout, "%s → %s: %s", j, t,
		   changed			    ? _("changed")
		   : sh->state == SHEET_SUBMITTED ? _("submitted")
						    : _("draft"));
	if (!(sh->state == SHEET_SUBMITTED && sh->complete))
		out_printf(stdout, _(", %zu of %zu criteria scored"), scored, sh->nvalues);
	if (sh->complete)
		out_printf(stdout, _(", total %.2f"), sh->total);
	if (changed)
		out_puts(stdout, _(" (edited since it was submitted; it counts as it stands, and"
				   " --submit submits it again)"));
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

/* --submit alone submits the sheet as it stands: there must be one. */
static enum status check_submit_alone(struct store *st, const struct score_args *a)
{
	struct rubric r;
	enum status s;

	if (!(a->submit && a->nvalues == 0 && !a->comment))
		return ST_OK;
	s = rubric_load(st, &r);
	if (s == ST_OK) {
		s = check_sheet_exists(st, a, &r);
		rubric_clear(&r);
	}
	return s;
}

static enum status score(struct store *st, const struct score_args *a)
{
	struct actor who;
	struct sheet_change change = {
		.judge = a->judge, .team = a->team, .texts = a->values, .ntexts = (size_t)a->nvalues,
		.comment = a->comment, .submit = a->submit, .draft = a->draft, .reason = a->reason,
	};
	struct sheet_result committed = {0};
	enum status s = score_actor(st, a->judge, &who);

	if (s != ST_OK)
		return s;
	s = check_submit_alone(st, a);
	if (s == ST_OK)
		s = sheet_apply_get(st, &who, &change, &committed);
	if (s == ST_OK)
		print_sheet(&committed);
	sheet_result_clear(&committed);
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
	rc = split_values(&a, argv + optind, argc - optind);
	if (rc != EXIT_OK) {
		free_values(a.values, a.nvalues);
		return rc;
	}
	if (a.nvalues == 0 && !a.comment && !a.submit && !a.draft)
		rc = cli_usage("score", _("nothing to change: give CRIT=VALUE, --comment, --submit or --draft"));
	else if ((s = cli_open(c, &st)) != ST_OK)
		rc = cli_fail(s);
	else {
		s = score(st, &a);
		store_close(st);
		rc = s == ST_OK ? EXIT_OK : cli_fail(s);
	}
	free_values(a.values, a.nvalues);
	return rc;
}
