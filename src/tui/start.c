#include "config.h"

#include <getopt.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "podium/access.h"
#include "podium/audit.h"
#include "podium/board.h"
#include "podium/event.h"
#include "podium/i18n.h"
#include "podium/journal.h"
#include "podium/out.h"
#include "podium/pin.h"
#include "podium/record.h"
#include "podium/store.h"
#include "tui/script.h"
#include "tui/tui.h"

/*
 * Start the console: read its options, open the file, settle who is at the
 * keyboard, then run the app. The login (the process's user id) decides what
 * may open: an organizer anything; a judge, coach or timekeeper their own
 * screen; anyone the projector display. Without --role, a picker of those.
 */

int tui_run(struct app *a);
void *screen_judge_for(const char *judge_id, const char *name);

static int usage(const char *fmt, const char *arg)
{
	out_puts(stderr, "podium: ");
	out_printf(stderr, fmt, arg);
	out_printf(stderr, "; %s\n", _("see 'podium help tui'"));
	return 2;
}

/* Read a PIN from the terminal without echo, before curses starts. */
static char *read_pin(const char *name)
{
	struct termios saved, quiet;
	bool echo_off = tcgetattr(STDIN_FILENO, &saved) == 0;
	char *line = NULL, *pin;
	size_t cap = 0;
	ssize_t n;

	if (echo_off) {
		quiet = saved;
		quiet.c_lflag &= (tcflag_t)~ECHO;
		echo_off = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
	}
	out_printf(stderr, _("PIN for %s: "), name);
	n = getline(&line, &cap, stdin);
	if (echo_off)
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
	out_puts(stderr, "\n");
	if (n < 0) {
		free(line);
		return NULL;
	}
	line[strcspn(line, "\r\n")] = '\0';
	pin = pd_strdup(line);
	sodium_memzero(line, cap);
	free(line);
	return pin;
}

static int refuse(enum status s)
{
	out_printf(stderr, "podium: %s\n", status_message(s));
	return 1;
}

static void open_judge(struct app *a, const char *id, const char *name)
{
	a->who.role = ROLE_JUDGE;
	snprintf(a->who.person_id, sizeof(a->who.person_id), "%s", id);
	a->who_name = pd_strdup(name);
	app_switch(a, &screen_judge_ops, screen_judge_for(id, name));
}

/* Ask for the PIN until it is right, the PIN locks, or the input ends (Ctrl-D). */
static enum status ask_pin_until_right(struct app *a, const char *as, const char *shown, char id[ID_LEN + 1])
{
	for (;;) {
		char *pin = read_pin(shown), *msg;
		bool typed = pin != NULL;
		enum status s = typed ? pin_login(a->st, as, pin, id) : status_error(ST_DENIED, _("wrong name or PIN"));

		if (typed)
			sodium_memzero(pin, strlen(pin));
		free(pin);
		if (s != ST_DENIED || !typed)
			return s;
		msg = pd_strdup(status_message(s));
		if (pin_locked(a->st, as)) {
			s = status_error(ST_DENIED, "%s", msg);
			free(msg);
			return s;
		}
		out_printf(stderr, "podium: %s\n", msg);
		free(msg);
	}
}

/* A judge with a PIN types it; a wrong PIN and an unknown name get the same answer, and another try. */
static int login_with_pin(struct app *a, const char *as, const char *shown)
{
	char id[ID_LEN + 1], *name = NULL;
	enum status s = ask_pin_until_right(a, as, shown, id);

	if (s == ST_OK)
		s = record_find(a->st, KIND_JUDGE, id, id, &name);
	if (s == ST_OK)
		s = access_check_judge(&a->me, id, name, _("open this judge's console"));
	if (s == ST_OK)
		open_judge(a, id, name);
	free(name);
	return s == ST_OK ? 0 : refuse(s);
}

