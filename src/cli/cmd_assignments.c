#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "commands.h"
#include "format.h"
#include "podium/i18n.h"
#include "podium/listing.h"
#include "podium/out.h"
#include "podium/store.h"

static enum status print_json(struct store *st)
{
	char *doc = NULL;
	enum status s = list_json(st, LIST_ASSIGNMENTS, &doc);

	if (s == ST_OK)
		out_json(stdout, "%s\n", doc);
	free(doc);
	return s;
}

static enum status print_rows(struct store *st, enum format f)
{
	static const char *const headers[] = {N_("judge"), N_("team"), N_("room"), N_("start")};
	struct rowset rows;
	struct table *t;
	enum status s = list_rows(st, LIST_ASSIGNMENTS, NULL, &rows);

	if (s != ST_OK)
		return s;
	t = table_new(4, headers);
	for (size_t r = 0; r < rows.count; r++) {
		const char *cells[4] = {rowset_cell(&rows, r, 0), rowset_cell(&rows, r, 1),
					rowset_cell(&rows, r, 2), rowset_cell(&rows, r, 3)};

		table_add_row(t, cells);
	}
	if (f == FORMAT_CSV)
		table_print_csv(t, stdout);
	else if (table_rows(t) == 0)
		out_printf(stdout, _("no judges assigned yet: run 'podium assign judges'\n"));
	else
		table_print(t, stdout, 80);
	table_free(t);
	rowset_clear(&rows);
	return ST_OK;
}

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
	s = f == FORMAT_JSON ? print_json(st) : print_rows(st, f);
	store_close(st);
	return s == ST_OK ? EXIT_OK : cli_fail(s);
}
