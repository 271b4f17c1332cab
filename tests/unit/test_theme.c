#include "config.h"
#include "unit.h"

#include "tui/theme.h"

struct warnings {
	int count;
	int last_line;
	char last[160];
};

static void collect(void *ctx, const char *file, int line, const char *msg)
{
	struct warnings *w = ctx;

	w->count++;
	w->last_line = line;
	snprintf(w->last, sizeof(w->last), "%s:%d: %s", file, line, msg);
}

static void parse__applies_color_and_mono_lines(void **state)
{
	struct theme t;
	struct warnings w = { 0 };
	int role = theme_role_from_name("timer.overrun");

	(void)state;
	theme_defaults(&t);
	assert_int_equal(theme_parse(&t, "p.theme",
				     "# a comment\n"
				     "color timer.overrun  white red bold\n"
				     "\n"
				     "mono  timer.overrun  reverse bold   # trailing comment\n"
				     "color default color208 default\n",
				     collect, &w),
			 0);
	assert_int_equal(w.count, 0);
	assert_true(role >= 0);
	assert_int_equal(t.look[role].fg, 7);
	assert_int_equal(t.look[role].bg, 1);
	assert_int_equal(t.look[role].attr, THEME_BOLD);
	assert_int_equal(t.look[role].mono, THEME_REVERSE | THEME_BOLD);
	assert_int_equal(t.look[ROLE_LOOK_DEFAULT].fg, 208);
	assert_int_equal(t.look[ROLE_LOOK_DEFAULT].bg, THEME_COLOR_DEFAULT);
}

static void parse__reports_bad_lines_with_file_and_line_and_keeps_the_rest(void **state)
{
	struct theme t, before;
	struct warnings w = { 0 };

	(void)state;
	theme_defaults(&t);
	theme_defaults(&before);
	assert_int_equal(theme_parse(&t, "projector.theme",
				     "color title yelow black\n"
				     "color nosuchrole red black\n"
				     "colour title red black\n"
				     "color title red\n"
				     "mono title sparkly\n"
				     "color title red black bold\n",
				     collect, &w),
			 5);
	assert_int_equal(w.count, 5);
	assert_string_equal(w.last, "projector.theme:5: unknown attribute 'sparkly'");
	assert_int_equal(t.look[ROLE_LOOK_TITLE].fg, 1);
	assert_int_equal(t.look[ROLE_LOOK_TITLE].mono, before.look[ROLE_LOOK_TITLE].mono);
}

static void parse__names_the_unknown_colour(void **state)
{
	struct theme t;
	struct warnings w = { 0 };

	(void)state;
	theme_defaults(&t);
	theme_parse(&t, "x.theme", "\n\ncolor title yelow black\n", collect, &w);
	assert_string_equal(w.last, "x.theme:3: unknown colour 'yelow'");
}

static void colors__accept_bright_and_numbered_names(void **state)
{
	int c;

	(void)state;
	assert_true(theme_color_from_name("brightred", &c));
	assert_int_equal(c, 9);
	assert_true(theme_color_from_name("color255", &c));
	assert_int_equal(c, 255);
	assert_false(theme_color_from_name("color256", &c));
	assert_false(theme_color_from_name("color", &c));
	assert_false(theme_color_from_name("colorx", &c));
}

static void parse__refuses_hostile_input_line_by_line_and_keeps_the_look(void **state)
{
	struct theme t, before;
	struct warnings w = { 0 };
	char big[4096];

	(void)state;
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	theme_defaults(&t);
	before = t;
	assert_int_equal(theme_parse(&t, "h.theme", big, collect, &w), 1);
	assert_int_equal(w.count, 1);
	assert_int_equal(w.last_line, 1);
	assert_int_equal(theme_parse(&t, "h.theme",
				     "color a b c d e f g h i j k l m n o p q r s t u v w\n\xff\xfe\x1b[31m\n", collect, &w),
			 2);
	assert_int_equal(w.count, 3);
	assert_int_equal(w.last_line, 2);
	assert_int_equal(strncmp(w.last, "h.theme:2: ", 11), 0);
	assert_int_equal(theme_parse(&t, "h.theme", "", collect, &w), 0);
	assert_int_equal(w.count, 3);
	assert_memory_equal(&t, &before, sizeof(t));
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = calloc(1, (size_t)n + 1);
	if (fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

static void shipped_themes__parse_without_a_warning_and_set_every_role(void **state)
{
	static const char *const names[] = { "default", "light", "high-contrast", "mono", "projector" };
	const char *top = getenv("top_srcdir");

	(void)state;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char path[512];
		struct theme t;
		struct warnings w = { 0 };
		char *text;
		int roles = 0;

		snprintf(path, sizeof(path), "%s/themes/%s.theme", top ? top : ".", names[i]);
		text = slurp(path);
		assert_non_null(text);
		theme_defaults(&t);
		assert_int_equal(theme_parse(&t, path, text, collect, &w), 0);
		/* every role is named in every shipped theme, so none silently keeps another's look */
		for (int r = 0; r < ROLE_LOOK_COUNT; r++) {
			char needle[64];
			static const char *const role_names[] = {
#define NAME(id, name, fg, bg, attr, mono) name,
				THEME_ROLE_INFO(NAME)
#undef NAME
			};

			snprintf(needle, sizeof(needle), "color %s ", role_names[r]);
			if (strstr(text, needle))
				roles++;
		}
		assert_int_equal(roles, ROLE_LOOK_COUNT);
		free(text);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse__applies_color_and_mono_lines),
		cmocka_unit_test(parse__reports_bad_lines_with_file_and_line_and_keeps_the_rest),
		cmocka_unit_test(parse__names_the_unknown_colour),
		cmocka_unit_test(colors__accept_bright_and_numbered_names),
		cmocka_unit_test(parse__refuses_hostile_input_line_by_line_and_keeps_the_look),
		cmocka_unit_test(shipped_themes__parse_without_a_warning_and_set_every_role),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