/* The judge named as (name or UUID): the judge's own login, or an organizer. */
static int judge_as(struct app *a, const char *as)
{
	struct board_names judges;
	char id[ID_LEN + 1], *name = NULL;
	enum status s = record_find(a->st, KIND_JUDGE, as, id, &name);
	bool has_pin = false;
	int rc = 0;

	if (s == ST_NOT_FOUND) {
		status_clear();
		return login_with_pin(a, as, as);
	}
	if (s == ST_OK)
		s = access_check_judge(&a->me, id, name, _("open this judge's console"));
	/* the judge's own login proves who they are; a PIN tells judges apart on a shared account */
	if (s == ST_OK && strcmp(a->me.judge_id, id) != 0 && (s = board_judges(a->st, &judges)) == ST_OK) {
		for (size_t i = 0; i < judges.count; i++)
			if (strcmp(judges.items[i].id, id) == 0)
				has_pin = judges.items[i].has_pin;
		board_names_clear(&judges);
	}
	if (s == ST_OK && !has_pin)
		open_judge(a, id, name);
	if (s == ST_OK && has_pin)
		rc = login_with_pin(a, id, name);
	free(name);
	return s == ST_OK ? rc : refuse(s);
}

static void open_organizer(struct app *a)
{
	a->who.role = ROLE_ORGANIZER;
	a->who_name = pd_strdup(a->me.login);
	app_switch(a, &screen_organizer_ops, screen_organizer_new(a));
}

static void open_display(struct app *a, bool large)
{
	a->who.role = ROLE_DISPLAY;
	a->who_name = pd_strdup("display");
	app_switch(a, &screen_display_ops, screen_display_new(a, large));
}

static void open_timer(struct app *a, const char *room)
{
	a->who.role = ROLE_TIMEKEEPER;
	a->who_name = pd_strdup(a->me.login);
	app_switch(a, &screen_timer_ops, screen_timer_new(a, room));
}

/* A coach opens their own sessions; an organizer any coach's (as, or a list). */
static int open_coach(struct app *a, const char *as)
{
	if (!a->me.organizer) {
		if (!a->me.coach_id[0])
			return refuse(status_error(ST_DENIED, _("you are logged in as %s, who is no coach; an organizer may "
							       "set a coach's unix_user"), a->me.login));
		if (as && strcmp(as, a->me.coach_name) != 0 && strcmp(as, a->me.coach_id) != 0)
			return refuse(status_error(ST_DENIED, _("you are logged in as %s, who is not coach %s"),
						   a->me.login, as));
		as = a->me.coach_id;
	}
	a->who.role = ROLE_COACH;
	a->who_name = pd_strdup(as ? as : a->me.login);
	app_switch(a, &screen_coach_ops, screen_coach_new(a, as));
	return 0;
}

/* No --role: a picker of what the login may open, or the display when that is all. */
static int open_default(struct app *a)
{
	if (screen_pick_choices(a) > 1) {
		a->who.role = ROLE_DISPLAY;	/* nothing can change until someone is picked */
		a->who_name = pd_strdup(a->me.login);
		app_switch(a, &screen_pick_ops, screen_pick_new(a));
		return 0;
	}
	open_display(a, false);
	return 0;
}

/* large: the display in large type (--large) */
static int choose_screen(struct app *a, int role, const char *as, bool large)
{
	enum status s;

	switch (role) {
	case ROLE_ORGANIZER:
		if ((s = access_check(&a->me, PERM_ORGANIZER, _("open the organizer's console"))) != ST_OK)
			return refuse(s);
		open_organizer(a);
		return 0;
	case ROLE_DISPLAY:
		open_display(a, large);
		return 0;
	case ROLE_JUDGE:
		if (as)
			return judge_as(a, as);
		if (a->me.judge_id[0])
			return judge_as(a, a->me.judge_id);
		return refuse(status_error(ST_DENIED, _("you are logged in as %s, who is no judge; name one with --as NAME "
						       "if you are an organizer"), a->me.login));
	case ROLE_TIMEKEEPER:
		if ((s = access_check(&a->me, PERM_TIMER, _("open a room's timer"))) != ST_OK)
			return refuse(s);
		open_timer(a, as);
		return 0;
	case ROLE_COACH:
		return open_coach(a, as);
	default:
		return open_default(a);
	}
}

