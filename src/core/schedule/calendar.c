#include "config.h"
#include "podium/schedule.h"
#include "schedule_internal.h"

#include <stdio.h>
#include <stdlib.h>

#include "podium/i18n.h"
#include "podium/ics.h"
#include "podium/store.h"

/* The schedule as an iCalendar. */

char *schedule_ics(const struct schedule *s, const char *calendar_name)
{
	struct ics *c = ics_new(calendar_name);

	for (size_t i = 0; i < s->count; i++) {
		const struct slot *sl = &s->slots[i];
		char *uid = pd_asprintf("%s-pitch@podium", sl->id);
		char *summary = pd_asprintf(_("Pitch: %s"), sl->team);
		char *desc = pd_asprintf(_("%s: pitch %d min, Q&A %d min (%s)"), sl->team, sl->pitch_s / 60,
					 sl->qa_s / 60, schedule_slot_status_names[sl->status]);
		int64_t end = sl->proj_end > sl->proj_start ? sl->proj_end : sl->proj_start;

		ics_add_event(c, uid, sl->proj_start, end, summary, s->rooms[sl->room].name, desc);
		free(uid);
		free(summary);
		free(desc);
	}
	return ics_finish(c);
}
