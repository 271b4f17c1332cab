#ifndef PODIUM_CHECK_H
#define PODIUM_CHECK_H

#include <stdint.h>

#include "podium/audit.h"
#include "podium/status.h"

struct store;

/* What a check looked at, for its summary line. */
struct check_summary {
	int64_t teams;
	int64_t judges;
	int64_t sheets;
	int64_t audit_rows;
	struct audit_report audit;	/* what the chain and the head proved */
	int64_t replayed;		/* sheets that match the state the log left them in */
	int64_t unreplayable;		/* sheets last written before the log kept states */
	int problems; /* the number of problems reported */
};

/* Called once per problem with one line of text (names as entered: sanitise before display). */
typedef void (*check_report_fn)(void *ctx, const char *problem);

/*
 * Check the whole event file under one read snapshot: SQLite's integrity and
 * foreign keys, the audit hash chain and head (audit_verify_report()), the replay
 * of the log (every sheet's status and values as its last audit row left them;
 * no sheet gone that the log says exists), every sheet against the rubric (each value
 * a whole number within its criterion's scale, the stored total equal to T(j,t)
 * within 1e-9 when complete and NULL exactly when incomplete, submitted sheets
 * complete), and no sheet for a judge and team in conflict.
 * Each problem goes to report(ctx, text); *out (if not NULL) receives the counts.
 * Returns ST_OK when all is well, ST_CORRUPT (with a message counting the
 * problems) when something was reported.
 */
enum status check_run(struct store *st, check_report_fn report, void *ctx,
		      struct check_summary *out);

#endif