static void set_actor(struct app *a)
{
	char *actor = pd_asprintf("%s %s", role_name(a->who.role), a->who_name);

	audit_set_actor(actor);
	free(actor);
}

/* Save what an earlier console kept in the journal; the line to show, or NULL. */
static char *replay_journal(struct app *a)
{
	struct journal_report r;
	enum status s = journal_replay(a->st, &r);
	char *text = s == ST_OK ? journal_report_text(&r) : pd_strdup(status_message(s));

	journal_report_clear(&r);
	return text;
}

int tui_main(const char *db_path, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "role", required_argument, NULL, 'r' },
		{ "as", required_argument, NULL, 'a' },
		{ "theme", required_argument, NULL, 't' },
		{ "db", required_argument, NULL, 'D' },
		{ "script", required_argument, NULL, 'S' },
		{ "large", no_argument, NULL, 'L' },
		{ 0 },
	};
	const char *as = NULL, *theme = NULL, *script_path = NULL;
	bool large = false;
	struct script script = { 0 };
	char *replayed;
	struct app a = { 0 };
	struct event e;
	enum status s;
	int opt, role = -1, rc;

	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (opt) {
		case 'r':
			role = role_from_name(optarg);
			if (role < 0)
				return usage(_("no role '%s' (organizer, judge, timekeeper, display, coach)"), optarg);
			break;
		case 'a':
			as = optarg;
			break;
		case 't':
			theme = optarg;
			break;
		case 'D':
			db_path = optarg;
			break;
		case 'S':
			script_path = optarg;
			break;
		case 'L':
			large = true;
			break;
		case ':':
			return usage(_("option '%s' needs a value"), argv[optind - 1]);
		default:
			return usage(_("unknown option '%s'"), argv[optind - 1]);
		}
	}
	if (optind < argc)
		return usage(_("unexpected argument '%s'"), argv[optind]);
	if (large && role < 0)
		role = ROLE_DISPLAY;
	if (large && role != ROLE_DISPLAY)
		return usage(_("%s is the projector's: it goes with --role display"), "--large");
	if (as && role < 0)
		role = ROLE_JUDGE;
	if (script_path) {
		s = script_load(script_path, &script);
		if (s != ST_OK) {
			out_printf(stderr, "podium: %s\n", status_message(s));
			return 1;
		}
		a.script = &script;
	}

	s = store_open(db_path, &a.st);
	if (s != ST_OK) {
		out_printf(stderr, "podium: %s\n", status_message(s));
		script_clear(&script);
		return 1;
	}
	s = event_get(a.st, &e);
	if (s != ST_OK) {
		out_printf(stderr, "podium: %s\n", status_message(s));
		store_close(a.st);
		script_clear(&script);
		return 1;
	}
	memcpy(a.event_id, e.id, sizeof(a.event_id));
	event_clear(&e);
	s = identity_resolve(a.st, &a.me);
	if (s != ST_OK) {
		out_printf(stderr, "podium: %s\n", status_message(s));
		store_close(a.st);
		return 1;
	}
	replayed = replay_journal(&a);
	theme_load(theme);
	rc = choose_screen(&a, role, as, large);
	if (rc == 0) {
		set_actor(&a);
		if (replayed)
			app_notice(&a, "%s", replayed);
		rc = tui_run(&a);
	}
	free(replayed);
	if (a.screen.ops && a.screen.ops->free)
		a.screen.ops->free(a.screen.state);
	free(a.who_name);
	identity_clear(&a.me);
	store_close(a.st);
	script_clear(&script);
	return rc;
}
