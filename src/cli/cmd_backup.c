#include "config.h"

#include <sys/stat.h>

#include "commands.h"
#include "podium/i18n.h"
#include "podium/out.h"
#include "podium/store.h"

int cmd_backup(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {CLI_COMMON_OPTIONS, {0}};
	struct store *st;
	struct stat sb;
	const char *dest;
	enum status s;
	int opt, rc = EXIT_OK;

	while ((opt = cli_getopt(c, "backup", argc, argv, CLI_COMMON_SHORT, longopts, &rc)) != -1)
		if (opt == -2)
			return rc;
	if (optind >= argc)
		return cli_usage("backup", _("backup needs a destination file"));
	if (optind + 1 < argc)
		return cli_usage("backup", _("unexpected argument '%s'"), argv[optind + 1]);
	dest = argv[optind];
	if (!dest[0])
		return cli_usage("backup", _("the destination file name is empty"));
	s = cli_open(c, &st);
	if (s != ST_OK)
		return cli_fail(s);
	s = store_backup(st, dest);
	store_close(st);
	if (s != ST_OK)
		return cli_fail(s);
	if (stat(dest, &sb) != 0)
		return cli_fail(
		    status_error(ST_IO, _("the backup '%s' vanished as it was written"), dest));
	out_printf(stdout, _("backed up %s to %s (%lld bytes)\n"), c->db_path, dest, (long long)sb.st_size);
	return EXIT_OK;
}
