#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "format.h"
#include "podium/access.h"
#include "podium/bundle.h"
#include "podium/clock.h"
#include "podium/event.h"
#include "podium/i18n.h"
#include "podium/out.h"
#include "podium/site.h"
#include "podium/store.h"

struct hub_args {
	const char *name, *start, *site, *key, *output, *per_site;
	enum format format;
};

static int hub_init_cmd(struct cli *c, const struct hub_args *a)
{
	struct event_spec spec = { a->name, 0, 48 };
	struct store *st;
	char *key = NULL;
	enum status s;

	if (!a->name)
		return cli_usage("hub", _("hub init needs --name NAME"));
	if (a->start && !clock_parse(a->start, &spec.starts_at))
		return cli_usage("hub", _("--start takes \"YYYY-MM-DD HH:MM\", not '%s'"), a->start);
	if (!a->start)
		spec.starts_at = clock_next_weekday_at(5, 18 * 3600);
	if ((s = store_create(c->db_path, &st)) != ST_OK)
		return cli_fail(s);
	set_creator_actor();
	s = event_create(st, &spec);
	if (s == ST_OK)
		s = hub_init(st, &key);
	store_close(st);
	if (s != ST_OK) {
		int code = cli_fail(s);

		remove(c->db_path);
		return code;
	}
	out_printf(stdout, _("created the hub in %s; give its key to each site: %s\n"), c->db_path, key);
	free(key);
	return EXIT_OK;
}

static int hub_key_cmd(struct cli *c)
{
	struct store *st;
	char *key = NULL;
	enum status s;

	if ((s = cli_open(c, &st)) != ST_OK)
		return cli_fail(s);
	s = hub_public_key(st, &key);
	store_close(st);
	if (s != ST_OK)
		return cli_fail(s);
	out_printf(stdout, "%s\n", key);
	free(key);
	return EXIT_OK;
}

static int hub_add_site_cmd(struct cli *c, int nargs, char **args, const struct hub_args *a)
{
	struct store *st;
	enum status s;

	if (nargs != 1 || !a->key)
		return cli_usage("hub", _("hub add-site takes NAME --key KEY"));
	if ((s = cli_open_as(c, &st, PERM_ORGANIZER, _("add a site"))) != ST_OK)
		return cli_fail(s);
	s = hub_add_site(st, args[0], a->key);
	store_close(st);
	if (s != ST_OK)
		return cli_fail(s);
	out_printf(stdout, _("added the site %s; its bundles go to 'podium hub apply'\n"), args[0]);
	return EXIT_OK;
}

static void print_outcome(const char *file, const struct hub_apply_report *r)
{
	if (r->outcome == HUB_APPLIED)
		out_printf(stdout, _("%s: %s, changes %lld to %lld applied; the hub holds %s up to %lld\n"), file,
			   r->site, (long long)r->first, (long long)r->last, r->site, (long long)r->now_at);
	else if (r->outcome == HUB_DUPLICATE)
		out_printf(stdout, _("%s: %s, nothing new (the hub holds changes up to %lld)\n"), file, r->site,
			   (long long)r->now_at);
	else
		out_printf(stdout, _("%s: %s, changes %lld to %lld kept aside until changes %lld to %lld arrive\n"),
			   file, r->site, (long long)r->first, (long long)r->last, (long long)r->now_at + 1,
			   (long long)r->first - 1);
}

static int hub_apply_cmd(struct cli *c, int nfiles, char **files)
{
	struct store *st;
	enum status s;
	int rc = EXIT_OK;

	if (nfiles == 0)
		return cli_usage("hub", _("hub apply needs a bundle FILE ('-' reads standard input)"));
	if ((s = cli_open_as(c, &st, PERM_ORGANIZER, _("apply the sites' bundles"))) != ST_OK)
		return cli_fail(s);
	for (int i = 0; i < nfiles; i++) {
		struct hub_apply_report r;
		unsigned char *data = NULL;
		size_t len = 0;

		s = bundle_read_file(files[i], &data, &len);
		if (s == ST_OK)
			s = hub_apply(st, data, len, &r);
		free(data);
		if (s != ST_OK) {
			out_printf(stderr, "podium: %s: %s\n", files[i], status_message(s));
			rc = EXIT_FAIL;
		} else {
			print_outcome(files[i], &r);
		}
	}
	store_close(st);
	return rc;
}

