#include "config.h"

#include <stdlib.h>

#include "commands.h"
#include "podium/access.h"
#include "podium/audit.h"
#include "podium/clock.h"
#include "podium/event.h"
#include "podium/i18n.h"
#include "podium/out.h"
#include "podium/store.h"

/* The account that creates the event is its organizer, from its first audit row. */
void set_creator_actor(void)
{
	char *actor = pd_asprintf("organizer %s", access_login());

	audit_set_actor(actor);
	free(actor);
}

int cmd_init(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "start", required_argument, NULL, 's' },
		{ "hours", required_argument, NULL, 'H' },
		CLI_COMMON_OPTIONS,
		{ 0 },
	};
	struct event_spec spec = { NULL, 0, 48 };
	const char *start = NULL;
	struct store *st;
	enum status s;
	char when[17];
	long hours;
	int opt, rc = EXIT_OK;

	while ((opt = cli_getopt(c, "init", argc, argv, CLI_COMMON_SHORT, longopts, &rc)) != -1) {
		switch (opt) {
		case -2:
			return rc;
		case 'n':
			spec.name = optarg;
			break;
		case 's':
			start = optarg;
			break;
		case 'H':
			if (!cli_parse_int(optarg, 1, 720, &hours))
				return cli_usage("init", _("--hours takes a whole number of hours from 1 to 720, not '%s'"),
						 optarg);
			spec.hours = (int)hours;
			break;
		}
	}
	if (optind < argc)
		return cli_usage("init", _("unexpected argument '%s'"), argv[optind]);
	if (!spec.name)
		return cli_usage("init", _("init needs --name NAME"));
	if (start) {
		if (!clock_parse(start, &spec.starts_at))
			return cli_usage("init", _("--start takes \"YYYY-MM-DD HH:MM\", not '%s'"), start);
	} else {
		spec.starts_at = clock_next_weekday_at(5, 18 * 3600);	/* next Friday evening */
	}

	s = store_create(c->db_path, &st);
	if (s != ST_OK)
		return cli_fail(s);
	set_creator_actor();
	s = event_create(st, &spec);
	store_close(st);
	if (s != ST_OK) {
		/* The file is ours and holds nothing of value: do not leave a half-made event behind. */
		int code = cli_fail(s);

		remove(c->db_path);
		return code;
	}
	clock_format(spec.starts_at, when);
	out_printf(stdout, _("created the event in %s: starts %s, %d hours, default rubric of 7 criteria\n"),
	       c->db_path, when, spec.hours);
	return EXIT_OK;
}
