#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "format.h"
#include "podium/i18n.h"
#include "podium/listing.h"
#include "podium/clock.h"
#include "podium/event.h"
#include "podium/out.h"
#include "podium/record.h"
#include "podium/schedule.h"
#include "podium/store.h"
#include "podium/text.h"
#include "podium/timeline.h"

/*
 * schedule generate|list|move|swap: the pitch slots. Times are the event's
 * local time; list shows them projected, slips included.
 */

static void print_warnings(struct store *st)
{
	struct schedule s;
	struct timeline t;
	char **lines;
	size_t n;

	if (schedule_load(st, NULL, clock_local_now(), &s) != ST_OK)
		return;
	if (timeline_load(st, &t) == ST_OK) {
		n = schedule_warnings(&s, &t, &lines);
		for (size_t i = 0; i < n; i++)
			out_printf(stdout, _("warning: %s\n"), lines[i]);
		schedule_free_lines(lines, n);
		timeline_clear(&t);
	}
	schedule_clear(&s);
}

static bool parse_minutes(const char *cmd, const char *opt, const char *arg, long min, int *out, int *rc)
{
	long v;

	if (!cli_parse_int(arg, min, 240, &v)) {
		*rc = cli_usage(cmd, _("--%s takes whole minutes from %ld to 240, not '%s'"), opt, min, arg);
		return false;
	}
	*out = (int)v * 60;
	return true;
}

static int generate(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "rooms", required_argument, NULL, 'r' },
		{ "start", required_argument, NULL, 's' },
		{ "pitch", required_argument, NULL, 'p' },
		{ "qa", required_argument, NULL, 'q' },
		{ "changeover", required_argument, NULL, 'c' },
		CLI_COMMON_OPTIONS,
		{ 0 },
	};
	struct schedule_spec spec = { .pitch_s = 5 * 60, .qa_s = 2 * 60, .changeover_s = 60 };
	struct schedule_result res;
	char **rooms = NULL, from[17], to[17];
	size_t nrooms = 0;
	struct store *st;
	enum status s;
	int opt, rc = EXIT_OK;

	while ((opt = cli_getopt(c, "schedule", argc, argv, CLI_COMMON_SHORT, longopts, &rc)) != -1) {
		switch (opt) {
		case -2:
			goto out;
		case 'r':
			text_free_parts(rooms, nrooms);
			nrooms = text_split(optarg, ',', &rooms);
			if (nrooms == 0) {
				rc = cli_usage("schedule", _("--rooms takes room names separated by commas"));
				goto out;
			}
			break;
		case 's':
			if (!clock_parse(optarg, &spec.start)) {
				rc = cli_usage("schedule", _("--start takes \"YYYY-MM-DD HH:MM\", not '%s'"), optarg);
				goto out;
			}
			spec.has_start = true;
			break;
		case 'p':
			if (!parse_minutes("schedule", "pitch", optarg, 1, &spec.pitch_s, &rc))
				goto out;
			break;
		case 'q':
			if (!parse_minutes("schedule", "qa", optarg, 0, &spec.qa_s, &rc))
				goto out;
			break;
		case 'c':
			if (!parse_minutes("schedule", "changeover", optarg, 0, &spec.changeover_s, &rc))
				goto out;
			break;
		}
	}
	if (optind < argc) {
		rc = cli_usage("schedule", _("unexpected argument '%s'"), argv[optind]);
		goto out;
	}
	spec.rooms = (const char *const *)rooms;
	spec.nrooms = nrooms;
	s = cli_open_as(c, &st, PERM_ORGANIZER, _("generate the schedule"));
	if (s != ST_OK) {
		rc = cli_fail(s);
		goto out;
	}
	s = schedule_generate(st, &spec, &res);
	if (s != ST_OK) {
		rc = cli_fail(s);
	} else {
		clock_format(res.start, from);
		clock_format(res.end, to);
		out_printf(stdout, P_("scheduled %zu pitch", "scheduled %zu pitches", res.slots), res.slots);
		out_printf(stdout, P_(" in %zu room", " in %zu rooms", res.rooms), res.rooms);
		out_printf(stdout, _(" from %s to %s\n"), from, to);
		if (res.kept)
			out_printf(stdout, P_("kept %zu pitch already started or over\n", "kept %zu pitches already started or over\n",
				  res.kept),
			       res.kept);
		print_warnings(st);
	}
	store_close(st);
out:
	text_free_parts(rooms, nrooms);
	return rc;
}

/* ---- list ---- */

static const char *slot_status_text(const struct slot *sl)
{
	static const char *const names[] = { "scheduled", "running", "done", "noshow" };

	return names[sl->status];
}