static int hub_export_cmd(struct cli *c, const struct hub_args *a)
{
	unsigned char *data = NULL;
	struct store *st;
	size_t len = 0;
	int64_t ack = 0;
	enum status s;

	if (!a->site)
		return cli_usage("hub", _("hub export needs --site NAME"));
	if (strcmp(a->output, "-") == 0 && isatty(STDOUT_FILENO))
		return cli_usage("hub", _("a bundle is not for a terminal; write it with -o FILE, or pipe it"));
	if ((s = cli_open_as(c, &st, PERM_ORGANIZER, _("export the hub's bundle"))) != ST_OK)
		return cli_fail(s);
	s = hub_export(st, a->site, &data, &len, &ack);
	store_close(st);
	if (s == ST_OK)
		s = bundle_write_file(a->output, data, len);
	free(data);
	if (s != ST_OK)
		return cli_fail(s);
	if (strcmp(a->output, "-") != 0)
		out_printf(stdout, _("wrote %s: the hub holds %s's changes up to %lld\n"), a->output, a->site,
			   (long long)ack);
	return EXIT_OK;
}

/* When the mirror last moved, in the event's local time; "" before any bundle. */
static void last_bundle(const struct hub_site_info *info, char out[17])
{
	out[0] = '\0';
	if (info->last_at)
		clock_format(clock_to_local(info->last_at), out);
}

static void print_sites(const struct hub_site_info *items, size_t n, enum format f)
{
	static const char *const headers[] = { N_("site"), N_("bundles"), N_("last"), N_("teams"), N_("sheets"),
					       N_("waiting"), N_("in sync"), N_("last bundle") };
	static const char *const csv_headers[] = { "site", "bundles", "last_seq", "teams", "sheets", "pending",
						   "in_sync", "last_bundle" };
	struct table *t = table_new(PD_ARRAY_LEN(headers), f == FORMAT_CSV ? csv_headers : headers);

	for (size_t c = 1; c < 6; c++)
		table_align_right(t, c);
	for (size_t i = 0; i < n; i++) {
		char cells[5][24], when[17];
		const char *row[8];

		snprintf(cells[0], sizeof(cells[0]), "%lld", (long long)items[i].bundles);
		snprintf(cells[1], sizeof(cells[1]), "%lld", (long long)items[i].last_seq);
		snprintf(cells[2], sizeof(cells[2]), "%lld", (long long)items[i].teams);
		snprintf(cells[3], sizeof(cells[3]), "%lld", (long long)items[i].sheets);
		snprintf(cells[4], sizeof(cells[4]), "%lld", (long long)items[i].pending);
		row[0] = items[i].name;
		for (size_t k = 0; k < 5; k++)
			row[k + 1] = cells[k];
		row[6] = f == FORMAT_CSV ? (items[i].in_sync ? "yes" : "no") : (items[i].in_sync ? _("yes") : _("no"));
		last_bundle(&items[i], when);
		row[7] = when;
		table_add_row(t, row);
	}
	if (f == FORMAT_CSV)
		table_print_csv(t, stdout);
	else
		table_print(t, stdout, 80);
	table_free(t);
}

static void print_sites_json(const struct hub_site_info *items, size_t n, struct store *st);

static int hub_sites_cmd(struct cli *c, const struct hub_args *a)
{
	struct hub_site_info *items = NULL;
	struct store *st;
	size_t n = 0;
	enum status s;

	if ((s = cli_open(c, &st)) != ST_OK)
		return cli_fail(s);
	s = hub_sites(st, &items, &n);
	if (s == ST_OK && a->format == FORMAT_JSON)
		print_sites_json(items, n, st);
	else if (s == ST_OK)
		print_sites(items, n, a->format);
	store_close(st);
	hub_sites_clear(items, n);
	return s == ST_OK ? EXIT_OK : cli_fail(s);
}

/* The leaderboard of one site, exactly as 'podium leaderboard' prints it on the site's own file. */
static int print_site_board(struct cli *c, struct store *st, const char *site, enum format f)
{
	static const char *const words[] = { [FORMAT_TABLE] = "table", [FORMAT_CSV] = "csv", [FORMAT_JSON] = "json" };
	char *name = NULL, *path;
	struct cli mirror = *c;
	enum status s = hub_find_site(st, site, &name);
	int rc;

	if (s != ST_OK)
		return cli_fail(s);
	path = hub_mirror_path(st, name);
	mirror.db_path = path;
	{
		char *argv[] = { "leaderboard", "--format", (char *)words[f], NULL };

		optind = 0;
		rc = cmd_leaderboard(&mirror, 3, argv);
	}
	free(path);
	free(name);
	return rc;
}

