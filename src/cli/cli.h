#ifndef PODIUM_CLI_H
#define PODIUM_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

#include "podium/access.h"
#include "podium/common.h"
#include "podium/status.h"

struct store;

/* Exit statuses, as podium(1) documents them. */
enum {
	EXIT_OK = 0,
	EXIT_FAIL = 1,
	EXIT_USAGE = 2,
};

/* What every command gets: the global options. */
struct cli {
	const char *db_path;	/* --db, else $PODIUM_DB, else ./podium.db */
};

typedef int (*cli_fn)(struct cli *c, int argc, char **argv);

struct command {
	const char *name;
	cli_fn run;
	const char *usage;	/* "list teams|judges|... [--format table|csv|json]" */
	const char *summary;	/* one line */
	const char *help;	/* more lines for 'podium help NAME', or NULL */
};

/*
 * The full-screen console lives in src/tui, which the command line never
 * includes: main() hands its entry point over here.
 */
typedef int (*cli_console_fn)(const char *db_path, int argc, char **argv);
void cli_set_console(cli_console_fn fn);
int cli_run_console(struct cli *c, int argc, char **argv);

/* Run the command line (argv after the program name); returns the exit status. */
int cli_main(int argc, char **argv);

/* The commands, for dispatch and help. */
const struct command *cli_command(const char *name);

/* ---- for the commands ---- */

/* Print "podium: " + the status's message to stderr; return its exit status (2 for ST_USAGE, else 1). */
int cli_fail(enum status s);

/* Print "podium: " + the message and a hint to see help for cmd; return EXIT_USAGE. */
int cli_usage(const char *cmd, const char *fmt, ...) PD_PRINTF(2, 3);

/* Print the usage and help of cmd to out. */
void cli_print_help(const struct command *cmd, FILE *out);

/*
 * Options every command takes: --db FILE and --help. Put CLI_COMMON_OPTIONS at
 * the end of a command's long options (before the terminating zero entry), pass
 * CLI_COMMON_SHORT in its short options, and hand unknown option codes to
 * cli_common_option().
 */
#define CLI_OPT_DB 0x1000
#define CLI_COMMON_OPTIONS { "db", required_argument, NULL, CLI_OPT_DB }, \
			   { "help", no_argument, NULL, 'h' }
#define CLI_COMMON_SHORT ":h"

/*
 * Parse options with getopt_long. Handles the common ones itself. Returns the
 * option code, -1 at the end of the options, or -2 after printing a usage error
 * or help (then *exit_status says how to exit).
 */
int cli_getopt(struct cli *c, const char *cmd, int argc, char **argv, const char *shortopts,
	       const struct option *longopts, int *exit_status);

/*
 * Open the event file named by the global options; a missing file is an error.
 * Names the audit actor after the login's role (access.h).
 */
enum status cli_open(struct cli *c, struct store **out);

/*
 * cli_open(), then refuse (closing the file, nothing changed) unless the login
 * may do p: the command for an organizer-only action opens its file with
 *     s = cli_open_as(c, &st, PERM_ORGANIZER, _("change the results policy"));
 * action completes "only an organizer may ...".
 */
enum status cli_open_as(struct cli *c, struct store **out, enum permission p, const char *action);

/* Output formats. */
enum format {
	FORMAT_TABLE = 1 << 0,
	FORMAT_CSV = 1 << 1,
	FORMAT_JSON = 1 << 2,
	FORMAT_ICS = 1 << 3,
};

/* Parse --format's value among allowed (a mask); false (message printed by caller) when not one of them. */
bool cli_parse_format(const char *s, unsigned allowed, enum format *out);

/* Parse a whole decimal int in [min, max]. */
bool cli_parse_int(const char *s, long min, long max, long *out);

#endif
