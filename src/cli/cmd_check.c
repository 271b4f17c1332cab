#include "config.h"

#include <stdlib.h>

#include "commands.h"
#include "podium/access.h"
#include "podium/check.h"
#include "podium/i18n.h"
#include "podium/out.h"
#include "podium/store.h"
#include "podium/text.h"

/* One problem a line on stdout, sanitised: it may quote names from users. */
static void print_problem(void *ctx, const char *problem)
{
	char *line = text_sanitize(problem);

	out_printf(ctx, "%s\n", line);
	free(line);
}

/* What the chain proves, in one line, and what it cannot. */
static void print_chain(const struct audit_report *a)
{
	long long rows = (long long)a->rows;

	if (a->has_key && a->unsealed && a->forms[AUDIT_FORM_KEYED])
		out_printf(stdout, P_("audit chain: %lld rows, keyed and intact; the last %lld was written by an account without "
			  "the key and is sealed by the next keyed row\n",
			  "audit chain: %lld rows, keyed and intact; the last %lld were written by accounts without "
			  "the key and are sealed by the next keyed row\n", a->unsealed),
		       rows, (long long)a->unsealed);
	else if (a->has_key)
		out_printf(stdout, _("audit chain: %lld rows, keyed and intact\n"), rows);
	else if (a->forms[AUDIT_FORM_KEYED])
		out_printf(stdout, _("audit chain: %lld rows, links intact\n"
			 "check: the audit key of this event is not readable by %s: the chain's links hold, but an edit "
			 "by someone with write access cannot be ruled out\n"),
		       rows, access_login());
	else
		out_printf(stdout, _("audit chain: %lld rows, unkeyed (no key for this event): its links hold, but anyone with "
			 "write access could have rewritten it\n"),
		       rows);
}

static void print_replay(const struct check_summary *sum)
{
	if (sum->unreplayable)
		out_printf(stdout, P_("replay: %lld sheets match the audit log; %lld sheet written by an older podium cannot be "
			  "replayed\n",
			  "replay: %lld sheets match the audit log; %lld sheets written by an older podium cannot be "
			  "replayed\n", sum->unreplayable),
		       (long long)sum->replayed, (long long)sum->unreplayable);
	else
		out_printf(stdout, P_("replay: %lld sheet matches the audit log\n", "replay: %lld sheets match the audit log\n",
			  sum->replayed),
		       (long long)sum->replayed);
}

static void print_head(const struct audit_report *a)
{
	if (a->head_present && a->head_elsewhere)
		out_printf(stdout, _("head: this file is a copy of the event (the head is kept for its original file): a copy "
			 "may be older, so its end is not compared\n"));
	else if (a->head_present)
		out_printf(stdout, _("head: the log still holds row %lld, the last one this account wrote\n"),
		       (long long)a->head_seq);
	else
		out_printf(stdout, _("head: this account has written no keyed row yet\n"));
}

int cmd_check(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {CLI_COMMON_OPTIONS, {0}};
	struct check_summary sum;
	struct store *st;
	enum status s;
	int opt, rc = EXIT_OK;

	while ((opt = cli_getopt(c, "check", argc, argv, CLI_COMMON_SHORT, longopts, &rc)) != -1)
		if (opt == -2)
			return rc;
	if (optind < argc)
		return cli_usage("check", _("unexpected argument '%s'"), argv[optind]);
	s = cli_open(c, &st);
	if (s != ST_OK)
		return cli_fail(s);
	s = check_run(st, print_problem, stdout, &sum);
	store_close(st);
	fflush(stdout);
	if (s != ST_OK)
		return cli_fail(s);
	print_chain(&sum.audit);
	print_replay(&sum);
	if (sum.audit.has_key)
		print_head(&sum.audit);
	out_printf(stdout, _("ok: %lld teams, %lld judges, %lld sheets, %lld audit rows\n"), (long long)sum.teams,
		   (long long)sum.judges, (long long)sum.sheets, (long long)sum.audit_rows);
	return EXIT_OK;
}
