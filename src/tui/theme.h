#ifndef PODIUM_TUI_THEME_H
#define PODIUM_TUI_THEME_H

#include <stdbool.h>

/*
 * Drawing roles: the console draws by role, never by colour; a theme gives
 * each role its look. This table is the only list of roles, with the name used
 * in theme files and the built-in look (colour and monochrome), so the default
 * theme is compiled in and a missing themes folder never breaks the console.
 *
 *   id, name in files, fg, bg, attributes, mono attributes
 */
#define THEME_ROLE_INFO(_) \
	_(DEFAULT,         "default",         "default", "default", "",          "") \
	_(TITLE,           "title",           "black",   "cyan",    "bold",      "reverse bold") \
	_(TAB,             "tab",             "black",   "cyan",    "",          "reverse") \
	_(TAB_ACTIVE,      "tab.active",      "white",   "blue",    "bold",      "bold underline") \
	_(HEADER,          "header",          "cyan",    "default", "bold",      "bold underline") \
	_(STATUS,          "status",          "black",   "white",   "",          "reverse") \
	_(STATUS_ERROR,    "status.error",    "white",   "red",     "bold",      "reverse bold") \
	_(NOTICE,          "notice",          "black",   "yellow",  "",          "reverse") \
	_(HINT,            "hint",            "default", "default", "dim",       "dim") \
	_(KEY,             "key",             "yellow",  "default", "bold",      "bold") \
	_(CURSOR,          "cursor",          "black",   "cyan",    "",          "reverse") \
	_(MUTED,           "muted",           "default", "default", "dim",       "dim") \
	_(TEAM,            "team",            "default", "default", "bold",      "bold") \
	_(SCORE,           "score",           "green",   "default", "bold",      "bold") \
	_(RANK,            "rank",            "yellow",  "default", "bold",      "bold") \
	_(BAR,             "bar",             "green",   "default", "",          "") \
	_(STATE_TODO,      "state.todo",      "default", "default", "",          "") \
	_(STATE_DRAFT,     "state.draft",     "yellow",  "default", "",          "underline") \
	_(STATE_SUBMITTED, "state.submitted", "green",   "default", "bold",      "bold") \
	_(STATE_CHANGED,   "state.changed",   "magenta", "default", "bold",      "bold underline") \
	_(STATE_CONFLICT,  "state.conflict",  "red",     "default", "",          "dim") \
	_(VALUE,           "value",           "cyan",    "default", "bold",      "bold") \
	_(CLOCK,           "clock",           "white",   "default", "bold",      "bold") \
	_(TIMER,           "timer",           "green",   "default", "bold",      "bold") \
	_(TIMER_WARN,      "timer.warn",      "yellow",  "default", "bold",      "bold") \
	_(TIMER_OVERRUN,   "timer.overrun",   "white",   "red",     "bold",      "reverse bold") \
	_(FROZEN,          "frozen",          "black",   "magenta", "bold",      "reverse")

enum theme_role {
#define THEME_ROLE_ENUM(id, name, fg, bg, attr, mono) ROLE_LOOK_##id,
	THEME_ROLE_INFO(THEME_ROLE_ENUM)
#undef THEME_ROLE_ENUM
	ROLE_LOOK_COUNT
};

/* Attributes, independent of curses. */
enum theme_attr {
	THEME_BOLD = 1 << 0,
	THEME_DIM = 1 << 1,
	THEME_UNDERLINE = 1 << 2,
	THEME_REVERSE = 1 << 3,
	THEME_ITALIC = 1 << 4,
	THEME_BLINK = 1 << 5,
	THEME_STANDOUT = 1 << 6,
};

#define THEME_COLOR_DEFAULT (-1)

struct theme_look {
	int fg, bg;		/* 0..255, or THEME_COLOR_DEFAULT */
	unsigned attr;		/* with colour */
	unsigned mono;		/* without colour */
};

struct theme {
	struct theme_look look[ROLE_LOOK_COUNT];
};

/* Called for each bad line: file, line number, message. */
typedef void (*theme_warn_fn)(void *ctx, const char *file, int line, const char *msg);

/* Fill t with the built-in look. */
void theme_defaults(struct theme *t);

/*
 * Apply the lines of text (a theme or config file named file) to t:
 *     color ROLE FG BG [ATTR...]     mono ROLE ATTR...     # comments
 * Each bad line is reported through warn and skipped; the rest applies.
 * Returns the number of bad lines.
 */
int theme_parse(struct theme *t, const char *file, const char *text, theme_warn_fn warn, void *ctx);

/* The role named name ("timer.overrun"), or -1. */
int theme_role_from_name(const char *name);

/* A colour name ("red", "brightred", "color208", "default") to its number; false when unknown. */
bool theme_color_from_name(const char *name, int *out);

#endif
