#ifndef PODIUM_TEXT_H
#define PODIUM_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Text from users: validating, matching and measuring it for display.
 * All strings are UTF-8; every returned string is newly allocated and the
 * caller frees it.
 */

/* True when s[0..n) is valid UTF-8 with no NUL byte. */
bool text_valid_utf8(const char *s, size_t n);

/* s without leading and trailing white space (ASCII and Unicode spaces). */
char *text_trim(const char *s);

/*
 * The matching key of a name: trimmed, Unicode case-folded and NFC-normalised,
 * so "émile roux", "ÉMILE ROUX" and a decomposed "Émile Roux" share one key.
 * NULL when s is not valid UTF-8.
 */
char *text_key(const char *s);

/*
 * True for a character that must never reach a terminal as it is: C0 and C1
 * controls, DEL, format characters (Unicode Cf: bidirectional controls,
 * zero-width spaces and joiners, the soft hyphen, the BOM...) and the line and
 * paragraph separators.
 */
bool text_char_unsafe(uint32_t c);

/*
 * s made safe for any terminal: invalid bytes and unsafe characters (see
 * text_char_unsafe()) become U+FFFD, tab and newlines a space.
 */
char *text_sanitize(const char *s);

/* The same for text of several lines: newlines, tabs and CRLF line ends stay; a lone CR is a space. */
char *text_sanitize_lines(const char *s);

/*
 * A JSON document with every unsafe non-ASCII character (C1, DEL, bidi and
 * other format characters) and every invalid byte written as a \uXXXX escape,
 * so a terminal never sees them. Those characters only occur inside JSON
 * strings, where the escape means the same character.
 */
char *text_json_escape_controls(const char *json);

/*
 * The first character of s that a name must not hold because it cannot be
 * seen: an unsafe character (controls, tabs and newlines included) or a
 * variation selector with no character before it to vary. 0 when none.
 */
uint32_t text_invisible_char(const char *s);

/* True when needle appears in hay, ignoring case for all of Unicode (as names are matched). */
bool text_contains(const char *hay, const char *needle);

/*
 * The form a search compares: case folded and accents dropped for all of
 * Unicode, ligatures spelt out ("Cœur" and "coeur", "mémé" and "MEME" agree).
 * NULL for text that is not UTF-8; the caller frees it.
 */
char *text_search_key(const char *s);

/* True when needle appears in hay, case and accents aside (text_search_key). */
bool text_search_matches(const char *hay, const char *needle);

/* Display columns of sanitised s (wide characters count 2, combining 0). */
int text_width(const char *s);

/*
 * Sanitised s cut to at most cols display columns, ending in "…" when cut,
 * never splitting a character or separating a combining mark from its base.
 * *width (if not NULL) receives the columns used.
 */
char *text_fit(const char *s, int cols, int *width);

/* text_fit() then padded with spaces to exactly cols columns (left-aligned, or right when right is true). */
char *text_pad(const char *s, int cols, bool right);

/*
 * Split s on sep into trimmed, non-empty parts. Returns the count; *parts is an
 * array of newly allocated strings (free with text_free_parts()).
 */
size_t text_split(const char *s, char sep, char ***parts);
void text_free_parts(char **parts, size_t n);

#endif
