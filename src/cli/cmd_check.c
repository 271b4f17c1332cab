#include "config.h"

#include <stdlib.h>

#include "commands.h"
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
	out_printf(stdout, _("ok: %lld teams, %lld judges, %lld sheets, %lld audit rows, hash chain intact\n"),
	       (long long)sum.teams, (long long)sum.judges, (long long)sum.sheets, (long long)sum.audit_rows);
	return EXIT_OK;
}
