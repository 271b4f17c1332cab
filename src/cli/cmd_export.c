#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "commands.h"
#include "podium/export.h"
#include "podium/i18n.h"
#include "podium/out.h"
#include "podium/store.h"

/*
 * The whole event as one JSON document, built by SQLite in one statement (one
 * snapshot): the event, tracks, teams, judges (never their PIN hashes), coaches,
 * rooms, criteria, sheets with their values and totals, conflicts, the audit log
 * and the official result.
 */
int cmd_export(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"format", required_argument, NULL, 'f'},
	    CLI_COMMON_OPTIONS,
	    {0},
	};
	enum format f = FORMAT_JSON;
	struct store *st;
	char *doc = NULL;
	enum status s;
	int opt, rc = EXIT_OK;

	while ((opt = cli_getopt(c, "export", argc, argv, CLI_COMMON_SHORT, longopts, &rc)) != -1) {
		switch (opt) {
		case -2:
			return rc;
		case 'f':
			if (!cli_parse_format(optarg, FORMAT_JSON, &f))
				return cli_usage("export", _("--format takes json, not '%s'"), optarg);
			break;
		}
	}
	if (optind < argc)
		return cli_usage("export", _("unexpected argument '%s'"), argv[optind]);
	s = cli_open(c, &st);
	if (s != ST_OK)
		return cli_fail(s);
	s = export_json(st, &doc);
	store_close(st);
	if (s != ST_OK) {
		free(doc);
		return cli_fail(s);
	}
	out_json(stdout, "%s\n", doc);
	free(doc);
	if (fflush(stdout) != 0 || ferror(stdout))
		return cli_fail(status_error(ST_IO, _("cannot write the export to standard output")));
	return EXIT_OK;
}
