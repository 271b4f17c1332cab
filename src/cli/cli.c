#include "config.h"
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "podium/access.h"
#include "podium/audit.h"
#include "podium/i18n.h"
#include "podium/journal.h"
#include "podium/out.h"
#include "podium/store.h"

static const struct command commands[] = {
	{ "init", cmd_init, "init --name NAME [--start \"YYYY-MM-DD HH:MM\"] [--hours 48]",
	  N_("create a new event file with the default rubric"),
	  N_("Refuses to touch an existing file. --start defaults to next Friday 18:00.") },
	{ "demo", cmd_demo, "demo [--no-tui]",
	  N_("create a realistic demo event if the file has none, then open the console"), NULL },
	{ "import", cmd_import, "import teams|judges|coaches|criteria|rooms|sheets FILE [--reopen]",
	  N_("import records from a CSV file ('-' reads standard input); all or nothing"),
	  N_("The first row names the columns (case-insensitive; unknown ones are ignored).\n"
	  "  teams:    name, project, tracks (;-separated), members (;-separated), table, description\n"
	  "  judges:   name, email, tracks, unix_user, pin\n"
	  "  coaches:  name, email, unix_user, skills (;-separated), available (;-separated YYYY-MM-DD HH:MM-HH:MM)\n"
	  "  criteria: name, weight (1), min (1), max (5), description\n"
	  "  sheets:   judge, team, one column per criterion, comment, status (submitted|draft)\n"
	  "  rooms:    name, tracks (;-separated), capacity\n"
	  "New criteria follow the rubric's rule: --reopen turns the submitted sheets back into\n"
	  "drafts ('podium help rubric').") },
	{ "list", cmd_list, "list teams|judges|coaches|criteria|tracks|rooms [--format table|csv|json]",
	  N_("list records"), NULL },
	{ "score", cmd_score,
	  "score --judge J --team T [CRIT=VALUE...] [--comment TEXT] [--submit|--draft] [--reason TEXT]",
	  N_("write one judge's sheet for one team"),
	  N_("J, T and CRIT are names (case-insensitive) or UUIDs. Without --submit the sheet\n"
	  "stays a draft; --submit alone submits the sheet as it stands, once every criterion\n"
	  "is scored. After 'results lock' only a correction with --reason is accepted.") },
	{ "leaderboard", cmd_leaderboard,
	  "leaderboard [--track NAME] [--method raw|normalized] [--format table|csv|json]\n"
	  "       podium leaderboard --explain TEAM [--format table|csv]",
	  N_("the official ranking of the teams, under the results policy"),
	  N_("--method ranks by that method for this one call. --explain lists every sheet of a\n"
	     "team with its total T(j,t), its z-score z(j,t) and whether it counts, or why not.") },
	{ "export", cmd_export, "export [--format json]", N_("the whole event as one JSON document"), NULL },
	{ "check", cmd_check, "check", N_("check the file's integrity and consistency; exit 0 only when all is well"),
	  NULL },
	{ "backup", cmd_backup, "backup DEST", N_("a consistent copy of the event file while others keep writing"),
	  NULL },
	{ "results", cmd_results,
	  "results lock|unlock\n"
	  "       podium results policy [--method raw|normalized] [--min-judges N] [--tie-break KEY,KEY...]"
	  " [--format table|csv|json]",
	  N_("lock the results, or set how the official result is computed"),
	  N_("lock: sheets change only by a correction; it prints what the ceremony will reveal.\n"
	     "policy: the method, the judges a team needs to be ranked, and the keys that break\n"
	     "a tie, in order: raw, normalized, judges, criterion:NAME. Refused after the lock.") },
	{ "team", cmd_team, "team calibration TEAM on|off",
	  N_("mark the calibration pitch: judges score it first, it counts nowhere"), NULL },
	{ "history", cmd_history, "history [--team T] [--judge J] [--format table|csv|json]",
	  N_("every change to sheets and records: when, who, what, before, after, reason"), NULL },
	{ "timeline", cmd_timeline,
	  "timeline [--format table|csv|json]\n"
	  "       podium timeline add NAME --start \"YYYY-MM-DD HH:MM\" [--end ...] [--kind K] [--pinned]\n"
	  "       podium timeline edit PHASE [--name N] [--start ...] [--end ...] [--pinned|--unpinned]\n"
	  "       podium timeline delete PHASE",
	  N_("the event's phases and milestones"),
	  N_("A phase with no --end is a milestone. A new --start alone moves the whole phase.\n"
	     "Pinned phases (meals, the awards) never move: a pitch room that would run into one\n"
	     "is warned about.") },
	{ "schedule", cmd_schedule,
	  "schedule generate [--rooms A,B] [--start \"YYYY-MM-DD HH:MM\"] [--pitch 5] [--qa 2] [--changeover 1]\n"
	  "       podium schedule list [--room R] [--format table|csv|json|ics]\n"
	  "       podium schedule move TEAM --room R [--position N]\n"
	  "       podium schedule swap TEAM_A TEAM_B",
	  N_("the pitch slots: generate them, or list them with their projected times"), NULL },
	{ "conflict", cmd_conflict, "conflict add --judge J --team T [--reason TEXT]",
	  N_("a judge who must not judge a team"), NULL },
	{ "assign", cmd_assign, "assign judges [--per-team 3]", N_("judge panels for the pitch sessions"), NULL },
	{ "assignments", cmd_assignments, "assignments [--format table|csv|json]", N_("the judge panels"), NULL },
	{ "coach", cmd_coach, "coach plan [--length 20]\n       podium coach sessions [--format table|csv|json|ics]",
	  N_("coach sessions: plan them, or list them"), NULL },
	{ "timer", cmd_timer, "timer start|pause|resume|next|noshow|catchup|undo --room R\n"
	  "       podium timer extend --room R [--minutes 1]\n"
	  "       podium timer back --room R --team T", N_("the timekeeper's actions"),
	  N_("start: the room's next pitch begins now; pause and resume; next: the pitch is over, the next one\n"
	     "waits for start; noshow: the team did not come; catchup: shorten the coming changeovers to\n"
	     "bring the room back on time; extend: the running pitch gets N minutes more (1 to 60, default 1);\n"
	     "undo: the pitch that next ended runs again, its clock as if it had never stopped;\n"
	     "back: a no-show came after all: it pitches next, right after the pitch running or just over.") },
	{ "board", cmd_board, "board freeze|unfreeze|reveal [--preview]|unreveal",
	  N_("the projected leaderboard: freeze it, or run the ceremony reveal one team at a time"),
	  N_("freeze keeps every display on the board as it stands (the leaderboard keeps counting).\n"
	     "reveal, once the results are locked, shows the final result one team at a time from\n"
	     "last place up; --preview tells who comes next and shows nothing; unreveal shows the\n"
	     "whole board again.") },
	{ "rubric", cmd_rubric,
	  "rubric [--format table|csv|json]\n"
	  "       podium rubric add NAME [--weight W] [--min A] [--max B] [--description TEXT] [--reopen]\n"
	  "       podium rubric edit NAME [--name NEW] [--weight W] [--min A] [--max B] [--description TEXT] [--reopen]\n"
	  "       podium rubric delete NAME [--reopen]",
	  N_("the rubric's criteria: list, add, edit or delete them"),
	  N_("A new criterion has weight 1 and the scale 1 to 5 unless told otherwise. Once a sheet\n"
	     "is submitted, a change that alters totals (add, delete, a weight, a scale) is refused\n"
	     "unless --reopen turns the submitted sheets back into drafts; they are listed. A new\n"
	     "name or description is always allowed. After 'results lock' the rubric cannot change.") },
	{ "role", cmd_role,
	  "role grant|revoke USER organizer|timekeeper\n       podium role list [--format table|csv|json]",
	  N_("who may organize and who may run the timers"),
	  N_("USER is a login on this host. The account that created the event is its first organizer;\n"
	     "judges and coaches are the logins in their unix_user. Only an organizer may change roles.") },
	{ "judge", cmd_judge, "judge unlock NAME",
	  N_("lift the lock of a judge's PIN after too many wrong tries"), NULL },
	{ "site", cmd_site,
	  "site join --site NAME --hub-key KEY\n"
	  "       podium site export [-o FILE|-]\n"
	  "       podium site apply FILE...",
	  N_("a site of a multi-city event: join the hub, send it bundles, take its acknowledgements"),
	  N_("join prints the site's key for 'podium hub add-site'. export writes everything the hub\n"
	     "has not acknowledged as one signed bundle (standard output by default). apply takes\n"
	     "the hub's bundles ('-' reads standard input).") },
	{ "hub", cmd_hub,
	  "hub init --name NAME [--start \"YYYY-MM-DD HH:MM\"]\n"
	  "       podium hub key\n"
	  "       podium hub add-site NAME --key KEY\n"
	  "       podium hub apply FILE...\n"
	  "       podium hub export --site NAME [-o FILE|-]\n"
	  "       podium hub sites [--format table|csv|json]\n"
	  "       podium hub board [--site NAME] [--format table|csv|json]\n"
	  "       podium hub finalists --per-site N",
	  N_("the hub of a multi-city event: gather the sites' bundles, show their results, run the final"),
	  N_("apply takes bundles in any order: one that comes early is kept aside until the gap\n"
	     "fills, a duplicate or an old one changes nothing, a forged one is refused. board shows\n"
	     "each site's official result as the site computes it. finalists makes each site's top N\n"
	     "teams the hub's teams, for its judges and its rubric.") },
	{ "tui", cmd_tui,
	  "tui [--role organizer|judge|timekeeper|display|coach] [--as NAME] [--theme NAME] [--large]"
	  " [--script FILE]",
	  N_("the full-screen console (the default command)"),
	  N_("--large opens the projector's display in large type (L turns it on and off).\n"
	     "--script FILE reads the keys from FILE instead of the keyboard and needs no terminal:\n"
	     "one line of keys each (<Enter>, <Esc>, <Up>, <C-l>...), and the commands :dump (the\n"
	     "screen as text on standard output), :wait-idle and :resize WxH; # begins a comment.") },
};

