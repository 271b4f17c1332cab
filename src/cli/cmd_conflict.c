#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "podium/board.h"
#include "podium/i18n.h"
#include "podium/conflict.h"
#include "podium/out.h"
#include "podium/panel.h"
#include "podium/record.h"
#include "podium/store.h"
#include "podium/text.h"

int cmd_conflict(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"judge", required_argument, NULL, 'j'},
	    {"team", required_argument, NULL, 't'},
	    {"reason", required_argument, NULL, 'r'},
	    CLI_COMMON_OPTIONS,
	    {0},
	};
	const char *judge = NULL, *team = NULL, *reason = NULL;
	char judge_id[ID_LEN + 1], team_id[ID_LEN + 1], *judge_name = NULL, *team_name = NULL;
	struct store *st;
	enum status s;
	int opt, rc = EXIT_OK;

	while ((opt = cli_getopt(c, "conflict", argc, argv, CLI_COMMON_SHORT, longopts, &rc)) !=
	       -1) {
		switch (opt) {
		case -2:
			return rc;
		case 'j':
			judge = optarg;
			break;
		case 't':
			team = optarg;
			break;
		case 'r':
			reason = optarg;
			break;
		}
	}
	if (optind >= argc)
		return cli_usage("conflict", _("conflict needs 'add'"));
	if (strcmp(argv[optind], "add") != 0)
		return cli_usage("conflict", _("conflict takes 'add', not '%s'"), argv[optind]);
	if (optind + 1 < argc)
		return cli_usage("conflict", _("unexpected argument '%s'"), argv[optind + 1]);
	if (!judge || !team)
		return cli_usage("conflict", _("conflict add needs --judge J and --team T"));
	if (reason && !text_valid_utf8(reason, strlen(reason)))
		return cli_fail(status_error(ST_INVALID, _("the reason is not valid UTF-8")));

	s = cli_open(c, &st);
	if (s != ST_OK)
		return cli_fail(s);
	s = record_find(st, KIND_JUDGE, judge, judge_id, &judge_name);
	if (s == ST_OK)
		s = access_require_judge(st, judge_id, judge_name, _("declare this judge's conflicts"));
	if (s == ST_OK)
		s = record_find(st, KIND_TEAM, team, team_id, &team_name);
	if (s == ST_OK)
		s = conflict_declare(st, judge_id, team_id, reason);
	if (s == ST_OK) {
		char *j = text_sanitize(judge_name), *t = text_sanitize(team_name);

		out_printf(stdout, _("conflict recorded: %s will not judge %s\n"), j, t);
		if (panel_has(st, judge_id, team_id))
			out_printf(stdout, _("%s is on the panel of %s: run 'podium assign judges' again\n"), j,
			       t);
		free(j);
		free(t);
	}
	free(judge_name);
	free(team_name);
	store_close(st);
	return s == ST_OK ? EXIT_OK : cli_fail(s);
}
