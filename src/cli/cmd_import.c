#include "config.h"

#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "podium/csv.h"
#include "podium/i18n.h"
#include "podium/import.h"
#include "podium/rubric.h"
#include "podium/out.h"
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

/* What an import of count records of kinds[k] says. */
static void say_imported(size_t k, size_t count, const char *source)
{
	switch (k) {
	case 0:
		out_printf(stdout, P_("imported %zu team from %s\n", "imported %zu teams from %s\n", count), count, source);
		break;
	case 1:
		out_printf(stdout, P_("imported %zu judge from %s\n", "imported %zu judges from %s\n", count), count, source);
		break;
	case 2:
		out_printf(stdout, P_("imported %zu coach from %s\n", "imported %zu coaches from %s\n", count), count, source);
		break;
	case 3:
		out_printf(stdout, P_("imported %zu criterion from %s\n", "imported %zu criteria from %s\n", count), count, source);
		break;
	case 4:
		out_printf(stdout, P_("imported %zu room from %s\n", "imported %zu rooms from %s\n", count), count, source);
		break;
	default:
		out_printf(stdout, P_("imported %zu sheet from %s\n", "imported %zu sheets from %s\n", count), count, source);
		break;
	}
}

/* What an import is called in "only an organizer may ...". */
static const char *import_action(const char *kind)
{
	static const char *const actions[][2] = {
		{ "teams", N_("import teams") }, { "judges", N_("import judges") },
		{ "coaches", N_("import coaches") }, { "criteria", N_("import criteria") },
		{ "rooms", N_("import rooms") }, { "sheets", N_("import sheets") },
	};

	for (size_t i = 0; i < PD_ARRAY_LEN(actions); i++)
		if (strcmp(actions[i][0], kind) == 0)
			return _(actions[i][1]);
	return _("import records");
}

int cmd_import(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "reopen", no_argument, NULL, 'o' },
		{ "replace", no_argument, NULL, 'R' },
		{ "reason", required_argument, NULL, 'r' },
		CLI_COMMON_OPTIONS,
		{ 0 },
	};
	struct rubric_effect effect = { 0 };
	const char *reason = NULL;
	bool reopen = false, replace = false;
	struct csv_table table;
	struct store *st;
	const char *path, *source;
	enum status s;
	size_t count = 0, k;
	int opt, rc = EXIT_OK;

	while ((opt = cli_getopt(c, "import", argc, argv, CLI_COMMON_SHORT, longopts, &rc)) != -1) {
		if (opt == -2)
			return rc;
		if (opt == 'o')
			reopen = true;
		else if (opt == 'R')
			replace = true;
		else if (opt == 'r')
			reason = optarg;
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
	if (reopen && kinds[k].run != import_criteria)
		return cli_usage("import", _("--reopen goes with 'import criteria' only"));
	if ((replace || reason) && strcmp(kinds[k].kind, "sheets") != 0)
		return cli_usage("import", _("--replace and --reason are for 'import sheets'"));
	if (replace != (reason != NULL) || (reason && !reason[0]))
		return cli_usage("import", _("replacing submitted sheets needs both --replace and --reason TEXT"));
	path = argv[optind + 1];
	source = strcmp(path, "-") == 0 ? "stdin" : path;

	s = cli_open_as(c, &st, PERM_ORGANIZER, import_action(kinds[k].kind));
	if (s != ST_OK)
		return cli_fail(s);
	s = csv_read_file(path, &table);
	if (s == ST_OK) {
		if (kinds[k].run == import_criteria)
			s = import_criteria_reopen(st, source, &table, reopen, &effect, &count);
		else if (replace)
			s = import_sheets_replacing(st, source, &table, reason, &count);
		else
			s = kinds[k].run(st, source, &table, &count);
		csv_table_clear(&table);
	}
	store_close(st);
	if (s != ST_OK)
		return cli_fail(s);
	say_imported(k, count, source);
	cli_print_reopened(&effect);
	rubric_effect_clear(&effect);
	return EXIT_OK;
}
