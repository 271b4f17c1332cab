#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "format.h"
#include "podium/i18n.h"
#include "podium/out.h"
#include "podium/ranking.h"
#include "podium/record.h"
#include "podium/store.h"

/* A score as shown: decimals places, and never "-0.000" for a score that rounds to zero. */
static void format_score(char *buf, size_t size, double score, int decimals)
{
	snprintf(buf, size, "%.*f", decimals, score);
	if (buf[0] == '-' && strspn(buf + 1, "0.") == strlen(buf + 1))
		memmove(buf, buf + 1, strlen(buf));
}

/* Float noise around zero (a mean of z-scores) and -0 print as 0 in JSON. */
static double clean_zero(double x)
{
	return fabs(x) < RANKING_SD_EPSILON ? 0.0 : x;
}

static void print_csv(const struct ranking *r, int decimals)
{
	static const char *const header[] = { "rank", "team", "score", "judges" };
	static const bool number[] = { true, false, true, true };

	csv_write_row(stdout, header, PD_ARRAY_LEN(header));
	for (size_t i = 0; i < r->count; i++) {
		const struct rank_row *row = &r->rows[i];
		char rank[16] = "", score[64] = "", judges[16];
		const char *cells[] = { rank, row->team, score, judges };

		if (row->rank) {
			snprintf(rank, sizeof(rank), "%d", row->rank);
			format_score(score, sizeof(score), row->score, decimals);
		}
		snprintf(judges, sizeof(judges), "%d", row->judges);
		csv_write_typed_row(stdout, cells, PD_ARRAY_LEN(cells), number);
	}
}

/* For people: unranked teams show "-" for their scores (and no rank). */
static void print_table(const struct ranking *r, enum rank_method method)
{
	static const char *const headers[] = { N_("#"), N_("team"), N_("score"), N_("judges"), N_("raw #"), N_("raw score") };
	size_t ncols = method == RANK_NORMALIZED ? 6 : 4;
	int decimals = method == RANK_NORMALIZED ? 3 : 2;
	struct table *t = table_new(ncols, headers);

	table_align_right(t, 0);
	for (size_t c = 2; c < ncols; c++)
		table_align_right(t, c);
	for (size_t i = 0; i < r->count; i++) {
		const struct rank_row *row = &r->rows[i];
		char rank[16] = "", score[64] = "-", judges[16], raw_rank[16] = "", raw_score[64] = "-";
		const char *cells[] = { rank, row->team, score, judges, raw_rank, raw_score };

		if (row->rank) {
			snprintf(rank, sizeof(rank), "%d", row->rank);
			format_score(score, sizeof(score), row->score, decimals);
		}
		if (row->raw_rank) {
			snprintf(raw_rank, sizeof(raw_rank), "%d", row->raw_rank);
			format_score(raw_score, sizeof(raw_score), row->raw_score, 2);
		}
		snprintf(judges, sizeof(judges), "%d", row->judges);
		table_add_row(t, cells);
	}
	table_print(t, stdout, 80);
	table_free(t);
}

/* One object per team, each made by SQLite's json_object(), in a JSON array. */
static enum status print_json(struct store *st, const struct ranking *r, enum rank_method method)
{
	bool normalized = method == RANK_NORMALIZED;

	out_puts(stdout, r->count ? "[\n" : "[]\n");
	for (size_t i = 0; i < r->count; i++) {
		const struct rank_row *row = &r->rows[i];
		struct query *q = store_query(st, normalized ? STMT_RANKING_ROW_JSON_NORMALIZED
							      : STMT_RANKING_ROW_JSON);
		char *json;
		enum status s;

		if (row->rank) {
			query_bind_int(q, "$rank", row->rank);
			query_bind_double(q, "$score", clean_zero(row->score));
		}
		query_bind_text(q, "$team", row->team);
		query_bind_text(q, "$team_id", row->team_id);
		query_bind_int(q, "$judges", row->judges);
		if (normalized && row->raw_rank) {
			query_bind_int(q, "$raw_rank", row->raw_rank);
			query_bind_double(q, "$raw_score", clean_zero(row->raw_score));
		}
		s = query_first_text(q, &json);
		if (s != ST_OK)
			return s;
		out_json(stdout, "  %s%s\n", json, i + 1 < r->count ? "," : "");
		free(json);
	}
	if (r->count)
		out_puts(stdout, "]\n");
	return ST_OK;
}

int cmd_leaderboard(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "track", required_argument, NULL, 't' },
		{ "method", required_argument, NULL, 'm' },
		{ "format", required_argument, NULL, 'f' },
		CLI_COMMON_OPTIONS,
		{ 0 },
	};
	enum rank_method method = RANK_RAW;
	enum format format = FORMAT_TABLE;
	const char *track = NULL;
	char track_id[ID_LEN + 1];
	struct ranking r = { 0 };
	struct store *st;
	enum status s;
	int opt, rc = EXIT_OK;

	while ((opt = cli_getopt(c, "leaderboard", argc, argv, CLI_COMMON_SHORT, longopts, &rc)) != -1) {
		switch (opt) {
		case -2:
			return rc;
		case 't':
			track = optarg;
			break;
		case 'm':
			if (strcmp(optarg, "raw") == 0)
				method = RANK_RAW;
			else if (strcmp(optarg, "normalized") == 0)
				method = RANK_NORMALIZED;
			else
				return cli_usage("leaderboard", _("--method takes raw or normalized, not '%s'"), optarg);
			break;
		case 'f':
			if (!cli_parse_format(optarg, FORMAT_TABLE | FORMAT_CSV | FORMAT_JSON, &format))
				return cli_usage("leaderboard", _("--format takes table, csv or json, not '%s'"), optarg);
			break;
		}
	}
	if (optind < argc)
		return cli_usage("leaderboard", _("unexpected argument '%s'"), argv[optind]);

	s = cli_open(c, &st);
	if (s != ST_OK)
		return cli_fail(s);
	if (track)
		s = record_find(st, KIND_TRACK, track, track_id, NULL);
	if (s == ST_OK)
		s = ranking_compute(st, method, track ? track_id : NULL, &r);
	if (s == ST_OK) {
		if (format == FORMAT_CSV)
			print_csv(&r, method == RANK_NORMALIZED ? 3 : 2);
		else if (format == FORMAT_JSON)
			s = print_json(st, &r, method);
		else
			print_table(&r, method);
	}
	ranking_clear(&r);
	store_close(st);
	if (s != ST_OK)
		return cli_fail(s);
	return fflush(stdout) == 0 ? EXIT_OK : cli_fail(status_error(ST_IO, _("cannot write the output")));
}
