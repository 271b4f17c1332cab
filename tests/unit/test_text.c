#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "podium/text.h"

static void check_str(char *got, const char *want)
{
	assert_string_equal(got, want);
	free(got);
}

static void key__folds_case_and_accents_of_all_unicode(void **state)
{
	(void)state;
	char *a = text_key("Émile Roux"), *b = text_key("émile roux"), *c = text_key("ÉMILE ROUX");

	assert_string_equal(a, b);
	assert_string_equal(a, c);
	free(a);
	free(b);
	free(c);
	/* decomposed e + combining acute matches the composed form */
	a = text_key("E\xcc\x81mile Roux");
	b = text_key("émile roux");
	assert_string_equal(a, b);
	free(a);
	free(b);
	/* Greek and German sharp s */
	a = text_key("ΣΟΦΙΑ");
	b = text_key("σοφια");
	assert_string_equal(a, b);
	free(a);
	free(b);
	a = text_key("STRASSE");
	b = text_key("straße");
	assert_string_equal(a, b);
	free(a);
	free(b);
}

static void key__trims_white_space(void **state)
{
	(void)state;
	check_str(text_key("  Team A \t"), "team a");
}

static void key__is_null_for_invalid_utf8(void **state)
{
	(void)state;
	assert_null(text_key("bad \xff byte"));
}

static void valid_utf8__rejects_overlong_and_nul(void **state)
{
	(void)state;
	assert_true(text_valid_utf8("héllo 世界 🎉", strlen("héllo 世界 🎉")));
	assert_false(text_valid_utf8("\xc0\xaf", 2));
	assert_false(text_valid_utf8("a\0b", 3));
	assert_false(text_valid_utf8("\xed\xa0\x80", 3)); /* a surrogate */
}

static void sanitize__replaces_escapes_and_controls(void **state)
{
	(void)state;
	check_str(text_sanitize("\x1b]0;pwned\x07name"), "\xef\xbf\xbd]0;pwned\xef\xbf\xbdname");
	check_str(text_sanitize("a\tb\nc\r"), "a b c ");
	check_str(text_sanitize("x\xc2\x9b" "31m"), "x\xef\xbf\xbd" "31m"); /* C1 CSI */
	check_str(text_sanitize("\xe2\x80\xae" "evil"), "\xef\xbf\xbd" "evil"); /* RLO */
	check_str(text_sanitize("bad\xff"), "bad\xef\xbf\xbd");
	check_str(text_sanitize("Zoé 🎉 世界"), "Zoé 🎉 世界");
}

static void sanitize__replaces_zero_width_soft_hyphen_bom_and_line_separators(void **state)
{
	(void)state;
	check_str(text_sanitize("Al\xe2\x80\x8bpha"), "Al\xef\xbf\xbdpha");	/* ZWSP */
	check_str(text_sanitize("a\xc2\xad" "b"), "a\xef\xbf\xbd" "b");		/* soft hyphen */
	check_str(text_sanitize("\xef\xbb\xbfx"), "\xef\xbf\xbdx");		/* BOM */
	check_str(text_sanitize("a\xe2\x80\xa8" "b"), "a\xef\xbf\xbd" "b");	/* LINE SEPARATOR */
	check_str(text_sanitize("a\x7f" "b"), "a\xef\xbf\xbd" "b");		/* DEL */
}

static void sanitize_lines__keeps_newlines_tabs_and_crlf_only(void **state)
{
	(void)state;
	check_str(text_sanitize_lines("a\tb\nc\r\nd"), "a\tb\nc\r\nd");
	check_str(text_sanitize_lines("over\rwrite"), "over write");
	check_str(text_sanitize_lines("\x1b[2J\n\xc2\x9b"), "\xef\xbf\xbd[2J\n\xef\xbf\xbd");
	check_str(text_sanitize_lines("end\r"), "end ");
}

static void json_escape__writes_c1_bidi_and_format_characters_as_escapes(void **state)
{
	(void)state;
	check_str(text_json_escape_controls("{\"a\":\"x\xc2\x9by\"}"), "{\"a\":\"x\\u009by\"}");
	check_str(text_json_escape_controls("[\"\xe2\x80\xae\xe2\x81\xa6\xe2\x80\x8f\xd8\x9c\"]"),
		  "[\"\\u202e\\u2066\\u200f\\u061c\"]");
	check_str(text_json_escape_controls("\"\x7f\""), "\"\\u007f\"");
	/* a tag character beyond the BMP is a surrogate pair */
	check_str(text_json_escape_controls("\"\xf3\xa0\x80\x81\""), "\"\\udb40\\udc01\"");
	/* JSON's own white space, escapes already made, and visible text stay */
	check_str(text_json_escape_controls("[\n  \"Zoé \\u001b 🎉\"\n]"), "[\n  \"Zoé \\u001b 🎉\"\n]");
	check_str(text_json_escape_controls("\"bad\xff\""), "\"bad\\ufffd\"");
}

