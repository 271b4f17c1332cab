#include "config.h"

#include "cli/cli.h"
#include "podium/i18n.h"
#include "tui/tui.h"

int main(int argc, char **argv)
{
	i18n_init();
	cli_set_console(tui_main);
	return cli_main(argc - 1, argv + 1);
}
