#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "list_view.h"
#include "podium/i18n.h"
#include "podium/store.h"

/* Each record kind with the columns its import reads (podium(1)), then id. */
static const struct list_view kinds[] = {
    {"teams",
     N_("no teams yet"),
     LIST_TEAMS,
     7,
     {N_("name"), N_("project"), N_("tracks"), N_("members"), N_("table"), N_("description"), N_("id")},
     LIST_COL(0) | LIST_COL(1) | LIST_COL(2) | LIST_COL(3) | LIST_COL(4),
     0},
    {"judges",
     N_("no judges yet"),
     LIST_JUDGES,
     5,
     {N_("name"), N_("email"), N_("tracks"), N_("unix_user"), N_("id")},
     LIST_COL(0) | LIST_COL(1) | LIST_COL(2) | LIST_COL(3),
     0},
    {"coaches",
     N_("no coaches yet"),
     LIST_COACHES,
     6,
     {N_("name"), N_("email"), N_("skills"), N_("available"), N_("unix_user"), N_("id")},
     LIST_COL(0) | LIST_COL(1) | LIST_COL(2) | LIST_COL(3),
     0},
    {"criteria",
     N_("no criteria yet"),
     LIST_CRITERIA,
     6,
     {N_("name"), N_("weight"), N_("min"), N_("max"), N_("description"), N_("id")},
     LIST_COL(0) | LIST_COL(1) | LIST_COL(2) | LIST_COL(3) | LIST_COL(4),
     LIST_COL(1) | LIST_COL(2) | LIST_COL(3)},
    {"tracks",
     N_("no tracks yet"),
     LIST_TRACKS,
     3,
     {N_("name"), N_("teams"), N_("id")},
     LIST_COL(0) | LIST_COL(1),
     LIST_COL(1)},
    {"rooms",
     N_("no rooms yet"),
     LIST_ROOMS,
     4,
     {N_("name"), N_("tracks"), N_("capacity"), N_("id")},
     LIST_COL(0) | LIST_COL(1) | LIST_COL(2),
     LIST_COL(2)},
};

static const struct list_view *find_kind(const char *name)
{
	for (size_t i = 0; i < PD_ARRAY_LEN(kinds); i++)
		if (strcmp(kinds[i].name, name) == 0)
			return &kinds[i];
	return NULL;
}

int cmd_list(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"format", required_argument, NULL, 'f'},
	    CLI_COMMON_OPTIONS,
	    {0},
	};
	enum format f = FORMAT_TABLE;
	const struct list_view *k;
	struct store *st;
	enum status s;
	int opt, rc = EXIT_OK;

	while ((opt = cli_getopt(c, "list", argc, argv, CLI_COMMON_SHORT, longopts, &rc)) != -1) {
		switch (opt) {
		case -2:
			return rc;
		case 'f':
			if (!cli_parse_format(optarg, FORMAT_TABLE | FORMAT_CSV | FORMAT_JSON, &f))
				return cli_usage(
				    "list", _("--format takes table, csv or json, not '%s'"), optarg);
			break;
		}
	}
	if (optind >= argc)
		return cli_usage(
		    "list",
		    _("list needs what to list: teams, judges, coaches, criteria, tracks or rooms"));
	k = find_kind(argv[optind]);
	if (!k)
		return cli_usage(
		    "list",
		    _("cannot list '%s': say teams, judges, coaches, criteria, tracks or rooms"),
		    argv[optind]);
	if (optind + 1 < argc)
		return cli_usage("list", _("unexpected argument '%s'"), argv[optind + 1]);
	s = cli_open(c, &st);
	if (s != ST_OK)
		return cli_fail(s);
	s = list_view_print(st, k, f);
	store_close(st);
	if (s != ST_OK)
		return cli_fail(s);
	return EXIT_OK;
}
