#include "config.h"

#include "commands.h"

int cmd_schedule(struct cli *c, int argc, char **argv)
{
	(void)c;
	(void)argc;
	(void)argv;
	return cli_fail(status_error(ST_INTERNAL, "'schedule' is not available yet"));
}
