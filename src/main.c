#include "config.h"

#include <locale.h>

#include "cli/cli.h"
#include "tui/tui.h"

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	cli_set_console(tui_main);
	return cli_main(argc - 1, argv + 1);
}
