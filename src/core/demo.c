#include "config.h"
#include "podium/demo.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "podium/clock.h"
#include "podium/coaching.h"
#include "podium/csv.h"
#include "podium/event.h"
#include "podium/i18n.h"
#include "podium/import.h"
#include "podium/panel.h"
#include "podium/rubric.h"
#include "podium/schedule.h"

struct demo_team {
	const char *name, *project, *tracks, *members, *table, *description;
};

static const struct demo_team teams[] = {
    {"Les Débrouillards", "ÉcoleLibre", "Education", "Camille Durand;Hugo Lefèvre;Inès Benali",
     "A1", "Des cours du soir partagés entre voisins, hors ligne d'abord"},
    {"Green Bytes", "CarbonLens", "Environment", "Oliver Smith;Priya Patel;Tom Baker", "A2",
     "Shows the carbon cost of a purchase before you pay"},
    {"未来チーム", "Mirai Skills", "Future of work;Education",
     "Haruto Sato;Yui Takahashi;Léo Girard", "A3",
     "Micro-lessons that follow workers from one job to the next"},
    {"🌱 Graines de Code", "Potager Connecté", "Environment;Education", "Manon Petit;Jules Moreau",
     "A4", "Des capteurs à 5 € pour les jardins d'école"},
    {"Équipe Soleil", "Solaire Solidaire", "Environment;Inclusion",
     "Zoé Laurent;Nassim Kaci;Emma Roy", "A5",
     "Une coopérative de panneaux solaires pour les locataires"},
    {"Open Doors", "AccessMap", "Inclusion", "Grace Okafor;Daniel Kim;Sofia Rossi", "A6",
     "Crowd-sourced step-free routes through the city"},
    {"Cœur Vert", "Compost Express", "Environment", "Lucas Blanc;Chloé Garnier", "B1",
     "Collecte des biodéchets à vélo cargo"},
    {"Les Castors", "Réparons Ensemble", "Environment;Future of work",
     "Paul Mercier;Sarah Lopez;Yanis Haddad", "B2",
     "Une carte des repair cafés et des artisans du quartier"},
    {"Bridge Builders", "MentorLink", "Diversity;Education", "Amara Diop;James Walker;Lina Chen",
     "B3", "Matches first-generation students with mentors"},
    {"青い森", "Forest Watch", "Environment", "Aoi Mori;Kenji Yamamoto;Clara Fabre", "B4",
     "Satellite alerts for illegal logging, explained for villagers"},
    {"Voix Plurielles", "Sous-titres pour tous", "Inclusion;Diversity", "Fatou Ndiaye;Louis Martin",
     "B5", "Sous-titrage en direct des réunions publiques"},
    {"Code Camarades", "Trajectoires", "Future of work", "Antoine Faure;Mélissa Brun;Omar Said",
     "B6", "Un bilan de compétences en dix minutes pour les reconversions"},
    {"Signes & Sens", "LSF Live", "Inclusion", "Julie Caron;Mathis Leroy", "C1",
     "Un interprète en langue des signes à la demande"},
    {"Night Owls", "ShiftMate", "Future of work", "Ethan Clarke;Maya Singh;Noah Evans", "C2",
     "Fair shift swaps for night workers, with the union's rules built in"},
    {"Les Zèbres", "NeuroDiv", "Diversity;Inclusion", "Agathe Renard;Samuel Cohen;Rose Vidal", "C3",
     "Des entretiens d'embauche adaptés aux personnes neuroatypiques"},
    {"Data for All", "Budget Citoyen", "Education", "Eva Schmidt;Hamza Bensaïd", "C4",
     "Le budget de la ville expliqué en graphiques simples"},
    {"Renard Rapide", "Covoit' Rural", "Environment;Inclusion",
     "Baptiste Gauthier;Lou Perrin;Adam Roux", "C5", "Du covoiturage pour les villages sans bus"},
    {"Elles Codent", "Rôles Modèles", "Diversity", "Nora Belkacem;Jeanne Dupuis;Kim Tran", "C6",
     "Des podcasts de développeuses pour les collégiennes"},
    {"Team Kaizen", "SkillSwap", "Future of work", "Liam O'Brien;Aiko Nakamura", "D1",
     "Colleagues trade an hour of teaching for an hour of learning"},
    {"La Ruche", "Circuit Court", "Environment", "Victor Lemaire;Alice Brunet;Théo Marchal", "D2",
     "Les producteurs locaux livrent les cantines scolaires"},
    {"Pixel & Plume", "Lire Ensemble", "Education;Inclusion", "Margaux Colin;Idriss Touré", "D3",
     "Des livres audio enregistrés par les grands-parents du quartier"},
    {"Horizon Jeunes", "Premier Job", "Future of work;Diversity",
     "Sacha Morel;Yasmine Amrani;Enzo Roche", "D4",
     "Un premier emploi pour les jeunes des quartiers prioritaires"},
    {"Mosaic", "Welcome Kit", "Diversity", "Layla Hassan;Ben Carter;Ana Costa", "D5",
     "Everything a newcomer needs in their first week, in twelve languages"},
    {"Terre, Mer & Ciel", "Éclairage Solidaire", "Environment", "Nina Lambert;Gabriel Fontaine",
     "D6", "Des lampes solaires fabriquées et réparées sur place"},
};

