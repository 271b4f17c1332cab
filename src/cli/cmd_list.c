#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "format.h"
#include "podium/i18n.h"
#include "podium/out.h"
#include "podium/store.h"

/*
 * One kind of record: its statements (rows for table and CSV, one JSON
 * document), its CSV header (the import columns of CONTRACT.md, then id),
 * and which of those columns a table shows. Lists are joined with ';' in CSV,
 * as import reads them, and with ", " in tables.
 */
struct list_kind {
	const char *name;
	const char *empty;	/* what the table says when there are none */
	enum stmt rows, json;
	size_t ncols;
	const char *columns[7];
	unsigned table_cols; /* bit i: the table shows column i */
	unsigned right;	     /* bit i: column i holds numbers */
	int weight_col;	     /* a REAL column printed with %g, or -1 */
};

#define COL(i) (1u << (i))

static const struct list_kind kinds[] = {
    {"teams",
     N_("no teams yet"),
     STMT_LIST_TEAMS,
     STMT_LIST_TEAMS_JSON,
     7,
     {N_("name"), N_("project"), N_("tracks"), N_("members"), N_("table"), N_("description"), N_("id")},
     COL(0) | COL(1) | COL(2) | COL(3) | COL(4),
     0,
     -1},
    {"judges",
     N_("no judges yet"),
     STMT_LIST_JUDGES,
     STMT_LIST_JUDGES_JSON,
     5,
     {N_("name"), N_("email"), N_("tracks"), N_("unix_user"), N_("id")},
     COL(0) | COL(1) | COL(2) | COL(3),
     0,
     -1},
    {"coaches",
     N_("no coaches yet"),
     STMT_LIST_COACHES,
     STMT_LIST_COACHES_JSON,
     6,
     {N_("name"), N_("email"), N_("skills"), N_("available"), N_("unix_user"), N_("id")},
     COL(0) | COL(1) | COL(2) | COL(3),
     0,
     -1},
    {"criteria",
     N_("no criteria yet"),
     STMT_LIST_CRITERIA,
     STMT_LIST_CRITERIA_JSON,
     6,
     {N_("name"), N_("weight"), N_("min"), N_("max"), N_("description"), N_("id")},
     COL(0) | COL(1) | COL(2) | COL(3) | COL(4),
     COL(1) | COL(2) | COL(3),
     1},
    {"tracks",
     N_("no tracks yet"),
     STMT_LIST_TRACKS,
     STMT_LIST_TRACKS_JSON,
     3,
     {N_("name"), N_("teams"), N_("id")},
     COL(0) | COL(1),
     COL(1),
     -1},
    {"rooms",
     N_("no rooms yet"),
     STMT_LIST_ROOMS,
     STMT_LIST_ROOMS_JSON,
     4,
     {N_("name"), N_("tracks"), N_("capacity"), N_("id")},
     COL(0) | COL(1) | COL(2),
     COL(2),
     -1},
};

static const struct list_kind *find_kind(const char *name)
{
	for (size_t i = 0; i < PD_ARRAY_LEN(kinds); i++)
		if (strcmp(kinds[i].name, name) == 0)
			return &kinds[i];
	return NULL;
}

/* Bind the list separator where the statement has one (teams, judges, coaches, rooms). */
static struct query *rows_query(struct store *st, const struct list_kind *k, const char *sep)
{
	struct query *q = store_query(st, k->rows);

	if (k->rows != STMT_LIST_CRITERIA && k->rows != STMT_LIST_TRACKS)
		query_bind_text(q, "$sep", sep);
	return q;
}

static enum status print_json(struct store *st, const struct list_kind *k)
{
	char *doc = NULL;
	enum status s = query_first_text(store_query(st, k->json), &doc);

	if (s == ST_OK)
		out_json(stdout, "%s\n", doc);
	free(doc);
	return s;
}

static enum status print_rows(struct store *st, const struct list_kind *k, enum format f)
{
	struct query *q = rows_query(st, k, f == FORMAT_CSV ? ";" : ", ");
	const char *headers[7];
	size_t shown = 0, map[7];
	struct table *t;
	enum status s;

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
	while ((s = query_step(q)) == ST_ROW) {
		char weight[32] = "";
		const char *cells[7];

		for (size_t i = 0; i < shown; i++) {
			if ((int)map[i] == k->weight_col) {
				snprintf(weight, sizeof(weight), "%.15g",
					 query_double(q, (int)map[i]));
				cells[i] = weight;
			} else {
				cells[i] = query_text(q, (int)map[i]);
			}
		}
		table_add_row(t, cells);
	}
	if (s == ST_DONE) {
		s = ST_OK;
		if (f == FORMAT_CSV)
			table_print_csv(t, stdout);
		else if (table_rows(t) == 0)
			out_printf(stdout, "%s\n", _(k->empty));
		else
			table_print(t, stdout, 80);
	}
	table_free(t);
	return s;
}

int cmd_list(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"format", required_argument, NULL, 'f'},
	    CLI_COMMON_OPTIONS,
	    {0},
	};
	enum format f = FORMAT_TABLE;
	const struct list_kind *k;
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
