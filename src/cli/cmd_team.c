#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "podium/i18n.h"
#include "podium/out.h"
#include "podium/record.h"
#include "podium/results.h"
#include "podium/store.h"
#include "podium/text.h"

/* podium team calibration TEAM on|off */
int cmd_team(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = { CLI_COMMON_OPTIONS, { 0 } };
	char team_id[ID_LEN + 1], *name = NULL;
	struct store *st;
	enum status s;
	bool on;
	int opt, rc = EXIT_OK;

	while ((opt = cli_getopt(c, "team", argc, argv, CLI_COMMON_SHORT, longopts, &rc)) != -1)
		if (opt == -2)
			return rc;
	if (optind + 3 != argc || strcmp(argv[optind], "calibration") != 0 ||
	    (strcmp(argv[optind + 2], "on") != 0 && strcmp(argv[optind + 2], "off") != 0))
		return cli_usage("team", _("team takes 'calibration TEAM on' or 'calibration TEAM off'"));
	on = strcmp(argv[optind + 2], "on") == 0;
	if ((s = cli_open_as(c, &st, PERM_ORGANIZER, _("mark the calibration pitch"))) != ST_OK)
		return cli_fail(s);
	s = record_find(st, KIND_TEAM, argv[optind + 1], team_id, &name);
	if (s == ST_OK)
		s = results_set_calibration(st, team_id, on);
	store_close(st);
	if (s != ST_OK) {
		free(name);
		return cli_fail(s);
	}
	{
		char *shown = text_sanitize(name);

		out_printf(stdout, on ? _("%s is the calibration pitch: judges score it first; it counts on no board\n")
			  : _("%s is an ordinary team again: its sheets count\n"), shown);
		free(shown);
	}
	free(name);
	return EXIT_OK;
}
