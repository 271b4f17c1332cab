#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "podium/access.h"
#include "podium/bundle.h"
#include "podium/i18n.h"
#include "podium/out.h"
#include "podium/site.h"
#include "podium/store.h"

/* podium site join --site NAME --hub-key KEY */
static int site_join_cmd(struct cli *c, const char *name, const char *hub_key)
{
	struct store *st;
	char *key = NULL;
	enum status s;

	if (!name || !hub_key)
		return cli_usage("site", _("site join needs --site NAME and --hub-key KEY"));
	if ((s = cli_open_as(c, &st, PERM_ORGANIZER, _("join a hub"))) != ST_OK)
		return cli_fail(s);
	s = site_join(st, name, hub_key, &key);
	store_close(st);
	if (s != ST_OK)
		return cli_fail(s);
	out_printf(stdout, "%s\n", key);
	free(key);
	return EXIT_OK;
}

/* A bundle is bytes: never poured onto a terminal. */
static bool refuse_terminal(const char *output)
{
	return strcmp(output, "-") == 0 && isatty(STDOUT_FILENO);
}

static int site_export_cmd(struct cli *c, const char *output)
{
	unsigned char *data = NULL;
	int64_t first = 0, last = 0;
	struct store *st;
	size_t len = 0;
	enum status s;

	if (refuse_terminal(output))
		return cli_usage("site", _("a bundle is not for a terminal; write it with -o FILE, or pipe it"));
	if ((s = cli_open_as(c, &st, PERM_ORGANIZER, _("export the site's bundle"))) != ST_OK)
		return cli_fail(s);
	s = site_export(st, &data, &len, &first, &last);
	store_close(st);
	if (s == ST_OK)
		s = bundle_write_file(output, data, len);
	free(data);
	if (s != ST_OK)
		return cli_fail(s);
	if (strcmp(output, "-") == 0)
		return EXIT_OK;
	if (last < first)
		out_printf(stdout, _("wrote %s: no change since the hub's last acknowledgement\n"), output);
	else
		out_printf(stdout, _("wrote %s: changes %lld to %lld\n"), output, (long long)first, (long long)last);
	return EXIT_OK;
}

static int site_apply_cmd(struct cli *c, int nfiles, char **files)
{
	struct store *st;
	enum status s;
	int rc = EXIT_OK;

	if (nfiles == 0)
		return cli_usage("site", _("site apply needs a bundle FILE ('-' reads standard input)"));
	if ((s = cli_open_as(c, &st, PERM_ORGANIZER, _("apply the hub's bundles"))) != ST_OK)
		return cli_fail(s);
	for (int i = 0; i < nfiles; i++) {
		unsigned char *data = NULL;
		size_t len = 0;
		int64_t ack = 0;
		bool changed = false;

		s = bundle_read_file(files[i], &data, &len);
		if (s == ST_OK)
			s = site_apply(st, data, len, &ack, &changed);
		free(data);
		if (s != ST_OK) {
			out_printf(stderr, "podium: %s: %s\n", files[i], status_message(s));
			rc = EXIT_FAIL;
		} else if (changed) {
			out_printf(stdout, _("%s: the hub holds this site's changes up to %lld\n"), files[i], (long long)ack);
		} else {
			out_printf(stdout, _("%s: nothing new (the hub holds changes up to %lld)\n"), files[i],
				   (long long)ack);
		}
	}
	store_close(st);
	return rc;
}

/* podium site join|export|apply */
int cmd_site(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "site", required_argument, NULL, 's' },
		{ "hub-key", required_argument, NULL, 'k' },
		{ "output", required_argument, NULL, 'o' },
		CLI_COMMON_OPTIONS,
		{ 0 },
	};
	const char *name = NULL, *hub_key = NULL, *output = "-";
	int opt, rc = EXIT_OK;

	while ((opt = cli_getopt(c, "site", argc, argv, CLI_COMMON_SHORT "o:", longopts, &rc)) != -1) {
		switch (opt) {
		case -2:
			return rc;
		case 's':
			name = optarg;
			break;
		case 'k':
			hub_key = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		}
	}
	if (optind >= argc)
		return cli_usage("site", _("site takes join, export or apply"));
	if (strcmp(argv[optind], "join") == 0 && optind + 1 == argc)
		return site_join_cmd(c, name, hub_key);
	if (strcmp(argv[optind], "export") == 0 && optind + 1 == argc)
		return site_export_cmd(c, output);
	if (strcmp(argv[optind], "apply") == 0)
		return site_apply_cmd(c, argc - optind - 1, argv + optind + 1);
	return cli_usage("site", _("site takes join, export or apply, not '%s'"), argv[optind]);
}
