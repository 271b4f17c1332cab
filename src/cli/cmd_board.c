#include "config.h"

#include <string.h>

#include "commands.h"
#include "podium/board.h"
#include "podium/event.h"
#include "podium/i18n.h"
#include "podium/out.h"
#include "podium/store.h"

static enum status board_action(struct store *st, const char *what, char *msg, size_t n)
{
	struct event e;
	enum status s;
	int step;

	if (strcmp(what, "freeze") == 0 || strcmp(what, "unfreeze") == 0) {
		bool frozen = what[0] == 'f';

		s = board_freeze(st, frozen);
		snprintf(msg, n, "%s", frozen ? _("board frozen: every display keeps the scores as they stand")
					    : _("board unfrozen: the displays follow the scores again"));
		return s;
	}
	if ((s = event_get(st, &e)) != ST_OK)
		return s;
	step = e.reveal_step;
	event_clear(&e);
	if (strcmp(what, "unreveal") == 0) {
		snprintf(msg, n, _("reveal ended: the whole board shows"));
		return event_set_reveal(st, -1);
	}
	step = step < 0 ? 1 : step + 1;
	snprintf(msg, n, P_("revealed %d team from the bottom of the board", "revealed %d teams from the bottom of the board", step),
		 step);
	return event_set_reveal(st, step);
}

int cmd_board(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = { CLI_COMMON_OPTIONS, { 0 } };
	static const char *const actions[] = { "freeze", "unfreeze", "reveal", "unreveal" };
	struct store *st;
	char msg[160];
	enum status s;
	bool known = false;
	int opt, rc = EXIT_OK;

	while ((opt = cli_getopt(c, "board", argc, argv, CLI_COMMON_SHORT, longopts, &rc)) != -1)
		if (opt == -2)
			return rc;
	if (optind + 1 == argc)
		for (size_t i = 0; i < PD_ARRAY_LEN(actions); i++)
			known |= strcmp(argv[optind], actions[i]) == 0;
	if (!known)
		return cli_usage("board", _("board takes freeze, unfreeze, reveal or unreveal"));
	s = cli_open(c, &st);
	if (s != ST_OK)
		return cli_fail(s);
	s = board_action(st, argv[optind], msg, sizeof(msg));
	store_close(st);
	if (s != ST_OK)
		return cli_fail(s);
	out_printf(stdout, "%s\n", msg);
	return EXIT_OK;
}