static const struct schedule *sort_schedule;

/* By projected start, then room, then position. */
static int cmp_slots(const void *a, const void *b)
{
	const struct slot *x = &sort_schedule->slots[*(const size_t *)a];
	const struct slot *y = &sort_schedule->slots[*(const size_t *)b];

	if (x->proj_start != y->proj_start)
		return x->proj_start < y->proj_start ? -1 : 1;
	if (x->room != y->room)
		return x->room < y->room ? -1 : 1;
	return x->position < y->position ? -1 : x->position > y->position;
}

static void late_cell(const struct slot *sl, char *out, size_t n)
{
	int64_t minutes = schedule_late_minutes(sl->late_s);

	out[0] = '\0';
	if (sl->status != SLOT_NOSHOW && minutes > 0)
		snprintf(out, n, _("+%lld min"), (long long)minutes);
}

static enum status print_json(struct store *st, const struct schedule *s, const size_t *order)
{
	out_puts(stdout, s->count ? "[\n" : "[]\n");
	for (size_t k = 0; k < s->count; k++) {
		const struct slot *sl = &s->slots[order[k]];
		char *json = NULL;
		enum status rc = list_slot_json(st, s, sl, slot_status_text(sl), &json);

		if (rc != ST_OK)
			return rc;
		out_json(stdout, "  %s%s\n", json, k + 1 < s->count ? "," : "");
		free(json);
	}
	if (s->count)
		out_puts(stdout, "]\n");
	return ST_OK;
}

static void print_rows(const struct schedule *s, const size_t *order, enum format f)
{
	static const char *const headers[] = { N_("start"), N_("end"), N_("room"), N_("team"), N_("status"), N_("late") };
	struct table *t = table_new(f == FORMAT_CSV ? 5 : 6, headers);

	for (size_t k = 0; k < s->count; k++) {
		const struct slot *sl = &s->slots[order[k]];
		const struct schedule_room *r = &s->rooms[sl->room];
		char start[17], end[17], late[32];
		const char *status = slot_status_text(sl);
		const char *cells[6];

		clock_format(sl->proj_start, start);
		clock_format(sl->proj_end, end);
		late_cell(sl, late, sizeof(late));
		if (f == FORMAT_TABLE && sl->status == SLOT_RUNNING && r->state == TIMER_PAUSED)
			status = "paused";
		cells[0] = start;
		cells[1] = f == FORMAT_CSV ? end : end + 11;
		cells[2] = r->name;
		cells[3] = sl->team;
		cells[4] = status;
		cells[5] = late;
		table_add_row(t, cells);
	}
	if (f == FORMAT_CSV)
		table_print_csv(t, stdout);
	else if (s->count == 0)
		out_printf(stdout, _("no pitches scheduled yet: run 'podium schedule generate'\n"));
	else
		table_print(t, stdout, 80);
	table_free(t);
}

static enum status print_ics(struct store *st, const struct schedule *s, const char *room)
{
	struct event e;
	enum status rc = event_get(st, &e);
	char *name, *text;

	if (rc != ST_OK)
		return rc;
	name = room ? pd_asprintf("%s — %s", e.name, room) : pd_asprintf(_("%s — pitches"), e.name);
	text = schedule_ics(s, name);
	out_puts(stdout, text);
	free(text);
	free(name);
	event_clear(&e);
	return ST_OK;
}

static int list(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "room", required_argument, NULL, 'r' },
		{ "format", required_argument, NULL, 'f' },
		CLI_COMMON_OPTIONS,
		{ 0 },
	};
	enum format f = FORMAT_TABLE;
	const char *room = NULL;
	char room_id[ID_LEN + 1], *room_name = NULL;
	struct schedule s;
	struct store *st;
	size_t *order;
	enum status rc;
	int opt, code = EXIT_OK;

	while ((opt = cli_getopt(c, "schedule", argc, argv, CLI_COMMON_SHORT, longopts, &code)) != -1) {
		switch (opt) {
		case -2:
			return code;
		case 'r':
			room = optarg;
			break;
		case 'f':
			if (!cli_parse_format(optarg, FORMAT_TABLE | FORMAT_CSV | FORMAT_JSON | FORMAT_ICS, &f))
				return cli_usage("schedule", _("--format takes table, csv, json or ics, not '%s'"), optarg);
			break;
		}
	}
	if (optind < argc)
		return cli_usage("schedule", _("unexpected argument '%s'"), argv[optind]);
	rc = cli_open(c, &st);
	if (rc != ST_OK)
		return cli_fail(rc);
	if (room)
		rc = record_find(st, KIND_ROOM, room, room_id, &room_name);
	if (rc == ST_OK)
		rc = schedule_load(st, room ? room_id : NULL, clock_local_now(), &s);
	if (rc != ST_OK) {
		free(room_name);
		store_close(st);
		return cli_fail(rc);
	}
	order = pd_calloc(s.count + 1, sizeof(size_t));
	for (size_t i = 0; i < s.count; i++)
		order[i] = i;
	sort_schedule = &s;
	qsort(order, s.count, sizeof(size_t), cmp_slots);
	if (f == FORMAT_JSON)
		rc = print_json(st, &s, order);
	else if (f == FORMAT_ICS)
		rc = print_ics(st, &s, room_name);
	else
		print_rows(&s, order, f);
	free(order);
	free(room_name);
	schedule_clear(&s);
	store_close(st);
	return rc == ST_OK ? EXIT_OK : cli_fail(rc);
}