static int hub_board_cmd(struct cli *c, const struct hub_args *a)
{
	struct hub_site_info *items = NULL;
	struct store *st;
	size_t n = 0;
	enum status s;
	int rc = EXIT_OK;

	if (!a->site && a->format != FORMAT_TABLE)
		return cli_usage("hub", _("hub board --format csv or json needs --site NAME"));
	if ((s = cli_open(c, &st)) != ST_OK)
		return cli_fail(s);
	if (a->site) {
		rc = print_site_board(c, st, a->site, a->format);
		store_close(st);
		return rc;
	}
	s = hub_sites(st, &items, &n);
	for (size_t i = 0; s == ST_OK && i < n && rc == EXIT_OK; i++) {
		out_printf(stdout, "%s%s\n", i ? "\n" : "", items[i].name);
		fflush(stdout);
		rc = print_site_board(c, st, items[i].name, FORMAT_TABLE);
	}
	store_close(st);
	hub_sites_clear(items, n);
	return s == ST_OK ? rc : cli_fail(s);
}

static int hub_finalists_cmd(struct cli *c, const struct hub_args *a)
{
	struct hub_finalist *items = NULL;
	struct store *st;
	size_t n = 0;
	enum status s;
	long per_site;

	if (!a->per_site || !cli_parse_int(a->per_site, 1, 1000, &per_site))
		return cli_usage("hub", _("hub finalists needs --per-site N, a whole number from 1 to 1000"));
	if ((s = cli_open_as(c, &st, PERM_ORGANIZER, _("choose the finalists"))) != ST_OK)
		return cli_fail(s);
	s = hub_finalists(st, (int)per_site, &items, &n);
	store_close(st);
	if (s != ST_OK)
		return cli_fail(s);
	for (size_t i = 0; i < n; i++)
		out_printf(stdout, _("%s: #%d %s\n"), items[i].site, items[i].site_rank, items[i].team);
	out_printf(stdout, P_("%zu finalist is a team of the hub now; its judges score it with 'podium score'\n",
			      "%zu finalists are teams of the hub now; its judges score them with 'podium score'\n",
			      n), n);
	hub_finalists_clear(items, n);
	return EXIT_OK;
}

static void print_sites_json(const struct hub_site_info *items, size_t n, struct store *st)
{
	out_puts(stdout, n ? "[\n" : "[]\n");
	for (size_t i = 0; i < n; i++) {
		char *json = NULL;

		if (hub_site_json(st, &items[i], &json) == ST_OK)
			out_printf(stdout, "  %s%s\n", json, i + 1 < n ? "," : "");
		free(json);
	}
	if (n)
		out_puts(stdout, "]\n");
}

/* podium hub init|key|add-site|apply|export|sites|board|finalists */
int cmd_hub(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "start", required_argument, NULL, 'S' },
		{ "site", required_argument, NULL, 's' },
		{ "key", required_argument, NULL, 'k' },
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "per-site", required_argument, NULL, 'p' },
		CLI_COMMON_OPTIONS,
		{ 0 },
	};
	struct hub_args a = { .output = "-", .format = FORMAT_TABLE };
	const char *sub;
	int opt, rc = EXIT_OK, nargs;
	char **args;

	while ((opt = cli_getopt(c, "hub", argc, argv, CLI_COMMON_SHORT "o:", longopts, &rc)) != -1) {
		switch (opt) {
		case -2:
			return rc;
		case 'n': a.name = optarg; break;
		case 'S': a.start = optarg; break;
		case 's': a.site = optarg; break;
		case 'k': a.key = optarg; break;
		case 'o': a.output = optarg; break;
		case 'p': a.per_site = optarg; break;
		case 'f':
			if (!cli_parse_format(optarg, FORMAT_TABLE | FORMAT_CSV | FORMAT_JSON, &a.format))
				return cli_usage("hub", _("--format takes table, csv or json, not '%s'"), optarg);
			break;
		}
	}
	if (optind >= argc)
		return cli_usage("hub", _("hub takes init, key, add-site, apply, export, sites, board or finalists"));
	sub = argv[optind];
	args = argv + optind + 1;
	nargs = argc - optind - 1;
	if (strcmp(sub, "apply") == 0)
		return hub_apply_cmd(c, nargs, args);
	if (strcmp(sub, "add-site") == 0)
		return hub_add_site_cmd(c, nargs, args, &a);
	if (nargs > 0)
		return cli_usage("hub", _("unexpected argument '%s'"), args[0]);
	if (strcmp(sub, "init") == 0)
		return hub_init_cmd(c, &a);
	if (strcmp(sub, "key") == 0)
		return hub_key_cmd(c);
	if (strcmp(sub, "export") == 0)
		return hub_export_cmd(c, &a);
	if (strcmp(sub, "sites") == 0)
		return hub_sites_cmd(c, &a);
	if (strcmp(sub, "board") == 0)
		return hub_board_cmd(c, &a);
	if (strcmp(sub, "finalists") == 0)
		return hub_finalists_cmd(c, &a);
	return cli_usage("hub", _("hub takes init, key, add-site, apply, export, sites, board or finalists, not '%s'"),
			 sub);
}
