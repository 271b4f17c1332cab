#ifndef PODIUM_TEXT_H
#define PODIUM_TEXT_H

#include <stdbool.h>
#include <stddef.h>

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
 * s made safe for any terminal: invalid bytes, control characters (C0, DEL,
 * C1) and bidirectional overrides become U+FFFD, tab and newlines a space.
 */
char *text_sanitize(const char *s);

/* True when needle appears in hay, ignoring case for all of Unicode (as names are matched). */
bool text_contains(const char *hay, const char *needle);

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