static cli_console_fn console;

void cli_set_console(cli_console_fn fn)
{
	console = fn;
}

int cli_run_console(struct cli *c, int argc, char **argv)
{
	if (!console)
		return cli_fail(status_error(ST_INTERNAL, _("this podium was built without its console")));
	return console(c->db_path, argc, argv);
}

const struct command *cli_command(const char *name)
{
	for (size_t i = 0; i < PD_ARRAY_LEN(commands); i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

int cli_fail(enum status s)
{
	out_printf(stderr, "podium: %s\n", status_message(s));
	return s == ST_USAGE ? EXIT_USAGE : EXIT_FAIL;
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	out_puts(stderr, "podium: ");
	va_start(ap, fmt);
	out_vprintf(stderr, fmt, ap);
	va_end(ap);
	if (cmd)
		out_printf(stderr, _("; see 'podium help %s'\n"), cmd);
	else
		out_puts(stderr, _("; see 'podium --help'\n"));
	return EXIT_USAGE;
}

void cli_print_help(const struct command *cmd, FILE *out)
{
	out_printf(out, _("usage: podium [--db FILE] %s\n\n%s.\n"), cmd->usage, _(cmd->summary));
	if (cmd->help)
		out_printf(out, "\n%s\n", _(cmd->help));
}

static void print_main_help(FILE *out)
{
	out_puts(out, _("usage: podium [--db FILE] [COMMAND] [ARGS...]\n\n"
	      "podium runs a hackathon: judges' scores, pitch schedule, coaching and the live\n"
	      "leaderboard, in one shared event file. Without a command it opens the console.\n\n"
	      "commands:\n"));
	for (size_t i = 0; i < PD_ARRAY_LEN(commands); i++)
		out_printf(out, "  %-12s %s\n", commands[i].name, _(commands[i].summary));
	out_puts(out, _("\noptions:\n"
	      "  --db FILE    the event file (default: $PODIUM_DB, else ./podium.db)\n"
	      "  --help       this help; 'podium help COMMAND' for one command\n"
	      "  --version    the version\n"));
}

int cli_getopt(struct cli *c, const char *cmd, int argc, char **argv, const char *shortopts,
	       const struct option *longopts, int *exit_status)
{
	int opt = getopt_long(argc, argv, shortopts, longopts, NULL);

	switch (opt) {
	case CLI_OPT_DB:
		c->db_path = optarg;
		return cli_getopt(c, cmd, argc, argv, shortopts, longopts, exit_status);
	case 'h':
		cli_print_help(cli_command(cmd), stdout);
		*exit_status = EXIT_OK;
		return -2;
	case ':':
		*exit_status = cli_usage(cmd, _("option '%s' needs a value"), argv[optind - 1]);
		return -2;
	case '?':
		if (optopt)
			*exit_status = cli_usage(cmd, _("unknown option '-%c'"), optopt);
		else
			*exit_status = cli_usage(cmd, _("unknown option '%s'"), argv[optind - 1]);
		return -2;
	default:
		return opt;
	}
}

/* Save the changes a console kept while the file was busy, and say so. */
static void replay_journal(struct store *st)
{
	struct journal_report r;
	enum status s = journal_replay(st, &r);
	char *text = s == ST_OK ? journal_report_text(&r) : pd_strdup(status_message(s));

	if (text)
		out_printf(stderr, "podium: %s\n", text);
	free(text);
	journal_report_clear(&r);
}

enum status cli_open(struct cli *c, struct store **out)
{
	struct identity who;
	enum status s = store_open(c->db_path, out);

	if (s != ST_OK)
		return s;
	if (identity_resolve(*out, &who) == ST_OK) {
		char *actor = access_actor_name(&who);

		audit_set_actor(actor);
		free(actor);
		identity_clear(&who);
	}
	if (!store_read_only(*out))
		replay_journal(*out);
	return ST_OK;
}

enum status cli_open_as(struct cli *c, struct store **out, enum permission p, const char *action)
{
	enum status s = cli_open(c, out);

	if (s == ST_OK && (s = access_require(*out, p, action)) != ST_OK) {
		store_close(*out);
		*out = NULL;
	}
	return s;
}

bool cli_parse_format(const char *s, unsigned allowed, enum format *out)
{
	static const struct {
		const char *name;
		enum format f;
	} names[] = {
		{ "table", FORMAT_TABLE }, { "csv", FORMAT_CSV }, { "json", FORMAT_JSON }, { "ics", FORMAT_ICS },
	};

	for (size_t i = 0; i < PD_ARRAY_LEN(names); i++) {
		if (strcmp(s, names[i].name) == 0 && (allowed & names[i].f)) {
			*out = names[i].f;
			return true;
		}
	}
	return false;
}

bool cli_parse_int(const char *s, long min, long max, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < min || v > max)
		return false;
	*out = v;
	return true;
}

/*
 * True when argv asks for help before any "--" and before any other option:
 * after an option, a "--help" may be its value ("--comment --help"), which
 * only the command's getopt can tell; it handles --help itself.
 */
static bool wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return true;
		if (argv[i][0] == '-' && argv[i][1])
			return false;
	}
	return false;
}

