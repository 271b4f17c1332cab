#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "format.h"
#include "podium/i18n.h"
#include "podium/listing.h"
#include "podium/out.h"
#include "podium/store.h"

/*
 * One kind of record: the core's list of it, its CSV header (the import columns of CONTRACT.md, then id),
 * and which of those columns a table shows. Lists are joined with ';' in CSV,
 * as import reads them, and with ", " in tables.
 */
struct list_view {
	const char *name;
	const char *empty;	/* what the table says when there are none */
	enum list_kind kind;
	size_t ncols;
	const char *columns[7];
	unsigned table_cols; /* bit i: the table shows column i */
	unsigned right;	     /* bit i: column i holds numbers */
};

#define COL(i) (1u << (i))

static const struct list_view kinds[] = {
    {"teams",
     N_("no teams yet"),
     LIST_TEAMS,
     7,
     {N_("name"), N_("project"), N_("tracks"), N_("members"), N_("table"), N_("description"), N_("id")},
     COL(0) | COL(1) | COL(2) | COL(3) | COL(4),
     0},
    {"judges",
     N_("no judges yet"),
     LIST_JUDGES,
     5,
     {N_("name"), N_("email"), N_("tracks"), N_("unix_user"), N_("id")},
     COL(0) | COL(1) | COL(2) | COL(3),
     0},
    {"coaches",
     N_("no coaches yet"),
     LIST_COACHES,
     6,
     {N_("name"), N_("email"), N_("skills"), N_("available"), N_("unix_user"), N_("id")},
     COL(0) | COL(1) | COL(2) | COL(3),
     0},
    {"criteria",
     N_("no criteria yet"),
     LIST_CRITERIA,
     6,
     {N_("name"), N_("weight"), N_("min"), N_("max"), N_("description"), N_("id")},
     COL(0) | COL(1) | COL(2) | COL(3) | COL(4),
     COL(1) | COL(2) | COL(3)},
    {"tracks",
     N_("no tracks yet"),
     LIST_TRACKS,
     3,
     {N_("name"), N_("teams"), N_("id")},
     COL(0) | COL(1),
     COL(1)},
    {"rooms",
     N_("no rooms yet"),
     LIST_ROOMS,
     4,
     {N_("name"), N_("tracks"), N_("capacity"), N_("id")},
     COL(0) | COL(1) | COL(2),
     COL(2)},
};

static const struct list_view *find_kind(const char *name)
{
	for (size_t i = 0; i < PD_ARRAY_LEN(kinds); i++)
		if (strcmp(kinds[i].name, name) == 0)
			return &kinds[i];
	return NULL;
}

static enum status print_json(struct store *st, const struct list_view *k)
{
	char *doc = NULL;
	enum status s = list_json(st, k->kind, &doc);

	if (s == ST_OK)
		out_json(stdout, "%s\n", doc);
	free(doc);
	return s;
}

static enum status print_rows(struct store *st, const struct list_view *k, enum format f)
{
	const char *headers[7];
	size_t shown = 0, map[7];
	struct rowset rows;
	struct table *t;
	enum status s = list_rows(st, k->kind, f == FORMAT_CSV ? ";" : ", ", &rows);

	if (s != ST_OK)
		return s;

	for (size_t i = 0; i < k->ncols; i++) {
		if (f == FORMAT_CSV || (k->table_cols & COL(i))) {
			map[shown] = i;
			headers[shown++] = k->columns[i];
		}
	}
	t = table_new(shown, headers);
	for (size_t i = 0; i < shown; i++)
		if (k->right & COL(map[i]))
			table_align_right(t, i);
	for (size_t r = 0; r < rows.count; r++) {
		const char *cells[7];

		for (size_t i = 0; i < shown; i++)
			cells[i] = rowset_cell(&rows, r, map[i]);
		table_add_row(t, cells);
	}
	if (f == FORMAT_CSV)
		table_print_csv(t, stdout);
	else if (table_rows(t) == 0)
		out_printf(stdout, "%s\n", _(k->empty));
	else
		table_print(t, stdout, 80);
	table_free(t);
	rowset_clear(&rows);
	return ST_OK;
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
	s = f == FORMAT_JSON ? print_json(st, k) : print_rows(st, k, f);
	store_close(st);
	if (s != ST_OK)
		return cli_fail(s);
	return EXIT_OK;
}
