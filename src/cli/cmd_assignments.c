#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "commands.h"
#include "list_view.h"
#include "podium/i18n.h"
#include "podium/store.h"

static const struct list_view assignments_view = {
    .name = "assignments",
    .empty = N_("no judges assigned yet: run 'podium assign judges'"),
    .kind = LIST_ASSIGNMENTS,
    .ncols = 4,
    .columns = {N_("judge"), N_("team"), N_("room"), N_("start")},
};

int cmd_assignments(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"format", required_argument, NULL, 'f'},
	    CLI_COMMON_OPTIONS,
	    {0},
	};
	enum format f = FORMAT_TABLE;
	struct store *st;
	enum status s;
	int opt, rc = EXIT_OK;

	while ((opt = cli_getopt(c, "assignments", argc, argv, CLI_COMMON_SHORT, longopts, &rc)) !=
	       -1) {
		switch (opt) {
		case -2:
			return rc;
		case 'f':
			if (!cli_parse_format(optarg, FORMAT_TABLE | FORMAT_CSV | FORMAT_JSON, &f))
				return cli_usage("assignments",
						 _("--format takes table, csv or json, not '%s'"),
						 optarg);
			break;
		}
	}
	if (optind < argc)
		return cli_usage("assignments", _("unexpected argument '%s'"), argv[optind]);
	s = cli_open(c, &st);
	if (s != ST_OK)
		return cli_fail(s);
	s = list_view_print(st, &assignments_view, f);
	store_close(st);
	return s == ST_OK ? EXIT_OK : cli_fail(s);
}
