#include "config.h"
#include "podium/names.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uspoof.h>

#include "podium/common.h"
#include "podium/i18n.h"
#include "podium/store.h"
#include "podium/text.h"

/* Every name of a kind, for the look-alike check of names.c. */
STMT_DEFINE(q_names_track, "SELECT id, name FROM track");
STMT_DEFINE(q_names_team, "SELECT id, name FROM team");
STMT_DEFINE(q_names_judge, "SELECT id, name FROM judge");
STMT_DEFINE(q_names_coach, "SELECT id, name FROM coach");
STMT_DEFINE(q_names_room, "SELECT id, name FROM room");
STMT_DEFINE(q_names_criterion, "SELECT id, name FROM criterion");
enum { NAMES_ID, NAMES_NAME };

static const char *const whats[KIND_COUNT] = {
	[KIND_TRACK] = N_("track name"),	   [KIND_TEAM] = N_("team name"),
	[KIND_JUDGE] = N_("judge name"),	   [KIND_COACH] = N_("coach name"),
	[KIND_ROOM] = N_("room name"),		   [KIND_CRITERION] = N_("criterion name"),
};

static struct stmt *const all_names[KIND_COUNT] = {
	[KIND_TRACK] = &q_names_track, [KIND_TEAM] = &q_names_team,
	[KIND_JUDGE] = &q_names_judge, [KIND_COACH] = &q_names_coach,
	[KIND_ROOM] = &q_names_room,	 [KIND_CRITERION] = &q_names_criterion,
};

const char *name_what(enum record_kind kind)
{
	return _(whats[kind]);
}

enum status name_check_text(const char *what, const char *name)
{
	uint32_t c = text_invisible_char(name);
	int cols = text_width(name);
	size_t bytes = strlen(name);
	char *shown;
	enum status s;

	if (c == 0 && cols <= NAME_MAX_COLUMNS && bytes <= NAME_MAX_BYTES)
		return ST_OK;
	shown = text_fit(name, 40, NULL);
	if (c)
		s = status_error(ST_INVALID,
				 _("%s '%s' holds an invisible character (U+%04X); remove it"), what,
				 shown, (unsigned)c);
	else
		s = status_error(ST_INVALID,
				 _("%s '%s' is too long (%d columns, %zu bytes); keep it within %d "
				   "columns and %d bytes"),
				 what, shown, cols, bytes, NAME_MAX_COLUMNS, NAME_MAX_BYTES);
	free(shown);
	return s;
}

/* ---- confusable skeletons (ICU's uspoof) ---- */

static USpoofChecker *checker(void)
{
	static USpoofChecker *sc;
	UErrorCode err = U_ZERO_ERROR;

	if (!sc) {
		sc = uspoof_open(&err);
		if (U_FAILURE(err))
			pd_die(_("cannot open ICU's spoof checker: %s"), u_errorName(err));
	}
	return sc;
}

/* ICU's skeleton of s: two strings look alike when theirs are equal. NULL when ICU refuses s. */
static char *skeleton_of(const char *s)
{
	UErrorCode err = U_ZERO_ERROR;
	int32_t n = uspoof_getSkeletonUTF8(checker(), 0, s, -1, NULL, 0, &err);
	char *out;

	if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err))
		return NULL;
	err = U_ZERO_ERROR;
	out = pd_malloc((size_t)n + 1);
	uspoof_getSkeletonUTF8(checker(), 0, s, -1, out, n + 1, &err);
	if (U_FAILURE(err)) {
		free(out);
		return NULL;
	}
	return out;
}

/*
 * The two skeletons of name: of the name as written ("Вeta" looks like "Beta")
 * and of its matching key, case-folded ("аlpha" looks like "Alpha" folded).
 * false for bad UTF-8.
 */
static bool skeletons(const char *name, char *out[2])
{
	char *key = text_key(name);

	out[0] = out[1] = NULL;
	if (!key)
		return false;
	out[0] = skeleton_of(name);
	out[1] = skeleton_of(key);
	free(key);
	if (out[0] && out[1])
		return true;
	free(out[0]);
	free(out[1]);
	return false;
}

/* Skeletons of the names of one kind: open addressing, the table at most half full. */
struct look {
	char *skeleton;
	char *name;
	char id[ID_LEN + 1];
};

struct looks {
	struct look *slots;
	size_t count, cap;	/* cap: a power of two */
	bool loaded;
};

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

static void looks_clear(struct looks *l)
{
	for (size_t i = 0; i < l->cap; i++) {
		free(l->slots[i].skeleton);
		free(l->slots[i].name);
	}
	free(l->slots);
	memset(l, 0, sizeof(*l));
}

