#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "commands.h"
#include "podium/i18n.h"
#include "podium/clock.h"
#include "podium/out.h"
#include "podium/record.h"
#include "podium/schedule.h"
#include "podium/store.h"

/*
 * timer start|pause|resume|next|noshow|catchup|extend|undo|back --room R [--minutes N] [--team T]: the timekeeper's
 * actions from a script. The timer lives in the file, so every console shows
 * the change; the new state is printed on one line.
 */
int cmd_timer(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "room", required_argument, NULL, 'r' },
		{ "minutes", required_argument, NULL, 'm' },
		{ "team", required_argument, NULL, 't' },
		CLI_COMMON_OPTIONS,
		{ 0 },
	};
	const char *room = NULL, *minutes = NULL, *team = NULL;
	char room_id[ID_LEN + 1];
	struct schedule s;
	struct store *st;
	enum status rc;
	int opt, action, code = EXIT_OK;
	long extra = 1;
	int64_t now;

	while ((opt = cli_getopt(c, "timer", argc, argv, CLI_COMMON_SHORT, longopts, &code)) != -1) {
		switch (opt) {
		case -2:
			return code;
		case 'r':
			room = optarg;
			break;
		case 'm':
			minutes = optarg;
			break;
		case 't':
			team = optarg;
			break;
		}
	}
	if (optind >= argc)
		return cli_usage("timer", _("timer needs an action: start, pause, resume, next, noshow, catchup, extend, undo or back"));
	action = timer_action_from_name(argv[optind]);
	if (action < 0)
		return cli_usage("timer", _("no timer action '%s': say start, pause, resume, next, noshow, catchup, extend, undo or back"),
				 argv[optind]);
	if (optind + 1 < argc)
		return cli_usage("timer", _("unexpected argument '%s'"), argv[optind + 1]);
	if (!room)
		return cli_usage("timer", _("timer %s needs the room: --room R"), argv[optind]);
	if (minutes && action != TIMER_EXTEND)
		return cli_usage("timer", _("--minutes goes with 'timer extend' only"));
	if (team && action != TIMER_BACK)
		return cli_usage("timer", _("--team goes with 'timer back' only"));
	if (!team && action == TIMER_BACK)
		return cli_usage("timer", _("timer back needs the team that came back: --team T"));
	if (minutes && !cli_parse_int(minutes, 1, 60, &extra))
		return cli_usage("timer", _("--minutes needs a whole number from 1 to 60, not '%s'"), minutes);
	rc = cli_open_as(c, &st, PERM_TIMER, _("run a room's timer"));
	if (rc != ST_OK)
		return cli_fail(rc);
	now = clock_local_now();
	rc = record_find(st, KIND_ROOM, room, room_id, NULL);
	if (rc == ST_OK && action == TIMER_EXTEND)
		rc = schedule_timer_extend(st, room_id, (int)extra, now);
	else if (rc == ST_OK && action == TIMER_BACK)
		rc = schedule_back(st, room_id, team, now);
	else if (rc == ST_OK)
		rc = schedule_timer(st, room_id, (enum timer_action)action, now);
	if (rc == ST_OK)
		rc = schedule_load(st, room_id, now, &s);
	if (rc == ST_OK) {
		char *line = schedule_room_text(&s, 0);

		if (action == TIMER_CATCHUP)
			out_printf(stdout, _("%s: %lld min of changeover given back\n"), s.rooms[0].name,
			       (long long)(s.rooms[0].changeover_cut_s + 30) / 60);
		out_printf(stdout, "%s\n", line);
		free(line);
		schedule_clear(&s);
	}
	store_close(st);
	return rc == ST_OK ? EXIT_OK : cli_fail(rc);
}
