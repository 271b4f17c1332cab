#ifndef PODIUM_CONFLICT_H
#define PODIUM_CONFLICT_H

#include "podium/status.h"

struct store;

/*
 * Record a conflict of interest (judge must not judge team; ids), audited, in
 * one transaction. ST_NOT_FOUND "no such judge or team". From then on the
 * judge's sheet for the team no longer counts.
 */
enum status conflict_declare(struct store *st, const char *judge_id, const char *team_id, const char *reason);

#endif
