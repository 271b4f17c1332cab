#include "config.h"

#include "tui/tui.h"

/* Written next: a placeholder so the console builds. */
static void stub_draw(struct app *a, void *state, WINDOW *w, int top, int rows, int cols)
{
	(void)a;
	(void)state;
	(void)rows;
	draw_text(w, top + 1, 2, ROLE_LOOK_MUTED, "This screen is not available yet.", cols - 4);
}

static void stub_act(struct app *a, void *state, int action, int key)
{
	(void)a;
	(void)state;
	(void)action;
	(void)key;
}

void *screen_coach_new(struct app *a, const char *name)
{
	(void)a;
	(void)name;
	return NULL;
}

const struct screen_ops screen_coach_ops = {
	.name = "coach",
	.draw = stub_draw,
	.act = stub_act,
};
