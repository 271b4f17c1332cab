#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "format.h"
#include "podium/i18n.h"
#include "podium/clock.h"
#include "podium/out.h"
#include "podium/store.h"
#include "podium/timeline.h"

/* The phases as a table (with their kind, pinned ones marked) or as CSV start,end,phase. */
static void print_rows(const struct timeline *t, enum format f)
{
	static const char *const headers[] = { N_("start"), N_("end"), N_("phase"), N_("kind") };
	struct table *tb = table_new(f == FORMAT_CSV ? 3 : 4, headers);

	for (size_t i = 0; i < t->count; i++) {
		const struct phase *p = &t->items[i];
		char start[17], end[17], *kind = pd_asprintf("%s%s", p->kind, p->pinned ? _(" (pinned)") : "");
		const char *cells[] = { start, end, p->name, kind };

		clock_format(p->starts_at, start);
		clock_format(p->ends_at, end);
		table_add_row(tb, cells);
		free(kind);
	}
	if (f == FORMAT_CSV)
		table_print_csv(tb, stdout);
	else if (t->count == 0)
		out_printf(stdout, _("no timeline yet\n"));
	else
		table_print(tb, stdout, 80);
	table_free(tb);
}

struct phase_change {
	const char *verb;	/* "add", "edit", "delete" */
	const char *target;	/* the phase to edit or delete */
	struct phase_edit o;
	char *done;		/* what to print after */
};

static enum status apply_change(struct store *st, struct phase_change *pc)
{
	char *name = NULL;
	enum status s;

	if (strcmp(pc->verb, "add") == 0) {
		struct phase_spec spec = { pc->o.name, pc->o.kind, pc->o.start,
					   pc->o.has_end ? pc->o.end : pc->o.start, pc->o.pinned };

		s = timeline_set(st, NULL, &spec, NULL);
		if (s == ST_OK)
			pc->done = pd_asprintf(_("added '%s' to the timeline"), pc->o.name);
		return s;
	}
	if (strcmp(pc->verb, "delete") == 0) {
		s = timeline_remove(st, pc->target, &name);
		if (s == ST_OK)
			pc->done = pd_asprintf(_("deleted '%s' from the timeline"), name);
	} else {
		s = timeline_edit(st, pc->target, &pc->o, &name);
		if (s == ST_OK)
			pc->done = pd_asprintf(_("changed '%s' in the timeline"), name);
	}
	free(name);
	return s;
}

static int change_phase(struct cli *c, struct phase_change *pc)
{
	struct store *st;
	enum status s;

	if (strcmp(pc->verb, "add") == 0 && (!pc->o.name || !pc->o.has_start))
		return cli_usage("timeline", _("timeline add needs a NAME and --start \"YYYY-MM-DD HH:MM\""));
	if (strcmp(pc->verb, "add") != 0 && !pc->target)
		return cli_usage("timeline", _("timeline %s needs the phase's name"), pc->verb);
	s = cli_open_as(c, &st, PERM_ORGANIZER, _("change the timeline"));
	if (s == ST_OK)
		s = apply_change(st, pc);
	store_close(st);
	if (s != ST_OK) {
		free(pc->done);
		return cli_fail(s);
	}
	out_printf(stdout, "%s\n", pc->done);
	free(pc->done);
	return EXIT_OK;
}

static int show_timeline(struct cli *c, enum format f)
{
	struct timeline t;
	struct store *st;
	enum status s = cli_open(c, &st);

	if (s != ST_OK)
		return cli_fail(s);
	if (f == FORMAT_JSON) {
		char *doc = NULL;

		s = timeline_json(st, &doc);
		if (s == ST_OK)
			out_json(stdout, "%s\n", doc);
		free(doc);
	} else {
		s = timeline_load(st, &t);
		if (s == ST_OK)
			print_rows(&t, f);
		timeline_clear(&t);
	}
	store_close(st);
	return s == ST_OK ? EXIT_OK : cli_fail(s);
}

int cmd_timeline(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "name", required_argument, NULL, 'n' },
		{ "kind", required_argument, NULL, 'k' },
		{ "start", required_argument, NULL, 's' },
		{ "end", required_argument, NULL, 'e' },
		{ "pinned", no_argument, NULL, 'p' },
		{ "unpinned", no_argument, NULL, 'u' },
		CLI_COMMON_OPTIONS,
		{ 0 },
	};
	struct phase_change pc = { 0 };
	enum format f = FORMAT_TABLE;
	int opt, rc = EXIT_OK;

	while ((opt = cli_getopt(c, "timeline", argc, argv, CLI_COMMON_SHORT, longopts, &rc)) != -1) {
		switch (opt) {
		case -2:
			return rc;
		case 'f':
			if (!cli_parse_format(optarg, FORMAT_TABLE | FORMAT_CSV | FORMAT_JSON, &f))
				return cli_usage("timeline", _("--format takes table, csv or json, not '%s'"), optarg);
			break;
		case 'n':
			pc.o.name = optarg;
			break;
		case 'k':
			pc.o.kind = optarg;
			break;
		case 's':
		case 'e':
			if (!clock_parse(optarg, opt == 's' ? &pc.o.start : &pc.o.end))
				return cli_usage("timeline", _("--%s takes \"YYYY-MM-DD HH:MM\", not '%s'"),
						 opt == 's' ? "start" : "end", optarg);
			*(opt == 's' ? &pc.o.has_start : &pc.o.has_end) = true;
			break;
		case 'p':
		case 'u':
			pc.o.has_pinned = true;
			pc.o.pinned = opt == 'p';
			break;
		}
	}
	if (optind == argc)
		return show_timeline(c, f);
	pc.verb = argv[optind++];
	if (strcmp(pc.verb, "add") && strcmp(pc.verb, "edit") && strcmp(pc.verb, "delete"))
		return cli_usage("timeline", _("unexpected argument '%s'"), pc.verb);
	if (optind < argc) {
		if (strcmp(pc.verb, "add") == 0 && !pc.o.name)
			pc.o.name = argv[optind++];
		else if (strcmp(pc.verb, "add") != 0)
			pc.target = argv[optind++];
	}
	if (optind < argc)
		return cli_usage("timeline", _("unexpected argument '%s'"), argv[optind]);
	return change_phase(c, &pc);
}
