#include "config.h"

#include <string.h>

#include "commands.h"
#include "podium/event.h"
#include "podium/i18n.h"
#include "podium/out.h"
#include "podium/store.h"

int cmd_results(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = { CLI_COMMON_OPTIONS, { 0 } };
	struct store *st;
	enum status s;
	bool lock;
	int opt, rc = EXIT_OK;

	while ((opt = cli_getopt(c, "results", argc, argv, CLI_COMMON_SHORT, longopts, &rc)) != -1)
		if (opt == -2)
			return rc;
	if (optind + 1 != argc || (strcmp(argv[optind], "lock") && strcmp(argv[optind], "unlock")))
		return cli_usage("results", _("results takes 'lock' or 'unlock'"));
	lock = strcmp(argv[optind], "lock") == 0;
	s = cli_open(c, &st);
	if (s != ST_OK)
		return cli_fail(s);
	s = event_set_locked(st, lock);
	store_close(st);
	if (s != ST_OK)
		return cli_fail(s);
	if (lock)
		out_printf(stdout, "%s\n", _("results locked: sheets now change only by a correction (score ... --reason TEXT)"));
	else
		out_printf(stdout, "%s\n", _("results unlocked: judges can edit their sheets again"));
	return EXIT_OK;
}
