#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "format.h"
#include "podium/clock.h"
#include "podium/coaching.h"
#include "podium/event.h"
#include "podium/i18n.h"
#include "podium/ics.h"
#include "podium/out.h"
#include "podium/store.h"

static int plan(struct cli *c, long length)
{
	static const char *const headers[] = {N_("team"), N_("stage"), N_("why")};
	struct coaching_plan p;
	struct store *st;
	enum status s = cli_open_as(c, &st, PERM_ORGANIZER, _("plan the coach sessions"));

	if (s != ST_OK)
		return cli_fail(s);
	s = coaching_plan(st, (int)length, &p);
	store_close(st);
	if (s != ST_OK)
		return cli_fail(s);
	out_printf(stdout, P_("planned %zu coach session of %ld minutes", "planned %zu coach sessions of %ld minutes", p.placed),
	       p.placed, length);
	out_printf(stdout, P_(" for %zu stage to coach", " for %zu stages to coach", p.needed), p.needed);
	if (p.kept)
		out_printf(stdout, _("; kept %zu that had begun or were booked by hand"), p.kept);
	out_printf(stdout, "\n");
	if (p.nmisses) {
		struct table *t = table_new(3, headers);

		out_printf(stdout, P_("%zu stage could not fit:\n", "%zu stages could not fit:\n", p.nmisses), p.nmisses);
		for (size_t i = 0; i < p.nmisses; i++) {
			const char *cells[3] = {p.misses[i].team, p.misses[i].stage,
						coaching_reason_text(p.misses[i].reason)};

			table_add_row(t, cells);
		}
		table_print(t, stdout, 80);
		table_free(t);
	}
	coaching_plan_clear(&p);
	return EXIT_OK;
}

static enum status print_json(struct store *st)
{
	char *doc = NULL;
	enum status s = coaching_sessions_json(st, &doc);

	if (s == ST_OK)
		out_json(stdout, "%s\n", doc);
	free(doc);
	return s;
}

static enum status print_ics(struct store *st, const struct coaching_sessions *list)
{
	struct event e;
	struct ics *cal;
	char *name, *text;
	enum status s = event_get(st, &e);

	if (s != ST_OK)
		return s;
	name = pd_asprintf(_("%s · coaching"), e.name);
	cal = ics_new(name);
	for (size_t i = 0; i < list->count; i++) {
		const struct coaching_session *cs = &list->items[i];
		char *uid = pd_asprintf("%s-coaching@podium", cs->id);
		char *summary = pd_asprintf("%s · %s", cs->team, cs->stage);
		char *desc = pd_asprintf(_("Coach: %s"), cs->coach);

		ics_add_event(cal, uid, cs->start, cs->end, summary, NULL, desc);
		free(uid);
		free(summary);
		free(desc);
	}
	text = ics_finish(cal);
	out_puts(stdout, text);
	free(text);
	free(name);
	event_clear(&e);
	return ST_OK;
}

static enum status print_rows(const struct coaching_sessions *list, enum format f)
{
	static const char *const headers[] = {N_("start"), N_("end"), N_("coach"), N_("team"), N_("stage")};
	struct table *t = table_new(5, headers);

	for (size_t i = 0; i < list->count; i++) {
		const struct coaching_session *cs = &list->items[i];
		char start[17], end[17];
		const char *cells[5] = {start, f == FORMAT_CSV ? end : end + 11, cs->coach,
					cs->team, cs->stage};

		clock_format(cs->start, start);
		clock_format(cs->end, end);
		table_add_row(t, cells);
	}
	if (f == FORMAT_CSV)
		table_print_csv(t, stdout);
	else if (table_rows(t) == 0)
		out_printf(stdout, _("no coach sessions yet: run 'podium coach plan'\n"));
	else
		table_print(t, stdout, 80);
	table_free(t);
	return ST_OK;
}

static int sessions(struct cli *c, enum format f)
{
	struct coaching_sessions list;
	struct store *st;
	enum status s = cli_open(c, &st);

	if (s != ST_OK)
		return cli_fail(s);
	if (f == FORMAT_JSON) {
		s = print_json(st);
	} else {
		s = coaching_sessions(st, NULL, &list);
		if (s == ST_OK) {
			s = f == FORMAT_ICS ? print_ics(st, &list) : print_rows(&list, f);
			coaching_sessions_clear(&list);
		}
	}
	store_close(st);
	return s == ST_OK ? EXIT_OK : cli_fail(s);
}

int cmd_coach(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"length", required_argument, NULL, 'l'},
	    {"format", required_argument, NULL, 'f'},
	    CLI_COMMON_OPTIONS,
	    {0},
	};
	const char *format = NULL;
	enum format f = FORMAT_TABLE;
	long length = COACHING_LENGTH_DEFAULT;
	bool has_length = false;
	int opt, rc = EXIT_OK;

	while ((opt = cli_getopt(c, "coach", argc, argv, CLI_COMMON_SHORT, longopts, &rc)) != -1) {
		switch (opt) {
		case -2:
			return rc;
		case 'l':
			if (!cli_parse_int(optarg, COACHING_LENGTH_MIN, COACHING_LENGTH_MAX,
					   &length))
				return cli_usage("coach",
						 _("--length takes minutes from %d to %d, not '%s'"),
						 COACHING_LENGTH_MIN, COACHING_LENGTH_MAX, optarg);
			has_length = true;
			break;
		case 'f':
			format = optarg;
			if (!cli_parse_format(
				optarg, FORMAT_TABLE | FORMAT_CSV | FORMAT_JSON | FORMAT_ICS, &f))
				return cli_usage("coach",
						 _("--format takes table, csv, json or ics, not '%s'"),
						 optarg);
			break;
		}
	}
	if (optind >= argc)
		return cli_usage("coach", _("coach needs 'plan' or 'sessions'"));
	if (optind + 1 < argc)
		return cli_usage("coach", _("unexpected argument '%s'"), argv[optind + 1]);
	if (strcmp(argv[optind], "plan") == 0) {
		if (format)
			return cli_usage(
			    "coach",
			    _("coach plan takes no --format; list with 'podium coach sessions'"));
		return plan(c, length);
	}
	if (strcmp(argv[optind], "sessions") == 0) {
		if (has_length)
			return cli_usage("coach", _("--length goes with 'coach plan'"));
		return sessions(c, f);
	}
	return cli_usage("coach", _("coach takes 'plan' or 'sessions', not '%s'"), argv[optind]);
}
