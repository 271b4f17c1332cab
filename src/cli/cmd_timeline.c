#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "commands.h"
#include "format.h"
#include "podium/i18n.h"
#include "podium/clock.h"
#include "podium/store.h"
#include "podium/timeline.h"

/* The phases as a table (with their kind, pinned ones marked) or as CSV start,end,phase. */
static void print_rows(const struct timeline *t, enum format f)
{
	static const char *const headers[] = { "start", "end", "phase", "kind" };
	struct table *tb = table_new(f == FORMAT_CSV ? 3 : 4, headers);

	for (size_t i = 0; i < t->count; i++) {
		const struct phase *p = &t->items[i];
		char start[17], end[17], *kind = pd_asprintf("%s%s", p->kind, p->pinned ? " (pinned)" : "");
		const char *cells[] = { start, end, p->name, kind };

		clock_format(p->starts_at, start);
		clock_format(p->ends_at, end);
		table_add_row(tb, cells);
		free(kind);
	}
	if (f == FORMAT_CSV)
		table_print_csv(tb, stdout);
	else if (t->count == 0)
		printf(_("no timeline yet\n"));
	else
		table_print(tb, stdout, 80);
	table_free(tb);
}

int cmd_timeline(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		CLI_COMMON_OPTIONS,
		{ 0 },
	};
	enum format f = FORMAT_TABLE;
	struct timeline t;
	struct store *st;
	enum status s;
	int opt, rc = EXIT_OK;

	while ((opt = cli_getopt(c, "timeline", argc, argv, CLI_COMMON_SHORT, longopts, &rc)) != -1) {
		switch (opt) {
		case -2:
			return rc;
		case 'f':
			if (!cli_parse_format(optarg, FORMAT_TABLE | FORMAT_CSV | FORMAT_JSON, &f))
				return cli_usage("timeline", _("--format takes table, csv or json, not '%s'"), optarg);
			break;
		}
	}
	if (optind < argc)
		return cli_usage("timeline", _("unexpected argument '%s'"), argv[optind]);
	s = cli_open(c, &st);
	if (s != ST_OK)
		return cli_fail(s);
	if (f == FORMAT_JSON) {
		char *doc = NULL;

		s = timeline_json(st, &doc);
		if (s == ST_OK)
			printf("%s\n", doc);
		free(doc);
	} else {
		s = timeline_load(st, &t);
		if (s == ST_OK)
			print_rows(&t, f);
		timeline_clear(&t);
	}
	store_close(st);
	return s == ST_OK ? EXIT_OK : cli_fail(s);
}