struct demo_judge {
	const char *name, *email, *tracks, *unix_user, *pin;
};

static const struct demo_judge judges[] = {
    {"Chloé Martin", "chloe.martin@example.org", "Education;Inclusion", "chloe", "246813"},
    {"Émile Roux", "emile.roux@example.org", "Environment", "emile", "135702"},
    {"Sarah Cohen", "sarah.cohen@example.org", "Diversity;Inclusion", "", ""},
    {"Karim Haddad", "karim.haddad@example.org", "Future of work", "karim", ""},
    {"Julie Nguyen", "julie.nguyen@example.org", "Education", "", ""},
    {"Thomas Bernard", "thomas.bernard@example.org", "Environment;Future of work", "", ""},
    {"Aïcha Diallo", "aicha.diallo@example.org", "Diversity", "aicha", "864209"},
    {"Marc Dubois", "marc.dubois@example.org", "Environment", "", ""},
    {"Léa Fontaine", "lea.fontaine@example.org", "Education;Future of work", "", ""},
};

/* Availability windows: the day after the start (0 = the Friday) and the hours. */
struct demo_window {
	int day;
	const char *hours;
};

struct demo_coach {
	const char *name, *email, *skills;
	struct demo_window windows[3];
};

static const struct demo_coach coaches[] = {
    {"Nadia Belkacem",
     "nadia@example.org",
     "Idea;Engagement;Pitch",
     {{1, "09:00-12:00"}, {1, "14:00-18:00"}, {2, "09:00-11:00"}}},
    {"Pierre Lambert",
     "pierre@example.org",
     "Technique;Design",
     {{0, "20:00-23:00"}, {1, "10:00-13:00"}, {1, "15:00-19:00"}}},
    {"Sophie Marchand",
     "sophie@example.org",
     "Marketing;Viability;Pitch",
     {{1, "14:00-18:00"}, {2, "09:00-12:00"}, {-1, NULL}}},
    {"Yuki Tanaka",
     "yuki@example.org",
     "Design;Technique;Idea",
     {{1, "09:00-12:00"}, {2, "08:00-11:00"}, {-1, NULL}}},
};

struct demo_room {
	const char *name, *tracks, *capacity;
};

static const struct demo_room rooms[] = {
    {"Amphi Lumière", "Education;Future of work", "120"},
    {"Salle Rhône", "Environment", "40"},
    {"Atelier 3", "Diversity;Inclusion", "30"},
};

/*
 * The scored half: teams[2k], each seen by judges k, k + 3 and k + 7 (mod 9),
 * or, where one of them already judges a team pitching at the same time in
 * another room, by the next judge free then: so the judge panels keep every
 * sheet's judge on its team's panel, and no judge is in two rooms at once.
 * A sheet's values are drawn for the judge of the rotation (k + panel[p]),
 * whoever writes it, so every team's score is the same as with the rotation.
 */
#define SCORED_TEAMS 12
static const double quality[SCORED_TEAMS] = {4.3, 3.1, 3.8, 2.6, 4.6, 3.4,
					     2.9, 4.0, 3.6, 2.3, 3.9, 3.2};
static const double strictness[PD_ARRAY_LEN(judges)] = {0.3, -0.4, 0.0, 0.5, -0.2,
							0.1, -0.5, 0.2, 0.0};
