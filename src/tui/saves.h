#ifndef PODIUM_TUI_SAVES_H
#define PODIUM_TUI_SAVES_H

#include <stdbool.h>

#include "podium/status.h"

struct app;

/* Try the pending writes in order; stop at the first that must wait. Returns the first try's status. */
enum status saves_flush(struct app *a);

/* Put the replayable pending changes in the journal (none: take ours out of it). */
void saves_keep(struct app *a);

/* Forget the first pending write (saved, or refused for good). */
void saves_drop_first(struct app *a);

/* A change that stays in the queue: the file is busy, the disk full or failing. */
bool saves_must_wait(enum status s);

#endif
