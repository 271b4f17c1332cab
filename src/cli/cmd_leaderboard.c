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
#include "podium/results.h"
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

/* The method's name, as the command line writes it. */
static const char *method_word(enum rank_method m)
{
	return m == RANK_NORMALIZED ? "normalized" : "raw";
}


/* Rank and score cells: the score shows for every team with a counted sheet (pending ones too). */
static void score_cells(const struct rank_row *row, int decimals, char rank[16], char score[64], const char *none)
{
	snprintf(rank, 16, "%s", "");
	snprintf(score, 64, "%s", none);
	if (row->rank)
		snprintf(rank, 16, "%d", row->rank);
	if (row->judges)
		format_score(score, 64, row->score, decimals);
}

static void print_csv(const struct ranking *r, int decimals)
{
	static const char *const header[] = { "rank", "team", "score", "judges", "tied", "status" };
	static const bool number[] = { true, false, true, true, false, false };

	csv_write_row(stdout, header, PD_ARRAY_LEN(header));
	for (size_t i = 0; i < r->count; i++) {
		const struct rank_row *row = &r->rows[i];
		char rank[16], score[64], judges[16];
		const char *cells[] = { rank, row->team, score, judges, row->tied ? "yes" : "", rank_status_name(row->status) };

		score_cells(row, decimals, rank, score, "");
		snprintf(judges, sizeof(judges), "%d", row->judges);
		csv_write_typed_row(stdout, cells, PD_ARRAY_LEN(cells), number);
	}
}

/* What the table says of a team beyond its rank: tied, or why it has none. */
static void note_cell(const struct rank_row *row, int min_judges, char *buf, size_t n)
{
	if (row->status == RANK_RANKED)
		snprintf(buf, n, "%s", row->tied ? _("tied") : "");
	else if (row->status == RANK_PENDING)
		snprintf(buf, n, P_("pending: %d of %d judge", "pending: %d of %d judges", min_judges), row->judges,
			 min_judges);
	else
		snprintf(buf, n, "%s", _("no counted sheet"));
}

/* For people: teams without a counted sheet show "-" for their scores (and no rank). */
static void print_table(const struct ranking *r, int min_judges)
{
	static const char *const raw_headers[] = { N_("#"), N_("team"), N_("score"), N_("judges"), N_("note") };
	static const char *const normalized_headers[] = { N_("#"), N_("team"), N_("score"), N_("judges"),
							  N_("raw #"), N_("raw score"), N_("note") };
	bool normalized = r->method == RANK_NORMALIZED;
	size_t ncols = normalized ? 7 : 5;
	struct table *t = table_new(ncols, normalized ? normalized_headers : raw_headers);

	table_align_right(t, 0);
	for (size_t c = 2; c < ncols - 1; c++)
		table_align_right(t, c);
	for (size_t i = 0; i < r->count; i++) {
		const struct rank_row *row = &r->rows[i];
		char rank[16], score[64], judges[16], raw_rank[16] = "", raw_score[64] = "-", note[96];
		const char *raw_cells[] = { rank, row->team, score, judges, note };
		const char *normalized_cells[] = { rank, row->team, score, judges, raw_rank, raw_score, note };

		score_cells(row, normalized ? 3 : 2, rank, score, "-");
		if (row->raw_rank)
			snprintf(raw_rank, sizeof(raw_rank), "%d", row->raw_rank);
		if (row->judges)
			format_score(raw_score, sizeof(raw_score), row->raw_score, 2);
		snprintf(judges, sizeof(judges), "%d", row->judges);
		note_cell(row, min_judges, note, sizeof(note));
		table_add_row(t, normalized ? normalized_cells : raw_cells);
	}
	table_print(t, stdout, 80);
	table_free(t);
}

/* One object per team, each made by SQLite's json_object(), in a JSON array. */
static enum status print_json(struct store *st, const struct ranking *r)
{
	out_puts(stdout, r->count ? "[\n" : "[]\n");
	for (size_t i = 0; i < r->count; i++) {
		char *json;
		enum status s = ranking_row_json(st, r, i, &json);

		if (s != ST_OK)
			return s;
		out_json(stdout, "  %s%s\n", json, i + 1 < r->count ? "," : "");
		free(json);
	}
	if (r->count)
		out_puts(stdout, "]\n");
	return ST_OK;
}

/* --explain: every sheet of the team, its total, its z and whether it counts. */
static enum status print_explanation(struct store *st, const char *team_id, enum format format)
{
	static const char *const headers[] = { N_("judge"), N_("total"), N_("z"), N_("counts") };
	static const char *const csv_header[] = { "judge", "total", "z", "counts" };
	struct explanation e;
	struct table *t;
	enum status s = results_explain(st, team_id, &e);