static const int panel[3] = {0, 3, 7};

/* Two drafts on teams not scored yet: one half done, one complete but not sent. */
static const struct demo_draft {
	size_t judge, team;
	size_t scored;		/* the first criteria scored; 0: every one */
	const char *comment;
} drafts[] = {
    {0, 1, 3, ""},
    {5, 3, 0, "À relire avant d'envoyer."},
};

static const char *const comments[] = {
    "Belle énergie ; le modèle économique reste à préciser.",
    "Great demo. The pitch ran a little long.",
    "Impact clair, mais qui paiera après le week-end ?",
    "Solid prototype; talk to real users next.",
    "Très bon pitch, design soigné.",
    "Ambitious. Narrow the scope to one city first.",
};

/* A fixed-seed generator (the C library's own rand() is not the same everywhere). */
static uint32_t next_random(uint32_t *state)
{
	*state = *state * 1103515245u + 12345u;
	return (*state >> 16) & 0x7fff;
}

/* One CSV field through the one CSV writer, then the separator or the line end. */
static void put_field(FILE *f, const char *s, bool last)
{
	char *cell = csv_format_cell(s, true);

	fputs(cell, f);
	fputc(last ? '\n' : ',', f);
	free(cell);
}

typedef void (*demo_csv_fn)(FILE *f, void *ctx);
typedef enum status (*demo_import_fn)(struct store *st, const char *source,
				      const struct csv_table *t, size_t *count);

/* Write a CSV text with fill(), read it back and import it. */
static enum status import_csv(struct store *st, const char *source, demo_csv_fn fill, void *ctx,
			      demo_import_fn import, size_t *count)
{
	struct csv_table t = {0};
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	enum status s;

	if (!f)
		pd_die(_("out of memory"));
	fill(f, ctx);
	if (fclose(f) != 0)
		pd_die(_("out of memory"));
	s = csv_read_string(source, text, len, &t);
	if (s == ST_OK)
		s = import(st, source, &t, count);
	csv_table_clear(&t);
	free(text);
	return s;
}

static void teams_csv(FILE *f, void *ctx)
{
	(void)ctx;
	fputs("name,project,tracks,members,table,description\n", f);
	for (size_t i = 0; i < PD_ARRAY_LEN(teams); i++) {
		put_field(f, teams[i].name, false);
		put_field(f, teams[i].project, false);
		put_field(f, teams[i].tracks, false);
		put_field(f, teams[i].members, false);
		put_field(f, teams[i].table, false);
		put_field(f, teams[i].description, true);
	}
}

static void judges_csv(FILE *f, void *ctx)
{
	(void)ctx;
	fputs("name,email,tracks,unix_user,pin\n", f);
	for (size_t i = 0; i < PD_ARRAY_LEN(judges); i++) {
		put_field(f, judges[i].name, false);
		put_field(f, judges[i].email, false);
		put_field(f, judges[i].tracks, false);
		put_field(f, judges[i].unix_user, false);
		put_field(f, judges[i].pin, true);
	}
}

static void coaches_csv(FILE *f, void *ctx)
{
	int64_t friday = *(const int64_t *)ctx;

	friday -= friday % 86400;
	fputs("name,email,skills,available\n", f);
	for (size_t i = 0; i < PD_ARRAY_LEN(coaches); i++) {
		char available[128] = "";
		size_t used = 0;

		for (size_t w = 0;
		     w < PD_ARRAY_LEN(coaches[i].windows) && coaches[i].windows[w].hours; w++) {
			char day[17];

			clock_format(friday + coaches[i].windows[w].day * 86400, day);
			used += (size_t)snprintf(available + used, sizeof(available) - used,
						 "%s%.10s %s", w ? ";" : "", day,
						 coaches[i].windows[w].hours);
		}
		put_field(f, coaches[i].name, false);
		put_field(f, coaches[i].email, false);
		put_field(f, coaches[i].skills, false);
		put_field(f, available, true);
	}
}

static void rooms_csv(FILE *f, void *ctx)
{
	(void)ctx;
	fputs("name,tracks,capacity\n", f);
	for (size_t i = 0; i < PD_ARRAY_LEN(rooms); i++) {
		put_field(f, rooms[i].name, false);
		put_field(f, rooms[i].tracks, false);
		put_field(f, rooms[i].capacity, true);
	}
}