/* The slot of skel: the look that has it, or the empty slot where it goes. */
static struct look *looks_slot(const struct looks *l, const char *skel)
{
	size_t i = (size_t)hash(skel) & (l->cap - 1);

	while (l->slots[i].skeleton && strcmp(l->slots[i].skeleton, skel) != 0)
		i = (i + 1) & (l->cap - 1);
	return &l->slots[i];
}

static void looks_put(struct looks *l, char *skel, const char *name, const char *id);

static void looks_grow(struct looks *l)
{
	struct looks bigger = { .cap = l->cap ? l->cap * 2 : 64, .loaded = l->loaded };

	bigger.slots = pd_calloc(bigger.cap, sizeof(*bigger.slots));
	for (size_t i = 0; i < l->cap; i++) {
		struct look *old = &l->slots[i];

		if (old->skeleton) {
			*looks_slot(&bigger, old->skeleton) = *old;
			bigger.count++;
		}
	}
	free(l->slots);
	*l = bigger;
}

/* Add skel (taken) for the record id; the first name with a skeleton keeps it. */
static void looks_put(struct looks *l, char *skel, const char *name, const char *id)
{
	struct look *slot;

	if ((l->count + 1) * 2 > l->cap)
		looks_grow(l);
	slot = looks_slot(l, skel);
	if (slot->skeleton) {
		free(skel);
		return;
	}
	slot->skeleton = skel;
	slot->name = pd_strdup(name);
	snprintf(slot->id, sizeof(slot->id), "%s", id ? id : "");
	l->count++;
}

static enum status looks_load(struct store *st, enum record_kind kind, struct looks *l)
{
	struct query *q = store_query(st, all_names[kind]);
	enum status s;

	while ((s = query_step(q)) == ST_ROW) {
		char *skel[2];

		const char *id = query_text(q, NAMES_ID), *name = query_text(q, NAMES_NAME);

		if (skeletons(name, skel)) {
			looks_put(l, skel[0], name, id);
			looks_put(l, skel[1], name, id);
		}
	}
	l->loaded = true;
	return s == ST_DONE ? ST_OK : s;
}

static struct {
	bool open;
	struct store *st;
	struct looks kinds[KIND_COUNT];
} batch;

void name_batch_begin(struct store *st)
{
	name_batch_end();
	batch.open = true;
	batch.st = st;
}

void name_batch_end(void)
{
	for (size_t k = 0; k < KIND_COUNT; k++)
		looks_clear(&batch.kinds[k]);
	batch.open = false;
	batch.st = NULL;
}

/* The same name up to case: the uniqueness of keys speaks of it, in its own words. */
static bool same_key(const char *a, const char *b)
{
	char *ka = text_key(a), *kb = text_key(b);
	bool same = ka && kb && strcmp(ka, kb) == 0;

	free(ka);
	free(kb);
	return same;
}

static enum status lookalike_error(enum record_kind kind, const char *name, const char *other)
{
	char *a = text_fit(name, 40, NULL), *b = text_fit(other, 40, NULL);
	enum status s = status_error(ST_CONFLICT,
				     _("%s '%s' looks like the existing %s '%s'; choose another name"),
				     record_kind_name(kind), a, record_kind_name(kind), b);

	free(a);
	free(b);
	return s;
}

/* The record of l that looks like skel, other than self_id and than name itself up to case. */
static const struct look *looks_like(const struct looks *l, const char *skel, const char *name,
				     const char *self_id)
{
	const struct look *hit;

	if (!l->cap)
		return NULL;
	hit = looks_slot(l, skel);
	if (!hit->skeleton || (self_id && strcmp(hit->id, self_id) == 0) || same_key(hit->name, name))
		return NULL;
	return hit;
}

enum status name_check_lookalike(struct store *st, enum record_kind kind, const char *name,
				 const char *self_id)
{
	bool in_batch = batch.open && batch.st == st;
	struct looks once = { 0 }, *l = in_batch ? &batch.kinds[kind] : &once;
	const struct look *hit = NULL;
	char *skel[2];
	enum status s = ST_OK;

	if (!skeletons(name, skel))
		return ST_OK;	/* bad UTF-8 is refused elsewhere, with its own message */
	if (!l->loaded)
		s = looks_load(st, kind, l);
	for (int i = 0; s == ST_OK && i < 2 && !hit; i++)
		hit = looks_like(l, skel[i], name, self_id);
	if (hit)
		s = lookalike_error(kind, name, hit->name);
	if (s == ST_OK && in_batch) {
		looks_put(l, skel[0], name, self_id);
		looks_put(l, skel[1], name, self_id);
	} else {
		free(skel[0]);
		free(skel[1]);
	}
	looks_clear(&once);
	return s;
}
