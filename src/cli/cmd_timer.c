#include "config.h"

#include "commands.h"

int cmd_timer(struct cli *c, int argc, char **argv)
{
	(void)c;
	(void)argc;
	(void)argv;
	return cli_fail(status_error(ST_INTERNAL, "'timer' is not available yet"));
}
