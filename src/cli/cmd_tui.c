#include "config.h"

#include "commands.h"

int cmd_tui(struct cli *c, int argc, char **argv)
{
	return cli_run_console(c, argc, argv);
}
