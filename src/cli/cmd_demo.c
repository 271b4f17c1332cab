#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "commands.h"
#include "podium/demo.h"
#include "podium/i18n.h"
#include "podium/out.h"
#include "podium/store.h"
#include "podium/text.h"

/* Open the file, or create it when it is missing (*created says which). */
static enum status open_or_create(const char *path, struct store **st, bool *created)
{
	enum status s = store_create(path, st);

	*created = s == ST_OK;
	if (s == ST_EXISTS)
		s = store_open(path, st);
	return s;
}

int cmd_demo(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"no-tui", no_argument, NULL, 'n'},
	    CLI_COMMON_OPTIONS,
	    {0},
	};
	struct demo_summary sum;
	struct store *st;
	bool tui = true, created;
	enum status s;
	int opt, rc = EXIT_OK;

	while ((opt = cli_getopt(c, "demo", argc, argv, CLI_COMMON_SHORT, longopts, &rc)) != -1) {
		switch (opt) {
		case -2:
			return rc;
		case 'n':
			tui = false;
			break;
		}
	}
	if (optind < argc)
		return cli_usage("demo", _("unexpected argument '%s'"), argv[optind]);

	s = open_or_create(c->db_path, &st, &created);
	if (s != ST_OK)
		return cli_fail(s);
	set_creator_actor();	/* nothing is written when the file holds an event already */
	s = demo_create(st, &sum);
	store_close(st);
	if (s == ST_EXISTS) {
		char *msg = text_sanitize(status_message(s)); /* it names the event */

		out_printf(stdout, "%s: %s\n", c->db_path, msg);
		free(msg);
	} else if (s != ST_OK) {
		int code = cli_fail(s);

		/* a file made for the demo and left half-filled is of no use to anyone */
		if (created)
			remove(c->db_path);
		return code;
	} else {
		out_printf(stdout, _("demo event '%s' in %s: %zu teams, %zu judges, %zu coaches, %zu rooms, %zu "
		       "sheets submitted"
		       " and %zu drafts\n"),
		       DEMO_EVENT_NAME, c->db_path, sum.teams, sum.judges, sum.coaches, sum.rooms,
		       sum.submitted, sum.drafts);
	}
	if (!tui)
		return EXIT_OK;
	fflush(stdout);
	optind = 0; /* the console parses its own (empty) options */
	return cmd_tui(c, 1, (char *[]){"tui", NULL});
}