static void invisible_char__finds_what_a_name_must_not_hide(void **state)
{
	(void)state;
	assert_int_equal(text_invisible_char("Alpha"), 0);
	assert_int_equal(text_invisible_char("Al\xe2\x80\x8bpha"), 0x200B);
	assert_int_equal(text_invisible_char("B\xe2\x80\x8dob"), 0x200D);
	assert_int_equal(text_invisible_char("x\xc2\xad"), 0xAD);
	assert_int_equal(text_invisible_char("\xef\xbb\xbfx"), 0xFEFF);
	assert_int_equal(text_invisible_char("a\tb"), '\t');
	assert_int_equal(text_invisible_char("a\x1b[2J"), 0x1B);
	/* a variation selector alone, or after a space, hides; after its base it only varies it */
	assert_int_equal(text_invisible_char("\xef\xb8\x8fLone"), 0xFE0F);
	assert_int_equal(text_invisible_char("a \xef\xb8\x8f"), 0xFE0F);
	assert_int_equal(text_invisible_char("Heart \xe2\x9d\xa4\xef\xb8\x8f"), 0);
	assert_int_equal(text_invisible_char("Zoé 世界 🎉"), 0);
}

static void width__counts_wide_and_combining(void **state)
{
	(void)state;
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width("世界"), 4);
	assert_int_equal(text_width("e\xcc\x81"), 1);
	assert_int_equal(text_width("🎉"), 2);
	assert_int_equal(text_width(""), 0);
}

static void fit__cuts_with_ellipsis_on_character_boundaries(void **state)
{
	int w;

	(void)state;
	check_str(text_fit("abcdef", 6, &w), "abcdef");
	assert_int_equal(w, 6);
	check_str(text_fit("abcdefg", 6, &w), "abcde…");
	assert_int_equal(w, 6);
	/* a wide character that would straddle the edge is left out whole */
	check_str(text_fit("ab世界cd", 5, &w), "ab世…");
	assert_int_equal(w, 5);
	check_str(text_fit("ab世界cd", 4, &w), "ab…");
	assert_int_equal(w, 3);
	/* a combining mark stays with its base */
	check_str(text_fit("ae\xcc\x81zzz", 3, &w), "ae\xcc\x81…");
	assert_int_equal(w, 3);
	check_str(text_fit("abc", 0, &w), "");
	assert_int_equal(w, 0);
	check_str(text_fit("abc", 1, &w), "…");
}

static void pad__fills_to_exact_width(void **state)
{
	(void)state;
	check_str(text_pad("世", 4, false), "世  ");
	check_str(text_pad("7", 3, true), "  7");
	check_str(text_pad("abcdef", 4, false), "abc…");
}

static void split__trims_and_drops_empty_parts(void **state)
{
	char **parts;
	size_t n;

	(void)state;
	n = text_split(" Education ; ;Future of work;", ';', &parts);
	assert_int_equal(n, 2);
	assert_string_equal(parts[0], "Education");
	assert_string_equal(parts[1], "Future of work");
	text_free_parts(parts, n);
	n = text_split("", ';', &parts);
	assert_int_equal(n, 0);
	text_free_parts(parts, n);
}

static void search__ignores_case_accents_and_ligatures(void **state)
{
	(void)state;
	assert_true(text_search_matches("Cœur Vert", "coeur"));
	assert_true(text_search_matches("Chez mémé", "MEME"));
	assert_true(text_search_matches("ÉcoleLibre", "ecole"));
	assert_true(text_search_matches("Straße", "strasse"));
	assert_true(text_search_matches("coeur", "Cœur"));
	assert_false(text_search_matches("Cœur Vert", "coeuremile"));
	assert_null(text_search_key("a\377b"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(key__folds_case_and_accents_of_all_unicode),
		cmocka_unit_test(key__trims_white_space),
		cmocka_unit_test(key__is_null_for_invalid_utf8),
		cmocka_unit_test(valid_utf8__rejects_overlong_and_nul),
		cmocka_unit_test(sanitize__replaces_escapes_and_controls),
		cmocka_unit_test(width__counts_wide_and_combining),
		cmocka_unit_test(fit__cuts_with_ellipsis_on_character_boundaries),
		cmocka_unit_test(pad__fills_to_exact_width),
		cmocka_unit_test(split__trims_and_drops_empty_parts),
		cmocka_unit_test(sanitize__replaces_zero_width_soft_hyphen_bom_and_line_separators),
		cmocka_unit_test(sanitize_lines__keeps_newlines_tabs_and_crlf_only),
		cmocka_unit_test(json_escape__writes_c1_bidi_and_format_characters_as_escapes),
		cmocka_unit_test(invisible_char__finds_what_a_name_must_not_hide),
		cmocka_unit_test(search__ignores_case_accents_and_ligatures),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
