#include "config.h"

#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "podium/csv.h"
#include "podium/i18n.h"
#include "podium/import.h"
#include "podium/store.h"

typedef enum status (*import_fn)(struct store *st, const char *source, const struct csv_table *t,
				 size_t *count);

static const struct {
	const char *kind;	/* as typed, and as printed when many */
	const char *one;	/* as printed for one */
	import_fn run;
} kinds[] = {
	{ "teams", "team", import_teams },
	{ "judges", "judge", import_judges },
	{ "coaches", "coach", import_coaches },
	{ "criteria", "criterion", import_criteria },
	{ "rooms", "room", import_rooms },
	{ "sheets", "sheet", import_sheets },
};

/* "team" or "teams" for kinds[k], in the reader's language. */
static const char *records_noun(size_t k, size_t count)
{
	switch (k) {
	case 0:
		return P_("team", "teams", count);
	case 1:
		return P_("judge", "judges", count);
	case 2:
		return P_("coach", "coaches", count);
	case 3:
		return P_("criterion", "criteria", count);
	case 4:
		return P_("room", "rooms", count);
	default:
		return P_("sheet", "sheets", count);
	}
}

int cmd_import(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_COMMON_OPTIONS,
		{ 0 },
	};
	struct csv_table table;
	struct store *st;
	const char *path, *source;
	enum status s;
	size_t count = 0, k;
	int opt, rc = EXIT_OK;

	while ((opt = cli_getopt(c, "import", argc, argv, CLI_COMMON_SHORT, longopts, &rc)) != -1) {
		if (opt == -2)
			return rc;
	}
	if (optind >= argc)
		return cli_usage("import", _("import needs what to import (teams, judges, coaches, "
					   "criteria, rooms or sheets) and a FILE"));
	for (k = 0; k < PD_ARRAY_LEN(kinds); k++) {
		if (strcmp(argv[optind], kinds[k].kind) == 0)
			break;
	}
	if (k == PD_ARRAY_LEN(kinds))
		return cli_usage(
		    "import",
		    _("cannot import '%s'; say teams, judges, coaches, criteria, rooms or sheets"),
		    argv[optind]);
	if (optind + 1 >= argc)
		return cli_usage("import", _("import %s needs a FILE ('-' reads standard input)"),
				 kinds[k].kind);
	if (optind + 2 < argc)
		return cli_usage("import", _("unexpected argument '%s'"), argv[optind + 2]);
	path = argv[optind + 1];
	source = strcmp(path, "-") == 0 ? "stdin" : path;

	s = cli_open(c, &st);
	if (s != ST_OK)
		return cli_fail(s);
	s = csv_read_file(path, &table);
	if (s == ST_OK) {
		s = kinds[k].run(st, source, &table, &count);
		csv_table_clear(&table);
	}
	store_close(st);
	if (s != ST_OK)
		return cli_fail(s);
	printf(_("imported %zu %s from %s\n"), count, records_noun(k, count), source);
	return EXIT_OK;
}
