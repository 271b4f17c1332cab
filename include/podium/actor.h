#ifndef PODIUM_ACTOR_H
#define PODIUM_ACTOR_H

#include "podium/id.h"

/* The roles of podium(1): organizer, judge, timekeeper, coach and the display. */
#define ROLE_INFO(_) \
	_(ORGANIZER,  "organizer") \
	_(JUDGE,      "judge") \
	_(TIMEKEEPER, "timekeeper") \
	_(DISPLAY,    "display") \
	_(COACH,      "coach")

enum role {
#define ROLE_ENUM(id, name) ROLE_##id,
	ROLE_INFO(ROLE_ENUM)
#undef ROLE_ENUM
	ROLE_COUNT
};

/* Who acts: the core checks what a role may change (a judge only their own sheets). */
struct actor {
	enum role role;
	char person_id[ID_LEN + 1];	/* the judge's or coach's id; "" for others */
};

const char *role_name(enum role r);

/* The role named name, or -1. */
int role_from_name(const char *name);

#endif