	if (s != ST_OK)
		return s;
	t = table_new(4, format == FORMAT_CSV ? csv_header : headers);
	table_align_right(t, 1);
	table_align_right(t, 2);
	for (size_t i = 0; i < e.count; i++) {
		const struct explained_sheet *sh = &e.sheets[i];
		char total[32] = "", z[32] = "";
		const char *cells[] = { sh->judge, total, z, sh->verdict == VERDICT_COUNTS ? "yes" : sheet_verdict_name(sh->verdict) };

		if (sh->complete)
			format_score(total, sizeof(total), sh->total, 2);
		if (sh->verdict == VERDICT_COUNTS)
			format_score(z, sizeof(z), clean_zero(sh->z), 3);
		table_add_row(t, cells);
	}
	if (format == FORMAT_CSV) {
		table_print_csv(t, stdout);
	} else {
		char score[64] = "-";

		if (e.row.judges)
			format_score(score, sizeof(score), e.row.score, e.method == RANK_NORMALIZED ? 3 : 2);
		if (e.calibration)
			out_printf(stdout, _("%s is the calibration pitch: its sheets count nowhere.\n"), e.row.team);
		else if (e.row.status == RANK_RANKED)
			out_printf(stdout, P_("%s: rank %d, %s score %s from %d judge.\n", "%s: rank %d, %s score %s from %d judges.\n",
				  e.row.judges),
			       e.row.team, e.row.rank, method_word(e.method), score, e.row.judges);
		else if (e.row.status == RANK_PENDING)
			out_printf(stdout, P_("%s: pending, %s score %s from %d judge, fewer than the policy's minimum.\n",
				  "%s: pending, %s score %s from %d judges, fewer than the policy's minimum.\n",
				  e.row.judges),
			       e.row.team, method_word(e.method), score, e.row.judges);
		else
			out_printf(stdout, _("%s: no counted sheet yet.\n"), e.row.team);
		if (e.row.tied)
			out_printf(stdout, "%s\n", _("It shares its rank with another team: the tie-break chain leaves them level."));
		if (e.count)
			table_print(t, stdout, 80);
	}
	table_free(t);
	explanation_clear(&e);
	return ST_OK;
}

int cmd_leaderboard(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "track", required_argument, NULL, 't' },
		{ "method", required_argument, NULL, 'm' },
		{ "format", required_argument, NULL, 'f' },
		{ "explain", required_argument, NULL, 'x' },
		CLI_COMMON_OPTIONS,
		{ 0 },
	};
	struct rank_request req = { 0 };
	struct results_policy policy;
	enum format format = FORMAT_TABLE;
	const char *track = NULL, *explain = NULL;
	char track_id[ID_LEN + 1], team_id[ID_LEN + 1];
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
		case 'x':
			explain = optarg;
			break;
		case 'm':
			req.override_method = true;
			if (strcmp(optarg, "raw") == 0)
				req.method = RANK_RAW;
			else if (strcmp(optarg, "normalized") == 0)
				req.method = RANK_NORMALIZED;
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
	if (explain && (track || req.override_method || format == FORMAT_JSON))
		return cli_usage("leaderboard", _("--explain takes no --track, --method or --format json"));

	s = cli_open(c, &st);
	if (s != ST_OK)
		return cli_fail(s);
	if (explain) {
		s = record_find(st, KIND_TEAM, explain, team_id, NULL);
		if (s == ST_OK)
			s = print_explanation(st, team_id, format);
		store_close(st);
		if (s != ST_OK)
			return cli_fail(s);
		return fflush(stdout) == 0 ? EXIT_OK : cli_fail(status_error(ST_IO, _("cannot write the output")));
	}
	if (track)
		s = record_find(st, KIND_TRACK, track, track_id, NULL);
	req.track_id = track ? track_id : NULL;
	if (s == ST_OK)
		s = ranking_policy(st, &policy);
	if (s == ST_OK)
		s = ranking_compute(st, &req, &r);
	if (s == ST_OK) {
		if (format == FORMAT_CSV)
			print_csv(&r, r.method == RANK_NORMALIZED ? 3 : 2);
		else if (format == FORMAT_JSON)
			s = print_json(st, &r);
		else
			print_table(&r, policy.min_judges);
	}
	ranking_clear(&r);
	store_close(st);
	if (s != ST_OK)
		return cli_fail(s);
	return fflush(stdout) == 0 ? EXIT_OK : cli_fail(status_error(ST_IO, _("cannot write the output")));
}
