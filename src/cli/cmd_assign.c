#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "format.h"
#include "podium/i18n.h"
#include "podium/out.h"
#include "podium/panel.h"
#include "podium/store.h"

static void print_counts(const char *what, const char *count, const struct panel_count *items,
			 size_t n)
{
	const char *headers[] = {what, count};
	struct table *t = table_new(2, headers);

	table_align_right(t, 1);
	for (size_t i = 0; i < n; i++) {
		char num[24];
		const char *cells[2] = {items[i].name, num};

		snprintf(num, sizeof(num), "%zu", items[i].count);
		table_add_row(t, cells);
	}
	table_print(t, stdout, 80);
	table_free(t);
}

/* The coverage report: teams below K, the judges' loads, rules broken since the panels were made.
 */
static void print_coverage(const struct panel_coverage *c)
{
	out_printf(stdout, P_("coverage: %zu of %zu teams have at least %d judge; ",
		  "coverage: %zu of %zu teams have at least %d judges; ", c->per_team),
	       c->teams - c->nshort, c->teams, c->per_team);
	if (c->min_load == c->max_load)
		out_printf(stdout, P_("every judge sees %zu team\n", "every judge sees %zu teams\n", c->min_load), c->min_load);
	else
		out_printf(stdout, _("judges see %zu to %zu teams each\n"), c->min_load, c->max_load);
	if (c->conflicted)
		out_printf(stdout, P_("%zu assignment goes against a declared conflict: run 'podium assign judges' again\n",
			  "%zu assignments go against a declared conflict: run 'podium assign judges' again\n",
			  c->conflicted),
		       c->conflicted);
	if (c->clashes)
		out_printf(stdout, P_("%zu time a judge must be in two rooms at once: run 'podium assign judges' again\n",
			  "%zu times a judge must be in two rooms at once: run 'podium assign judges' again\n",
			  c->clashes),
		       c->clashes);
	if (c->nshort) {
		out_printf(stdout, "\n");
		print_counts(N_("team below the panel size"), N_("judges"), c->short_teams, c->nshort);
	}
	out_printf(stdout, "\n");
	print_counts(N_("judge"), N_("teams"), c->loads, c->nloads);
}

int cmd_assign(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"per-team", required_argument, NULL, 'k'},
	    CLI_COMMON_OPTIONS,
	    {0},
	};
	struct panel_result r;
	struct panel_coverage cov;
	struct store *st;
	enum status s;
	long k = 3;
	int opt, rc = EXIT_OK;

	while ((opt = cli_getopt(c, "assign", argc, argv, CLI_COMMON_SHORT, longopts, &rc)) != -1) {
		switch (opt) {
		case -2:
			return rc;
		case 'k':
			if (!cli_parse_int(optarg, 1, PANEL_MAX_PER_TEAM, &k))
				return cli_usage(
				    "assign",
				    _("--per-team takes a whole number from 1 to %d, not '%s'"),
				    PANEL_MAX_PER_TEAM, optarg);
			break;
		}
	}
	if (optind >= argc)
		return cli_usage("assign", _("assign needs what to assign: 'judges'"));
	if (strcmp(argv[optind], "judges") != 0)
		return cli_usage("assign", _("cannot assign '%s'; say 'judges'"), argv[optind]);
	if (optind + 1 < argc)
		return cli_usage("assign", _("unexpected argument '%s'"), argv[optind + 1]);

	s = cli_open_as(c, &st, PERM_ORGANIZER, _("assign the judges"));
	if (s != ST_OK)
		return cli_fail(s);
	s = panel_assign(st, (int)k, &r);
	if (s != ST_OK) {
		store_close(st);
		return cli_fail(s);
	}
	out_printf(stdout, P_("assigned %ld judge to each of %zu teams: %zu assignments, %zu with a judge of the team's track\n",
		  "assigned %ld judges to each of %zu teams: %zu assignments, %zu with a judge of the team's track\n",
		  k),
	       k, r.teams, r.assignments, r.experts);
	if (!r.timed)
		out_printf(stdout, _("no pitch slots yet: judges were assigned by team only, without times; "
		       "assign again after "
		       "'podium schedule generate'\n"));
	else if (r.untimed)
		out_printf(stdout, P_("%zu team has no pitch slot: its judges were assigned without a time\n",
			  "%zu teams have no pitch slot: their judges were assigned without a time\n", r.untimed),
		       r.untimed);
	s = panel_coverage(st, (int)k, &cov);
	if (s == ST_OK) {
		print_coverage(&cov);
		panel_coverage_clear(&cov);
	}
	store_close(st);
	return s == ST_OK ? EXIT_OK : cli_fail(s);
}
