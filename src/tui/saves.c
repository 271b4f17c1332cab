#include "config.h"

#include <stdlib.h>

#include "podium/i18n.h"
#include "podium/journal.h"
#include "podium/store.h"
#include "tui/saves.h"
#include "tui/tui.h"

/*
 * The console's one save path: every change a screen makes waits in a queue
 * and is tried in order; a busy file, a full or failing disk keeps it there
 * (the screen says so) and it is tried again; a judge's values that wait long
 * go to the journal too, so a console killed meanwhile loses nothing.
 */

#define RETRY_MS 250

/* Put the replayable pending changes in the journal (none: take ours out of it). */
void saves_keep(struct app *a)
{
	struct journal j = { 0 };
	enum status s;

	for (struct app_write *w = a->pending; w; w = w->next)
		if (w->kept)
			journal_add(&j, w->kept);
	s = journal_keep(a->event_id, &j);
	if (s != ST_OK)
		app_error(a, _("Your pending changes could not be kept in the journal: %s"), status_message(s));
	a->kept_in_journal = s == ST_OK && j.count > 0;
	journal_clear(&j);
}

void saves_drop_first(struct app *a)
{
	struct app_write *w = a->pending;

	a->pending = w->next;
	if (w->free_ctx)
		w->free_ctx(w->ctx);
	if (w->kept) {
		journal_change_clear(w->kept);
		free(w->kept);
	}
	free(w);
	a->pending_since = a->pending ? tui_now_ms() : 0;
}

/* A change that stays in the queue: the file is busy, the disk full or failing. */
bool saves_must_wait(enum status s)
{
	return s == ST_BUSY || s == ST_FULL || s == ST_IO;
}

static void say_kept(struct app *a, enum status s)
{
	if (s == ST_FULL)
		app_error(a, _("The disk is full (%s): your change is kept and will be saved when space is free"),
			  status_message(s));
	else if (s == ST_IO)
		app_error(a, _("Your change could not be written (%s); it is kept and will be saved once it can be"),
			  status_message(s));
	else
		app_status(a, s);
}

/* Try the pending writes in order; stop at the first that must wait. Returns the first try's status. */
enum status saves_flush(struct app *a)
{
	bool saved_after_wait = false, dropped = false;
	enum status first = ST_OK;

	while (a->pending) {
		enum status s = a->pending->fn(a, a->pending->ctx);

		if (!dropped && first == ST_OK)
			first = s;
		if (saves_must_wait(s)) {
			a->retry_at = tui_now_ms() + (s == ST_BUSY ? RETRY_MS : 4 * RETRY_MS);
			say_kept(a, s);
			if (dropped && a->kept_in_journal)
				saves_keep(a);
			return first;
		}
		if (s != ST_OK)
			app_status(a, s);
		else if (a->retry_at)
			saved_after_wait = true;
		saves_drop_first(a);
		dropped = true;
		app_reload(a);
	}
	if (a->kept_in_journal)
		saves_keep(a);
	if (saved_after_wait)
		app_notice(a, "%s", _("Saved: the event file is free again"));
	a->retry_at = 0;
	return first;
}

enum status app_write_kept(struct app *a, app_write_fn fn, void *ctx, void (*free_ctx)(void *ctx),
			   const struct journal_change *kept)
{
	struct app_write *w = pd_calloc(1, sizeof(*w)), **tail = &a->pending;

	w->fn = fn;
	w->ctx = ctx;
	w->free_ctx = free_ctx;
	if (kept) {
		struct journal one = { 0 };

		journal_add(&one, kept);
		w->kept = pd_malloc(sizeof(*w->kept));
		*w->kept = one.items[0];
		free(one.items);
	}
	while (*tail)
		tail = &(*tail)->next;
	*tail = w;
	if (a->pending != w) {
		if (a->kept_in_journal)
			saves_keep(a);
		return ST_BUSY;
	}
	a->pending_since = tui_now_ms();
	return saves_flush(a);
}

void app_write(struct app *a, app_write_fn fn, void *ctx, void (*free_ctx)(void *ctx))
{
	app_write_kept(a, fn, ctx, free_ctx, NULL);
}
