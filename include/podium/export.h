#ifndef PODIUM_EXPORT_H
#define PODIUM_EXPORT_H

#include "podium/status.h"

struct store;

/*
 * The whole event as one JSON document, from one snapshot: the event, its
 * records, the rubric, sheets with their values, conflicts, the audit log, and
 * the official result ("results": the policy and the ranking, as
 * 'podium leaderboard' gives them). A new string.
 */
enum status export_json(struct store *st, char **out);

#endif
