#include "config.h"
#include "podium/i18n.h"
#include "podium/people.h"
#include "people_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/record.h"
#include "podium/store.h"
#include "podium/text.h"

/* A record's editable fields as text, for the console's forms, and their changes applied. */

STMT_DEFINE(q_fields_team,
	    "SELECT t.project, t.table_label,"
	    " coalesce((SELECT group_concat(name, '; ') FROM (SELECT r.name FROM team_track x"
	    "  JOIN track r ON r.id = x.track_id WHERE x.team_id = t.id ORDER BY r.name)), ''),"
	    " coalesce((SELECT group_concat(name, '; ') FROM (SELECT m.name FROM team_member m"
	    "  WHERE m.team_id = t.id ORDER BY m.position)), ''), t.description FROM team t WHERE t.id = $id");
STMT_DEFINE(q_fields_judge,
	    "SELECT j.email, coalesce((SELECT group_concat(name, '; ') FROM (SELECT r.name FROM judge_track x"
	    "  JOIN track r ON r.id = x.track_id WHERE x.judge_id = j.id ORDER BY r.name)), ''),"
	    " coalesce(j.unix_user, '') FROM judge j WHERE j.id = $id");
STMT_DEFINE(q_fields_coach,
	    "SELECT c.email, coalesce((SELECT group_concat(skill, '; ') FROM (SELECT skill FROM coach_skill"
	    "  WHERE coach_id = c.id ORDER BY skill_key)), ''),"
	    " coalesce((SELECT group_concat(w, '; ') FROM (SELECT strftime('%Y-%m-%d %H:%M', starts_at, 'unixepoch')"
	    "  || '-' || strftime('%H:%M', ends_at, 'unixepoch') AS w FROM coach_window WHERE coach_id = c.id"
	    "  ORDER BY starts_at)), '') FROM coach c WHERE c.id = $id");
STMT_DEFINE(q_fields_room,
	    "SELECT coalesce((SELECT group_concat(name, '; ') FROM (SELECT r.name FROM room_track x"
	    "  JOIN track r ON r.id = x.track_id WHERE x.room_id = m.id ORDER BY r.name)), ''),"
	    " coalesce(m.capacity, '') FROM room m WHERE m.id = $id");


void people_fields_clear(struct people_fields *f)
{
	for (int i = 0; i < PEOPLE_FIELDS; i++) {
		free(f->value[i]);
		f->value[i] = NULL;
	}
}

enum status people_fields(struct store *st, enum record_kind kind, const char *id, struct people_fields *out)
{
	/* each kind's statement gives its fields in form order; the form's other fields are "" */
	static const struct {
		struct stmt *stmt;
		int nfields;
	} by_kind[] = {
		[KIND_TEAM] = { &q_fields_team, 5 }, [KIND_JUDGE] = { &q_fields_judge, 3 },
		[KIND_COACH] = { &q_fields_coach, 3 }, [KIND_ROOM] = { &q_fields_room, 2 },
	};
	struct query *q;
	enum status s;

	memset(out, 0, sizeof(*out));
	if (kind != KIND_TEAM && kind != KIND_JUDGE && kind != KIND_COACH && kind != KIND_ROOM)
		return status_error(ST_INVALID, _("only a name to edit here"));
	q = store_query(st, by_kind[kind].stmt);
	query_bind_text(q, "$id", id);
	s = query_step(q);
	if (s != ST_ROW)
		return s == ST_DONE ? status_error(ST_NOT_FOUND, _("no %s with the id '%s'"), record_kind_name(kind), id) : s;
	for (int i = 0; i < PEOPLE_FIELDS; i++)
		out->value[i] = pd_strdup(i < by_kind[kind].nfields && query_text(q, i) ? query_text(q, i) : "");
	query_reset(q);
	return ST_OK;
}

/* The windows "A; B" of a coach's availability field. */
static enum status parse_windows(const char *text, struct coach_window **out, size_t *n)
{
	char **parts;
	size_t count = text_split(text, ';', &parts);

	*out = pd_calloc(count + 1, sizeof(**out));
	*n = count;
	for (size_t i = 0; i < count; i++) {
		if (!coach_parse_window(parts[i], &(*out)[i])) {
			enum status s = status_error(ST_INVALID, _("the availability '%s' is not a window like '2026-12-05 09:00-12:30'"),
						     parts[i]);

			text_free_parts(parts, count);
			free(*out);
			*out = NULL;
			return s;
		}
	}
	text_free_parts(parts, count);
	return ST_OK;
}

static enum status people_apply_fields_in(struct store *st, enum record_kind kind, const char *id, const char *name,
				const struct people_fields *f, const char *pin)
{
	char **a = NULL, **b = NULL;
	size_t na = 0, nb = 0;
	enum status s;

	if (kind == KIND_TEAM) {
		struct team_spec spec = { .name = name, .project = f->value[0], .table = f->value[1],
					  .description = f->value[4] };

		na = text_split(f->value[2] ? f->value[2] : "", ';', &a);
		nb = text_split(f->value[3] ? f->value[3] : "", ';', &b);
		spec.tracks = a;
		spec.ntracks = na;
		spec.members = b;
		spec.nmembers = nb;
		s = team_update(st, id, &spec);
	} else if (kind == KIND_JUDGE) {
		struct judge_spec spec = { .name = name, .email = f->value[0], .unix_user = f->value[2], .pin = pin };

		na = text_split(f->value[1] ? f->value[1] : "", ';', &a);
		spec.tracks = a;
		spec.ntracks = na;
		s = judge_update(st, id, &spec);
	} else if (kind == KIND_COACH) {
		struct coach_spec spec = { .name = name, .email = f->value[0] };
		struct coach_window *w = NULL;
		size_t nw = 0;

		na = text_split(f->value[1] ? f->value[1] : "", ';', &a);
		spec.skills = a;
		spec.nskills = na;
		s = parse_windows(f->value[2] ? f->value[2] : "", &w, &nw);
		if (s == ST_OK) {
			spec.windows = w;
			spec.nwindows = nw;
			s = coach_update(st, id, &spec);
		}
		free(w);
	} else if (kind == KIND_ROOM) {
		struct room_spec spec = { .name = name, .capacity = -1 };
		const char *cap = f->value[1] ? f->value[1] : "";
		char *end;

		na = text_split(f->value[0] ? f->value[0] : "", ';', &a);
		spec.tracks = a;
		spec.ntracks = na;
		if (cap[0]) {
			long v = strtol(cap, &end, 10);

			if (*end || v < 0 || v > 100000) {
				text_free_parts(a, na);
				return status_error(ST_INVALID, _("a room's capacity must be a whole number from 0 to %d"), 100000);
			}
			spec.capacity = v;
		}
		s = room_update(st, id, &spec);
	} else {
		s = status_error(ST_INVALID, _("only a name to edit here"));
	}
	text_free_parts(a, na);
	text_free_parts(b, nb);
	return s;
}

struct people_apply_fields_args {
	enum record_kind kind;
	const char *id;
	const char *name;
	const struct people_fields *f;
	const char *pin;
};

static enum status people_apply_fields_txn(struct store *st, void *ctx)
{
	struct people_apply_fields_args *a = ctx;

	return people_apply_fields_in(st, a->kind, a->id, a->name, a->f, a->pin);
}

enum status people_apply_fields(struct store *st, enum record_kind kind, const char *id, const char *name,
				const struct people_fields *f, const char *pin)
{
	struct people_apply_fields_args a = { kind, id, name, f, pin };

	return store_write(st, people_apply_fields_txn, &a);
}
