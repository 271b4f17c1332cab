#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "format.h"
#include "podium/event.h"
#include "podium/i18n.h"
#include "podium/ranking.h"
#include "podium/results.h"
#include "podium/out.h"
#include "podium/store.h"

static const char *method_word(enum rank_method m)
{
	return m == RANK_NORMALIZED ? "normalized" : "raw";
}

/* What the organizer learns at the lock: what the ceremony will reveal and what is still open. */
static void print_summary(const struct results_summary *s)
{
	out_printf(stdout, _("teams ranked:     %zu\n"), s->ranked);
	out_printf(stdout, _("teams pending:    %zu (fewer judges than the policy's minimum)\n"), s->pending);
	out_printf(stdout, _("teams unscored:   %zu (no counted sheet)\n"), s->unscored);
	for (size_t i = 0; i < s->nties; i++) {
		out_printf(stdout, _("unresolved tie at rank %d:"), s->ties[i].rank);
		for (size_t j = 0; j < s->ties[i].count; j++)
			out_printf(stdout, "%s %s", j ? "," : "", s->ties[i].teams[j]);
		out_puts(stdout, "\n");
	}
	if (s->nties)
		out_printf(stdout, "%s\n", _("a tie-break chain ('podium results policy --tie-break ...') can settle them; unlock first"));
	if (s->missing_sheets)
		out_printf(stdout, P_("%zu sheet of the judges' panels is still missing\n",
			  "%zu sheets of the judges' panels are still missing\n", s->missing_sheets),
		       s->missing_sheets);
}

static int lock_or_unlock(struct store *st, bool lock)
{
	struct results_summary sum;
	enum status s = event_set_locked(st, lock);

	if (s == ST_OK && lock)
		s = results_summary(st, &sum);
	if (s != ST_OK)
		return cli_fail(s);
	if (!lock) {
		out_printf(stdout, "%s\n", _("results unlocked: judges can edit their sheets again"));
		return EXIT_OK;
	}
	out_printf(stdout, "%s\n", _("results locked: sheets now change only by a correction (score ... --reason TEXT)"));
	print_summary(&sum);
	results_summary_clear(&sum);
	return EXIT_OK;
}

static void print_policy(struct store *st, const struct results_policy *p, enum format format)
{
	char *chain = results_tie_break_text(st, p), min[16];

	snprintf(min, sizeof(min), "%d", p->min_judges);
	if (format == FORMAT_CSV) {
		static const char *const header[] = { "method", "min_judges", "tie_break" };
		const char *row[] = { method_word(p->method), min, p->ntie ? chain : "" };

		csv_write_row(stdout, header, PD_ARRAY_LEN(header));
		csv_write_row(stdout, row, PD_ARRAY_LEN(row));
	} else if (format == FORMAT_JSON) {
		char *json = results_policy_json(st, p);

		out_printf(stdout, "%s\n", json ? json : "{}");
		free(json);
	} else {
		out_printf(stdout, _("method:     %s\n"), method_word(p->method));
		out_printf(stdout, _("min judges: %d\n"), p->min_judges);
		out_printf(stdout, _("tie-break:  %s\n"), chain);
	}
	free(chain);
}

/* podium results policy [--method M] [--min-judges N] [--tie-break KEYS] [--format F] */
static int policy(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "method", required_argument, NULL, 'm' },
		{ "min-judges", required_argument, NULL, 'n' },
		{ "tie-break", required_argument, NULL, 't' },
		{ "format", required_argument, NULL, 'f' },
		CLI_COMMON_OPTIONS,
		{ 0 },
	};
	const char *method = NULL, *min = NULL, *chain = NULL;
	enum format format = FORMAT_TABLE;
	struct results_policy p;
	struct store *st;
	enum status s;
	long min_judges = 0;
	int opt, rc = EXIT_OK;

	optind = 0;	/* parse again from argv[1], after "policy" */

	while ((opt = cli_getopt(c, "results", argc, argv, CLI_COMMON_SHORT, longopts, &rc)) != -1) {
		if (opt == -2)
			return rc;
		if (opt == 'm')
			method = optarg;
		else if (opt == 'n')
			min = optarg;
		else if (opt == 't')
			chain = optarg;
		else if (opt == 'f' && !cli_parse_format(optarg, FORMAT_TABLE | FORMAT_CSV | FORMAT_JSON, &format))
			return cli_usage("results", _("--format takes table, csv or json, not '%s'"), optarg);
	}
	if (optind < argc)
		return cli_usage("results", _("unexpected argument '%s'"), argv[optind]);
	if (method && strcmp(method, "raw") != 0 && strcmp(method, "normalized") != 0)
		return cli_usage("results", _("--method takes raw or normalized, not '%s'"), method);
	if (min && !cli_parse_int(min, 1, 1000, &min_judges))
		return cli_usage("results", _("--min-judges takes a number from 1 to 1000, not '%s'"), min);

	if ((s = cli_open(c, &st)) != ST_OK)
		return cli_fail(s);
	s = ranking_policy(st, &p);
	if (s == ST_OK && (method || min || chain))
		s = access_require(st, PERM_ORGANIZER, _("change the results policy"));
	if (s == ST_OK && (method || min || chain)) {
		if (method)
			p.method = strcmp(method, "normalized") == 0 ? RANK_NORMALIZED : RANK_RAW;
		if (min)
			p.min_judges = (int)min_judges;
		if (chain)
			s = results_tie_break_parse(st, chain, &p);
		if (s == ST_OK)
			s = results_policy_set(st, &p);
	}
	if (s == ST_OK)
		print_policy(st, &p, format);
	store_close(st);
	return s == ST_OK ? EXIT_OK : cli_fail(s);
}

int cmd_results(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = { CLI_COMMON_OPTIONS, { 0 } };
	struct store *st;
	enum status s;
	int opt, rc = EXIT_OK;

	/* 'results policy' has options of its own: hand it the rest */
	if (argc >= 2 && strcmp(argv[1], "policy") == 0)
		return policy(c, argc - 1, argv + 1);
	while ((opt = cli_getopt(c, "results", argc, argv, CLI_COMMON_SHORT, longopts, &rc)) != -1)
		if (opt == -2)
			return rc;
	if (optind + 1 == argc && strcmp(argv[optind], "policy") == 0)
		return policy(c, argc - optind, argv + optind);
	if (optind + 1 != argc || (strcmp(argv[optind], "lock") && strcmp(argv[optind], "unlock")))
		return cli_usage("results", _("results takes 'lock', 'unlock' or 'policy'"));
	s = cli_open_as(c, &st, PERM_ORGANIZER, strcmp(argv[optind], "lock") == 0 ? _("lock the results") : _("unlock the results"));
	if (s != ST_OK)
		return cli_fail(s);
	rc = lock_or_unlock(st, strcmp(argv[optind], "lock") == 0);
	store_close(st);
	return rc;
}
