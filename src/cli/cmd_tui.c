#include "config.h"

#include <string.h>

#include "commands.h"

/* True when --help is one of the console's options, not the value of another ("--as --help"). */
static bool console_wants_help(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "role", required_argument, NULL, 'r' },
		{ "as", required_argument, NULL, 'a' },
		{ "theme", required_argument, NULL, 't' },
		{ "db", required_argument, NULL, 'D' },
		{ "script", required_argument, NULL, 'S' },
		{ "large", no_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 },
	};
	bool help = false;
	int opt;

	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":h", longopts, NULL)) != -1)
		if (opt == 'h')
			help = true;
	optind = 0;
	return help;
}

int cmd_tui(struct cli *c, int argc, char **argv)
{
	if (console_wants_help(argc, argv)) {
		cli_print_help(cli_command("tui"), stdout);
		return EXIT_OK;
	}
	return cli_run_console(c, argc, argv);
}