static int run_command(struct cli *c, const struct command *cmd, int argc, char **argv)
{
	char *actor;
	int rc;

	if (wants_help(argc, argv)) {
		cli_print_help(cmd, stdout);
		return EXIT_OK;
	}
	actor = pd_strdup(access_login());	/* cli_open() names the role once the file is open */
	audit_set_actor(actor);
	free(actor);
	optind = 0;	/* glibc: full re-initialisation of getopt for the command's own options */
	opterr = 0;
	rc = cmd->run(c, argc, argv);
	audit_set_actor(NULL);
	return rc;
}

int cli_main(int argc, char **argv)
{
	struct cli c = { 0 };
	const char *env = getenv("PODIUM_DB");
	int i = 0;

	c.db_path = env && env[0] ? env : "podium.db";
	for (; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i];

		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			print_main_help(stdout);
			return EXIT_OK;
		} else if (strcmp(a, "--version") == 0) {
			out_printf(stdout, "podium %s\n", PACKAGE_VERSION);
			return EXIT_OK;
		} else if (strcmp(a, "--db") == 0) {
			if (++i >= argc)
				return cli_usage(NULL, _("option '--db' needs a file"));
			c.db_path = argv[i];
		} else if (strncmp(a, "--db=", 5) == 0) {
			c.db_path = a + 5;
		} else if (strcmp(a, "--") == 0) {
			i++;
			break;
		} else {
			return cli_usage(NULL, _("unknown option '%s'"), a);
		}
	}
	if (!c.db_path[0])
		return cli_usage(NULL, _("the event file name is empty"));
	if (i >= argc) {
		char *tui_argv[] = { "tui", NULL };

		return run_command(&c, cli_command("tui"), 1, tui_argv);
	}
	if (strcmp(argv[i], "help") == 0) {
		const struct command *cmd;

		if (i + 1 >= argc) {
			print_main_help(stdout);
			return EXIT_OK;
		}
		cmd = cli_command(argv[i + 1]);
		if (!cmd)
			return cli_usage(NULL, _("no command '%s'"), argv[i + 1]);
		cli_print_help(cmd, stdout);
		return EXIT_OK;
	}
	{
		const struct command *cmd = cli_command(argv[i]);

		if (!cmd)
			return cli_usage(NULL, _("no command '%s'"), argv[i]);
		return run_command(&c, cmd, argc - i, argv + i);
	}
}