/* One sheet row: the first nscored criteria get their values[], the rest stay empty. */
static void sheet_row(FILE *f, const struct rubric *r, size_t judge, size_t team, size_t nscored,
		      const int *values, const char *comment, const char *status)
{
	put_field(f, judges[judge].name, false);
	put_field(f, teams[team].name, false);
	for (size_t c = 0; c < r->count; c++) {
		char v[16] = "";

		if (c < nscored)
			snprintf(v, sizeof(v), "%d", values[c]);
		put_field(f, v, false);
	}
	put_field(f, comment, false);
	put_field(f, status, true);
}

/* Who writes the demo's sheets, chosen against the pitch schedule before any is written. */
struct demo_sheets {
	const struct rubric *r;
	size_t judge[SCORED_TEAMS][PD_ARRAY_LEN(panel)];	/* teams[2k]'s p-th sheet */
	size_t draft_judge[PD_ARRAY_LEN(drafts)];
	struct {
		int64_t start, end;	/* the planned pitch and its questions */
		long room;		/* -1: no slot */
	} pitch[PD_ARRAY_LEN(teams)];
	bool has[PD_ARRAY_LEN(teams)][PD_ARRAY_LEN(judges)];	/* each team's judges so far */
};

/* True when judge j already has a team pitching in another room while team t pitches. */
static bool busy(const struct demo_sheets *d, size_t j, size_t t)
{
	for (size_t u = 0; u < PD_ARRAY_LEN(teams); u++)
		if (u != t && d->has[u][j] && d->pitch[t].room >= 0 && d->pitch[u].room >= 0 &&
		    d->pitch[u].room != d->pitch[t].room && d->pitch[u].start < d->pitch[t].end &&
		    d->pitch[t].start < d->pitch[u].end)
			return true;
	return false;
}

/* Judge j for team t, or the next judge after j who is free then and not yet on t. */
static size_t pick_judge(struct demo_sheets *d, size_t j, size_t t)
{
	size_t pick = j;

	for (size_t n = 0; n < PD_ARRAY_LEN(judges); n++) {
		size_t c = (j + n) % PD_ARRAY_LEN(judges);

		if (!d->has[t][c] && !busy(d, c, t)) {
			pick = c;
			break;
		}
	}
	d->has[t][pick] = true;	/* none free: j, and the panels will say what went wrong */
	return pick;
}

/* Read each team's pitch from the schedule, then choose every sheet's judge. */
static enum status plan_sheets(struct store *st, struct demo_sheets *d)
{
	struct schedule sched;
	enum status s = schedule_load(st, NULL, clock_local_now(), &sched);

	if (s != ST_OK)
		return s;
	for (size_t t = 0; t < PD_ARRAY_LEN(teams); t++) {
		d->pitch[t].room = -1;
		for (size_t i = 0; i < sched.count; i++) {
			const struct slot *sl = &sched.slots[i];

			if (strcmp(sl->team, teams[t].name) != 0)
				continue;
			d->pitch[t].start = sl->starts_at;
			d->pitch[t].end = sl->starts_at + sl->pitch_s + sl->qa_s;
			d->pitch[t].room = (long)sl->room;
		}
	}
	schedule_clear(&sched);
	for (size_t k = 0; k < SCORED_TEAMS; k++)
		for (size_t p = 0; p < PD_ARRAY_LEN(panel); p++)
			d->judge[k][p] =
			    pick_judge(d, (k + (size_t)panel[p]) % PD_ARRAY_LEN(judges), 2 * k);
	for (size_t i = 0; i < PD_ARRAY_LEN(drafts); i++)
		d->draft_judge[i] = pick_judge(d, drafts[i].judge, drafts[i].team);
	return ST_OK;
}

