#include "config.h"

#include <string.h>

#include "commands.h"
#include "podium/board.h"
#include "podium/event.h"
#include "podium/i18n.h"
#include "podium/results.h"
#include "podium/out.h"
#include "podium/store.h"

/* Before the first step: what the master of ceremonies must know (ties, pending teams). */
static enum status print_before_ceremony(struct store *st)
{
	struct results_summary sum;
	enum status s = results_summary(st, &sum);

	if (s != ST_OK)
		return s;
	for (size_t i = 0; i < sum.nties; i++) {
		out_printf(stdout, _("tie at rank %d:"), sum.ties[i].rank);
		for (size_t j = 0; j < sum.ties[i].count; j++)
			out_printf(stdout, "%s %s", j ? "," : "", sum.ties[i].teams[j]);
		out_puts(stdout, "\n");
	}
	if (sum.pending) {
		out_printf(stdout, P_("%zu team is pending and not revealed:", "%zu teams are pending and not revealed:", sum.pending),
		       sum.pending);
		for (size_t i = 0; i < sum.pending; i++)
			out_printf(stdout, "%s %s", i ? "," : "", sum.pending_teams[i]);
		out_puts(stdout, "\n");
	}
	results_summary_clear(&sum);
	return ST_OK;
}

static void print_step(const struct reveal_step *r, bool preview)
{
	char score[32];

	snprintf(score, sizeof(score), "%.*f", r->method == RANK_NORMALIZED ? 3 : 2, r->score);
	if (r->done)
		out_printf(stdout, P_("every team is revealed: %zu team in all\n", "every team is revealed: %zu teams in all\n",
			  r->ranked), r->ranked);
	else if (preview)
		out_printf(stdout, _("next: rank %d, %s (%s), step %d of %zu\n"), r->rank, r->team, score, r->step, r->ranked);
	else
		out_printf(stdout, _("revealed rank %d: %s (%s), step %d of %zu\n"), r->rank, r->team, score, r->step, r->ranked);
}

static enum status reveal(struct store *st, bool preview)
{
	struct reveal_step r;
	struct event e;
	enum status s = event_get(st, &e);
	bool first;

	if (s != ST_OK)
		return s;
	first = e.results_locked && e.reveal_step <= 0;
	event_clear(&e);
	if (first && (s = print_before_ceremony(st)) != ST_OK)
		return s;
	if ((s = results_reveal(st, preview, &r)) != ST_OK)
		return s;
	print_step(&r, preview);
	reveal_step_clear(&r);
	return ST_OK;
}

static enum status board_action(struct store *st, const char *what, bool preview)
{
	enum status s;

	if (strcmp(what, "freeze") == 0 || strcmp(what, "unfreeze") == 0) {
		bool frozen = what[0] == 'f';

		if ((s = board_freeze(st, frozen)) == ST_OK)
			out_printf(stdout, "%s\n", frozen ? _("board frozen: every display keeps the scores as they stand; "
							      "'podium leaderboard' keeps counting")
							    : _("board unfrozen: the displays follow the scores again"));
		return s;
	}
	if (strcmp(what, "reveal") == 0)
		return reveal(st, preview);
	if ((s = event_set_reveal(st, -1)) == ST_OK)
		out_printf(stdout, "%s\n", _("reveal ended: the whole board shows"));
	return s;
}

int cmd_board(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = { { "preview", no_argument, NULL, 'p' }, CLI_COMMON_OPTIONS, { 0 } };
	static const char *const actions[] = { "freeze", "unfreeze", "reveal", "unreveal" };
	struct store *st;
	enum status s;
	bool known = false, preview = false;
	int opt, rc = EXIT_OK;

	while ((opt = cli_getopt(c, "board", argc, argv, CLI_COMMON_SHORT, longopts, &rc)) != -1) {
		if (opt == -2)
			return rc;
		preview |= opt == 'p';
	}
	if (optind + 1 == argc)
		for (size_t i = 0; i < PD_ARRAY_LEN(actions); i++)
			known |= strcmp(argv[optind], actions[i]) == 0;
	if (!known)
		return cli_usage("board", _("board takes freeze, unfreeze, reveal or unreveal"));
	if (preview && strcmp(argv[optind], "reveal") != 0)
		return cli_usage("board", _("--preview goes with reveal"));
	s = cli_open_as(c, &st, PERM_ORGANIZER, _("run the projected board"));
	if (s != ST_OK)
		return cli_fail(s);
	s = board_action(st, argv[optind], preview);
	store_close(st);
	return s == ST_OK ? EXIT_OK : cli_fail(s);
}
