#include "config.h"

#include <stdlib.h>

#include "commands.h"
#include "format.h"
#include "podium/history.h"
#include "podium/i18n.h"
#include "podium/out.h"
#include "podium/record.h"
#include "podium/store.h"

static enum status add_csv(void *ctx, const struct history_row *row)
{
	const char *cells[] = {
		row->at, row->actor, row->action, row->kind, row->record, row->before, row->after, row->reason,
	};

	(void)ctx;
	csv_write_row(stdout, cells, PD_ARRAY_LEN(cells));
	return ST_OK;
}

/*
 * The table gives each change a line (when, who, what) and, under it, only the
 * fields that changed, before and after, and the reason: six columns side by
 * side would not fit 80. csv and json keep the whole records.
 */
static enum status add_table(void *ctx, const struct history_row *row)
{
	char *what = row->record[0] ? pd_asprintf("%s %s %s", row->action, row->kind, row->record)
				    : pd_asprintf("%s %s", row->action, row->kind);
	const char *main_row[] = { row->at, row->actor, what };

	table_add_row(ctx, main_row);
	free(what);
	if (row->before_changed[0])
		table_add_row(ctx, (const char *const[]){ "", "  before", row->before_changed });
	if (row->after_changed[0])
		table_add_row(ctx, (const char *const[]){ "", "  after", row->after_changed });
	if (row->reason && row->reason[0])
		table_add_row(ctx, (const char *const[]){ "", "  reason", row->reason });
	return ST_OK;
}

static enum status show(struct store *st, const struct history_filter *f, enum format format)
{
	static const char *const csv_header[] = {
		"at", "actor", "action", "kind", "record", "before", "after", "reason",
	};
	static const char *const table_header[] = { N_("when"), N_("who"), N_("what") };
	struct table *t;
	enum status s;

	if (format == FORMAT_JSON) {
		char *json = NULL;

		s = history_json(st, f, &json);
		if (s == ST_OK)
			out_json(stdout, "%s\n", json);
		free(json);
		return s;
	}
	if (format == FORMAT_CSV) {
		csv_write_row(stdout, csv_header, PD_ARRAY_LEN(csv_header));
		return history_each(st, f, add_csv, NULL);
	}
	t = table_new(PD_ARRAY_LEN(table_header), table_header);
	s = history_each(st, f, add_table, t);
	if (s == ST_OK)
		table_print(t, stdout, 80);
	table_free(t);
	return s;
}

int cmd_history(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "team", required_argument, NULL, 't' },
		{ "judge", required_argument, NULL, 'j' },
		{ "format", required_argument, NULL, 'f' },
		CLI_COMMON_OPTIONS,
		{ 0 },
	};
	const char *team = NULL, *judge = NULL;
	char team_id[ID_LEN + 1], judge_id[ID_LEN + 1];
	struct history_filter f = { NULL, NULL };
	enum format format = FORMAT_TABLE;
	struct store *st;
	enum status s = ST_OK;
	int opt, rc = EXIT_OK;

	while ((opt = cli_getopt(c, "history", argc, argv, CLI_COMMON_SHORT, longopts, &rc)) != -1) {
		switch (opt) {
		case -2:
			return rc;
		case 't':
			team = optarg;
			break;
		case 'j':
			judge = optarg;
			break;
		case 'f':
			if (!cli_parse_format(optarg, FORMAT_TABLE | FORMAT_CSV | FORMAT_JSON, &format))
				return cli_usage("history", _("--format takes table, csv or json, not '%s'"), optarg);
			break;
		}
	}
	if (optind < argc)
		return cli_usage("history", _("unexpected argument '%s'"), argv[optind]);

	s = cli_open(c, &st);
	if (s != ST_OK)
		return cli_fail(s);
	if (team && (s = record_find(st, KIND_TEAM, team, team_id, NULL)) == ST_OK)
		f.team_id = team_id;
	if (s == ST_OK && judge && (s = record_find(st, KIND_JUDGE, judge, judge_id, NULL)) == ST_OK)
		f.judge_id = judge_id;
	if (s == ST_OK)
		s = show(st, &f, format);
	store_close(st);
	return s == ST_OK ? EXIT_OK : cli_fail(s);
}
