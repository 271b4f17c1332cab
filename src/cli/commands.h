#ifndef PODIUM_CLI_COMMANDS_H
#define PODIUM_CLI_COMMANDS_H

#include "cli.h"

/* One function per command, each in its cmd_<group>.c. */
#define COMMAND_LIST(_) \
	_(init) _(demo) _(import) _(list) _(score) _(leaderboard) _(export) _(check) \
	_(backup) _(results) _(history) _(tui) _(timeline) _(schedule) _(conflict) _(assign) \
	_(assignments) _(coach) _(timer) _(board) _(team) _(rubric) _(role) _(judge) \
	_(site) _(hub)

/* Name the audit actor as the organizer an event's creator becomes (init, demo). */
void set_creator_actor(void);

#define COMMAND_DECLARE(name) int cmd_##name(struct cli *c, int argc, char **argv);
COMMAND_LIST(COMMAND_DECLARE)
#undef COMMAND_DECLARE

/* The sheets a rubric change turned back into drafts, one "judge → team" a line (cmd_rubric.c). */
struct rubric_effect;
void cli_print_reopened(const struct rubric_effect *e);

#endif
