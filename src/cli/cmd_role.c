#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "list_view.h"
#include "podium/access.h"
#include "podium/i18n.h"
#include "podium/out.h"
#include "podium/store.h"

static const struct list_view roles_view = {
    .name = "roles",
    .empty = N_("no role granted yet: the file's owner is its organizer"),
    .kind = LIST_ROLES,
    .ncols = 4,
    .columns = {N_("unix_user"), N_("role"), N_("granted_at"), N_("granted_by")},
};

static int role_list(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"format", required_argument, NULL, 'f'},
	    CLI_COMMON_OPTIONS,
	    {0},
	};
	enum format f = FORMAT_TABLE;
	struct store *st;
	enum status s;
	int opt, rc = EXIT_OK;

	while ((opt = cli_getopt(c, "role", argc, argv, CLI_COMMON_SHORT, longopts, &rc)) != -1) {
		switch (opt) {
		case -2:
			return rc;
		case 'f':
			if (!cli_parse_format(optarg, FORMAT_TABLE | FORMAT_CSV | FORMAT_JSON, &f))
				return cli_usage("role", _("--format takes table, csv or json, not '%s'"), optarg);
			break;
		}
	}
	if (optind < argc)
		return cli_usage("role", _("unexpected argument '%s'"), argv[optind]);
	s = cli_open(c, &st);
	if (s != ST_OK)
		return cli_fail(s);
	s = list_view_print(st, &roles_view, f);
	store_close(st);
	return s == ST_OK ? EXIT_OK : cli_fail(s);
}

static int role_change(struct cli *c, int argc, char **argv, bool revoke)
{
	static const struct option longopts[] = {CLI_COMMON_OPTIONS, {0}};
	const char *user, *role;
	struct store *st;
	enum status s;
	int opt, rc = EXIT_OK;

	while ((opt = cli_getopt(c, "role", argc, argv, CLI_COMMON_SHORT, longopts, &rc)) != -1)
		if (opt == -2)
			return rc;
	if (argc - optind != 2)
		return cli_usage("role", revoke ? _("role revoke needs USER and ROLE") : _("role grant needs USER and ROLE"));
	user = argv[optind];
	role = argv[optind + 1];
	if (strcmp(role, "organizer") != 0 && strcmp(role, "timekeeper") != 0)
		return cli_usage("role", _("no role '%s': organizer or timekeeper"), role);
	s = cli_open(c, &st);
	if (s != ST_OK)
		return cli_fail(s);
	s = revoke ? role_revoke(st, user, role) : role_grant(st, user, role);
	store_close(st);
	if (s != ST_OK)
		return cli_fail(s);
	if (strcmp(role, "organizer") == 0)
		out_printf(stdout, revoke ? _("%s is no longer an organizer\n") : _("%s is now an organizer\n"), user);
	else
		out_printf(stdout, revoke ? _("%s is no longer a timekeeper\n") : _("%s is now a timekeeper\n"), user);
	return EXIT_OK;
}

int cmd_role(struct cli *c, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage("role", _("role needs grant, revoke or list"));
	if (strcmp(argv[1], "list") == 0)
		return role_list(c, argc - 1, argv + 1);
	if (strcmp(argv[1], "grant") == 0)
		return role_change(c, argc - 1, argv + 1, false);
	if (strcmp(argv[1], "revoke") == 0)
		return role_change(c, argc - 1, argv + 1, true);
	return cli_usage("role", _("no action '%s' for role: grant, revoke or list"), argv[1]);
}