/* ---- move and swap ---- */

/* Where team_id pitches now: "Salle Ada, position 2, at 13:38". */
static void print_place(struct store *st, const char *team)
{
	char id[ID_LEN + 1];
	struct schedule s;

	if (record_find(st, KIND_TEAM, team, id, NULL) != ST_OK ||
	    schedule_load(st, NULL, clock_local_now(), &s) != ST_OK)
		return;
	for (size_t i = 0; i < s.count; i++) {
		const struct slot *sl = &s.slots[i];
		char at[17];

		if (strcmp(sl->team_id, id) != 0)
			continue;
		clock_format(sl->starts_at, at);
		out_printf(stdout, _("%s: %s, position %d, at %s\n"), sl->team, s.rooms[sl->room].name, sl->position, at);
	}
	schedule_clear(&s);
}

static int move(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "room", required_argument, NULL, 'r' },
		{ "position", required_argument, NULL, 'p' },
		CLI_COMMON_OPTIONS,
		{ 0 },
	};
	const char *room = NULL;
	struct store *st;
	enum status s;
	long position = 0;
	int opt, rc = EXIT_OK;

	while ((opt = cli_getopt(c, "schedule", argc, argv, CLI_COMMON_SHORT, longopts, &rc)) != -1) {
		switch (opt) {
		case -2:
			return rc;
		case 'r':
			room = optarg;
			break;
		case 'p':
			if (!cli_parse_int(optarg, 1, 100000, &position))
				return cli_usage("schedule", _("--position takes a number from 1, not '%s'"), optarg);
			break;
		}
	}
	if (optind + 1 != argc || !room)
		return cli_usage("schedule", _("schedule move needs a team and --room R [--position N]"));
	s = cli_open_as(c, &st, PERM_ORGANIZER, _("move a pitch"));
	if (s != ST_OK)
		return cli_fail(s);
	s = schedule_move(st, argv[optind], room, (int)position);
	if (s == ST_OK)
		print_place(st, argv[optind]);
	else
		rc = cli_fail(s);
	store_close(st);
	return rc;
}

static int swap(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_COMMON_OPTIONS,
		{ 0 },
	};
	struct store *st;
	enum status s;
	int opt, rc = EXIT_OK;

	while ((opt = cli_getopt(c, "schedule", argc, argv, CLI_COMMON_SHORT, longopts, &rc)) != -1)
		if (opt == -2)
			return rc;
	if (optind + 2 != argc)
		return cli_usage("schedule", _("schedule swap needs two teams"));
	s = cli_open_as(c, &st, PERM_ORGANIZER, _("swap pitches"));
	if (s != ST_OK)
		return cli_fail(s);
	s = schedule_swap(st, argv[optind], argv[optind + 1]);
	if (s == ST_OK) {
		print_place(st, argv[optind]);
		print_place(st, argv[optind + 1]);
	} else {
		rc = cli_fail(s);
	}
	store_close(st);
	return rc;
}

int cmd_schedule(struct cli *c, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : NULL;

	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		cli_print_help(cli_command("schedule"), stdout);
		return EXIT_OK;
	}
	if (!sub)
		return cli_usage("schedule", _("schedule needs what to do: generate, list, move or swap"));
	if (strcmp(sub, "generate") == 0)
		return generate(c, argc - 1, argv + 1);
	if (strcmp(sub, "list") == 0)
		return list(c, argc - 1, argv + 1);
	if (strcmp(sub, "move") == 0)
		return move(c, argc - 1, argv + 1);
	if (strcmp(sub, "swap") == 0)
		return swap(c, argc - 1, argv + 1);
	return cli_usage("schedule", _("no 'schedule %s': say generate, list, move or swap"), sub);
}
