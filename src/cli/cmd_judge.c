#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "podium/i18n.h"
#include "podium/out.h"
#include "podium/pin.h"
#include "podium/record.h"
#include "podium/store.h"
#include "podium/text.h"

/* podium judge unlock NAME: the organizer lifts the lock of a PIN after too many wrong tries. */
static int judge_unlock(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {CLI_COMMON_OPTIONS, {0}};
	char id[ID_LEN + 1], *name = NULL;
	struct store *st;
	enum status s;
	int opt, rc = EXIT_OK;

	while ((opt = cli_getopt(c, "judge", argc, argv, CLI_COMMON_SHORT, longopts, &rc)) != -1)
		if (opt == -2)
			return rc;
	if (argc - optind != 1)
		return cli_usage("judge", _("judge unlock needs the judge's NAME"));
	s = cli_open_as(c, &st, PERM_ORGANIZER, _("unlock a judge's PIN"));
	if (s != ST_OK)
		return cli_fail(s);
	s = record_find(st, KIND_JUDGE, argv[optind], id, &name);
	if (s == ST_OK)
		s = pin_unlock(st, id);
	store_close(st);
	if (s == ST_OK) {
		char *shown = text_sanitize(name);

		out_printf(stdout, _("the PIN of %s is unlocked\n"), shown);
		free(shown);
	}
	free(name);
	return s == ST_OK ? EXIT_OK : cli_fail(s);
}

int cmd_judge(struct cli *c, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage("judge", _("judge needs an action: unlock"));
	if (strcmp(argv[1], "unlock") == 0)
		return judge_unlock(c, argc - 1, argv + 1);
	return cli_usage("judge", _("no action '%s' for judge: unlock"), argv[1]);
}