static void sheets_csv(FILE *f, void *ctx)
{
	const struct demo_sheets *d = ctx;
	const struct rubric *r = d->r;
	int *values = pd_calloc(r->count + 1, sizeof(int));
	uint32_t seed = 2026;

	fputs("judge,team,", f);
	for (size_t c = 0; c < r->count; c++)
		put_field(f, r->items[c].name, false);
	fputs("comment,status\n", f);

	for (size_t k = 0; k < SCORED_TEAMS; k++) {
		for (size_t p = 0; p < PD_ARRAY_LEN(panel); p++) {
			size_t j = (k + (size_t)panel[p]) % PD_ARRAY_LEN(judges);

			for (size_t c = 0; c < r->count; c++) {
				const struct criterion *crit = &r->items[c];
				double noise = (double)next_random(&seed) / 0x7fff * 1.8 - 0.9;
				/* quality is on a 1..5 scale: map it onto the criterion's own */
				double v = crit->min + (quality[k] + strictness[j] + noise - 1) /
							   4 * (crit->max - crit->min);
				long iv = lround(v);

				values[c] = (int)(iv < crit->min   ? crit->min
						  : iv > crit->max ? crit->max
								   : iv);
			}
			sheet_row(f, r, d->judge[k][p], 2 * k, r->count, values,
				  comments[(k + p) % PD_ARRAY_LEN(comments)], "submitted");
		}
	}
	for (size_t c = 0; c < r->count; c++)
		values[c] = r->items[c].min +
			    (int)((c + 2) % (size_t)(r->items[c].max - r->items[c].min + 1));
	for (size_t i = 0; i < PD_ARRAY_LEN(drafts); i++) {
		const struct demo_draft *dr = &drafts[i];
		size_t n = dr->scored && dr->scored < r->count ? dr->scored : r->count;

		sheet_row(f, r, d->draft_judge[i], dr->team, n, values, dr->comment, "draft");
	}
	free(values);
}

enum status demo_create(struct store *st, struct demo_summary *out)
{
	struct demo_summary sum = {0};
	struct event_spec spec = {DEMO_EVENT_NAME, 0, 48};
	struct demo_sheets sheet_plan = {0};
	struct rubric r = {0};
	struct event e;
	size_t sheets = 0;
	enum status s = event_get(st, &e);

	if (s == ST_OK) {
		s = status_error(
		    ST_EXISTS, _("it already holds the event '%s'; the demo leaves it alone"), e.name);
		event_clear(&e);
		return s;
	}
	if (s != ST_NOT_FOUND)
		return s;
	spec.starts_at = clock_next_weekday_at(5, 18 * 3600); /* next Friday evening */
	s = event_create(st, &spec);
	if (s == ST_OK)
		s = import_csv(st, "demo teams", teams_csv, NULL, import_teams, &sum.teams);
	if (s == ST_OK)
		s = import_csv(st, "demo judges", judges_csv, NULL, import_judges, &sum.judges);
	if (s == ST_OK)
		s = import_csv(st, "demo coaches", coaches_csv, &spec.starts_at, import_coaches,
			       &sum.coaches);
	if (s == ST_OK)
		s = import_csv(st, "demo rooms", rooms_csv, NULL, import_rooms, &sum.rooms);
	if (s == ST_OK) {
		/* the pitches in the timeline's slot: 5 min + 2 min Q&A, 1 min changeover */
		struct schedule_spec pitches = {.pitch_s = 300, .qa_s = 120, .changeover_s = 60};

		s = schedule_generate(st, &pitches, NULL);
	}
	if (s == ST_OK)
		s = rubric_load(st, &r);
	sheet_plan.r = &r;
	if (s == ST_OK)
		s = plan_sheets(st, &sheet_plan);
	if (s == ST_OK)
		s = import_csv(st, "demo sheets", sheets_csv, &sheet_plan, import_sheets, &sheets);
	rubric_clear(&r);
	/* the panels, as 'assign judges' makes them: every sheet's judge stays on its team's */
	if (s == ST_OK)
		s = panel_assign(st, PD_ARRAY_LEN(panel), NULL);
	if (s == ST_OK) {
		/* the coaches' sessions; a demo without them is still a demo */
		struct coaching_plan plan;

		s = coaching_plan(st, COACHING_LENGTH_DEFAULT, &plan);
		if (s == ST_OK)
			coaching_plan_clear(&plan);
		if (s == ST_INVALID)
			s = ST_OK;
	}
	if (s != ST_OK)
		return s;
	sum.drafts = PD_ARRAY_LEN(drafts);
	sum.submitted = sheets - sum.drafts;
	if (out)
		*out = sum;
	return ST_OK;
}
