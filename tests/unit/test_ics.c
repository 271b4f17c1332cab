#include "config.h"
#include "unit.h"

#include "podium/clock.h"
#include "podium/common.h"
#include "podium/ics.h"

static int64_t at(const char *when)
{
	int64_t t = 0;

	assert_true(clock_parse(when, &t));
	return t;
}

/* Every line ends in CRLF, none passes 75 octets, and no fold splits a UTF-8 character. */
static void assert_well_formed(const char *text)
{
	const char *line = text;

	while (*line) {
		const char *end = strstr(line, "\r\n");

		assert_non_null(end);
		if ((size_t)(end - line) > 75)
			fail_msg("a line of %zu octets: %.*s", (size_t)(end - line), (int)(end - line), line);
		/* a continuation line never starts inside a character */
		if (*line == ' ')
			assert_true(((unsigned char)line[1] & 0xc0) != 0x80);
		for (const char *p = line; p < end; p++)
			assert_true(*p != '\n' && *p != '\r');
		line = end + 2;
	}
}

/* Undo the folding: CRLF + space joins the lines again. */
static char *unfold(const char *text)
{
	char *out = malloc(strlen(text) + 1), *o = out;

	for (const char *p = text; *p;) {
		if (p[0] == '\r' && p[1] == '\n' && p[2] == ' ') {
			p += 3;
			continue;
		}
		*o++ = *p++;
	}
	*o = '\0';
	return out;
}

static char *one_event(const char *summary, const char *location, const char *description)
{
	struct ics *c = ics_new("Hack for Good — Lyon 2026");

	ics_add_event(c, "0b1c-pitch@podium", at("2026-12-06 13:30"), at("2026-12-06 13:37"), summary, location,
		      description);
	return ics_finish(c);
}

static void calendar__has_version_prodid_and_one_event_with_floating_times(void **state)
{
	char *text;

	(void)state;
	setenv("PODIUM_NOW", "2026-11-29 10:00", 1);
	text = one_event("Pitch: Les Castors", "Salle Rhône", NULL);
	assert_well_formed(text);
	assert_non_null(strstr(text, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//podium//podium "));
	assert_non_null(strstr(text, "X-WR-CALNAME:Hack for Good — Lyon 2026\r\n"));
	assert_non_null(strstr(text, "BEGIN:VEVENT\r\nUID:0b1c-pitch@podium\r\n"
				     "DTSTAMP:20261129T090000Z\r\n"
				     "DTSTART:20261206T133000\r\nDTEND:20261206T133700\r\n"
				     "SUMMARY:Pitch: Les Castors\r\nLOCATION:Salle Rhône\r\nEND:VEVENT\r\n"));
	assert_null(strstr(text, "DESCRIPTION"));
	assert_true(strlen(text) > 15);
	assert_string_equal(text + strlen(text) - 15, "END:VCALENDAR\r\n");
	free(text);
}

static void text__escapes_backslash_semicolon_comma_and_newlines(void **state)
{
	char *text;

	(void)state;
	text = one_event("Terre, Mer & Ciel; \\o/", "Salle A,B", "ligne 1\nligne 2\r\nligne 3\rfin");
	assert_well_formed(text);
	assert_non_null(strstr(text, "SUMMARY:Terre\\, Mer & Ciel\\; \\\\o/\r\n"));
	assert_non_null(strstr(text, "LOCATION:Salle A\\,B\r\n"));
	assert_non_null(strstr(text, "DESCRIPTION:ligne 1\\nligne 2\\nligne 3\\nfin\r\n"));
	free(text);
}

static void text__turns_controls_and_invalid_utf8_into_replacement_characters(void **state)
{
	char *text;

	(void)state;
	text = one_event("\x1b[31mRed\x1b[0m \xff team\ttab", "Salle", NULL);
	assert_well_formed(text);
	assert_non_null(strstr(text, "SUMMARY:\xef\xbf\xbd[31mRed\xef\xbf\xbd[0m \xef\xbf\xbd team\ttab\r\n"));
	assert_null(strchr(text, '\x1b'));
	free(text);
}

static void fold__cuts_at_75_octets_never_inside_accents_cjk_or_emoji(void **state)
{
	static const char *const summaries[] = {
		"Pitch: Les Débrouillards — Écoles éphémères · économie sociale et solidarité à Lyon",
		"Pitch: 未来チーム 未来チーム 未来チーム 未来チーム 未来チーム 未来チーム 未来チーム",
		"Pitch: 🌱 Graines de Code 🌱🌱🌱🌱🌱🌱🌱🌱🌱🌱🌱🌱🌱🌱🌱🌱🌱🌱🌱🌱🌱🌱🌱🌱 fin",
		"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxé"
		"ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé",
	};

	(void)state;
	for (size_t i = 0; i < PD_ARRAY_LEN(summaries); i++) {
		for (size_t pad = 0; pad < 4; pad++) {
			/* shift the text by a byte at a time, so a fold lands on every byte of a character */
			char *summary = pd_asprintf("%.*s%s", (int)pad, "!!!!", summaries[i]);
			char *text = one_event(summary, "Salle Rhône", summary), *flat, *want;

			assert_well_formed(text);
			flat = unfold(text);
			want = pd_asprintf("SUMMARY:%s\r\n", summary);
			assert_non_null(strstr(flat, want));
			free(want);
			free(flat);
			free(text);
			free(summary);
		}
	}
}

static void fold__leaves_a_line_of_exactly_75_octets_whole(void **state)
{
	char summary[80], *text, *line;

	(void)state;
	memset(summary, 'x', 67);	/* "SUMMARY:" is 8 octets: 75 in all */
	summary[67] = '\0';
	text = one_event(summary, "Salle", NULL);
	line = strstr(text, "SUMMARY:");
	assert_non_null(line);
	assert_int_equal(strstr(line, "\r\n") - line, 75);
	assert_true(line[77] != ' ');
	free(text);
	summary[67] = 'y';
	summary[68] = '\0';
	text = one_event(summary, "Salle", NULL);
	line = strstr(text, "SUMMARY:");
	assert_int_equal(strstr(line, "\r\n") - line, 75);
	assert_memory_equal(line + 75, "\r\n y\r\n", 6);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(calendar__has_version_prodid_and_one_event_with_floating_times),
		cmocka_unit_test(text__escapes_backslash_semicolon_comma_and_newlines),
		cmocka_unit_test(text__turns_controls_and_invalid_utf8_into_replacement_characters),
		cmocka_unit_test(fold__cuts_at_75_octets_never_inside_accents_cjk_or_emoji),
		cmocka_unit_test(fold__leaves_a_line_of_exactly_75_octets_whole),
	};

	setenv("TZ", "Europe/Paris", 1);
	setenv("PODIUM_NOW", "2026-11-29 10:00", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
