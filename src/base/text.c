#include "config.h"
#include "podium/i18n.h"
#include "podium/text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <uninorm.h>
#include <unictype.h>
#include <unistr.h>
#include <uniwidth.h>

#include "podium/common.h"

#define REPLACEMENT 0xFFFD
#define ELLIPSIS "\xe2\x80\xa6"

bool text_valid_utf8(const char *s, size_t n)
{
	if (memchr(s, '\0', n))
		return false;
	return u8_check((const uint8_t *)s, n) == NULL;
}

static bool is_space(ucs4_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' ||
	       c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
	       c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 ||
	       c == 0xFEFF;
}

/* Decode one character at s (of n bytes left); invalid bytes decode as U+FFFD of length 1. */
static int decode(const char *s, size_t n, ucs4_t *c)
{
	int len = u8_mbtouc(c, (const uint8_t *)s, n);

	return len < 1 ? 1 : len;
}

char *text_trim(const char *s)
{
	size_t n = strlen(s), start = 0, end = 0;
	ucs4_t c;

	while (start < n) {
		int len = decode(s + start, n - start, &c);

		if (!is_space(c))
			break;
		start += len;
	}
	end = start;
	for (size_t i = start; i < n;) {
		int len = decode(s + i, n - i, &c);

		i += len;
		if (!is_space(c))
			end = i;
	}
	return pd_strndup(s + start, end - start);
}

char *text_key(const char *s)
{
	char *trimmed = text_trim(s);
	size_t n = strlen(trimmed), outlen = 0;
	uint8_t *folded;
	char *key;

	if (!text_valid_utf8(trimmed, n)) {
		free(trimmed);
		return NULL;
	}
	folded = u8_casefold((const uint8_t *)trimmed, n, NULL, UNINORM_NFC, NULL, &outlen);
	free(trimmed);
	if (!folded)
		pd_die(_("out of memory"));
	key = pd_strndup((const char *)folded, outlen);
	free(folded);
	return key;
}

bool text_char_unsafe(uint32_t c)
{
	return c < 0x20 || (c >= 0x7F && c <= 0x9F) || uc_is_general_category(c, UC_CATEGORY_Cf) ||
	       c == 0x2028 || c == 0x2029;
}

struct buf {
	char *s;
	size_t len, cap;
};

static void buf_put(struct buf *b, const char *s, size_t n)
{
	PD_RESERVE(b->s, b->len + n + 1, b->cap);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void buf_put_char(struct buf *b, ucs4_t c)
{
	uint8_t tmp[6];
	int n = u8_uctomb(tmp, c, sizeof(tmp));

	if (n > 0)
		buf_put(b, (const char *)tmp, (size_t)n);
}

/* Kept by text_sanitize_lines(): a newline, a tab, and the CR of a CRLF. */
static bool kept_in_lines(const char *s, size_t i, size_t n)
{
	return s[i] == '\n' || s[i] == '\t' || (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n');
}

static char *sanitize(const char *s, bool lines)
{
	struct buf b = { 0 };
	size_t n = strlen(s);

	buf_put(&b, "", 0);
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int len = decode(s + i, n - i, &c);

		/* u8_mbtouc() decodes an invalid sequence as U+FFFD: never copy its bytes */
		if (lines && kept_in_lines(s, i, n))
			buf_put(&b, s + i, 1);
		else if (c == '\t' || c == '\n' || c == '\r')
			buf_put(&b, " ", 1);
		else if (c == REPLACEMENT || text_char_unsafe(c))
			buf_put_char(&b, REPLACEMENT);
		else
			buf_put(&b, s + i, (size_t)len);
		i += (size_t)len;
	}
	return b.s;
}

char *text_sanitize(const char *s)
{
	return sanitize(s, false);
}

char *text_sanitize_lines(const char *s)
{
	return sanitize(s, true);
}

static void buf_put_escape(struct buf *b, ucs4_t c)
{
	char tmp[16];

	if (c > 0xFFFF) {
		c -= 0x10000;
		snprintf(tmp, sizeof(tmp), "\\u%04x\\u%04x", 0xD800 + (unsigned)(c >> 10),
			 0xDC00 + (unsigned)(c & 0x3FF));
	} else {
		snprintf(tmp, sizeof(tmp), "\\u%04x", (unsigned)c);
	}
	buf_put(b, tmp, strlen(tmp));
}

char *text_json_escape_controls(const char *json)
{
	struct buf b = { 0 };
	size_t n = strlen(json);

	buf_put(&b, "", 0);
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int len = decode(json + i, n - i, &c);

		/* ASCII controls are JSON's own white space, or already escaped by SQLite */
		if ((unsigned char)json[i] < 0x7F)
			buf_put(&b, json + i, 1);
		else if (c == REPLACEMENT || text_char_unsafe(c))
			buf_put_escape(&b, c);
		else
			buf_put(&b, json + i, (size_t)len);
		i += (size_t)len;
	}
	return b.s;
}

static bool is_variation_selector(ucs4_t c)
{
	return (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
}

uint32_t text_invisible_char(const char *s)
{
	size_t n = strlen(s);
	ucs4_t prev = ' ';

	for (size_t i = 0; i < n;) {
		ucs4_t c;

		i += (size_t)decode(s + i, n - i, &c);
		if (text_char_unsafe(c))
			return c;
		/* a variation selector varies the character before it: alone, it only hides */
		if (is_variation_selector(c) && (is_space(prev) || is_variation_selector(prev)))
			return c;
		prev = c;
	}
	return 0;
}

static int char_width(ucs4_t c)
{
	int w = uc_width(c, "UTF-8");

	return w < 0 ? 1 : w;
}

/* Columns of a string already sanitised. */
static int safe_width(const char *safe)
{
	size_t n = strlen(safe);
	int width = 0;

	for (size_t i = 0; i < n;) {
		ucs4_t c;

		i += decode(safe + i, n - i, &c);
		width += char_width(c);
	}
	return width;
}

int text_width(const char *s)
{
	char *safe = text_sanitize(s);
	int width = safe_width(safe);

	free(safe);
	return width;
}

char *text_fit(const char *s, int cols, int *width)
{
	char *safe = text_sanitize(s);
	int used = safe_width(safe);
	size_t n = strlen(safe), i = 0;
	char *out;

	if (used <= cols || cols <= 0) {
		if (used > cols) {
			safe[0] = '\0';
			used = 0;
		}
		if (width)
			*width = used;
		return safe;
	}
	/* Keep what fits in cols - 1, leaving a column for the ellipsis;
	 * zero-width marks stay with the character before them. */
	used = 0;
	while (i < n) {
		ucs4_t c;
		int len = decode(safe + i, n - i, &c);
		int w = char_width(c);

		if (w > 0 && used + w > cols - 1)
			break;
		used += w;
		i += (size_t)len;
	}
	out = pd_malloc(i + sizeof(ELLIPSIS));
	memcpy(out, safe, i);
	memcpy(out + i, ELLIPSIS, sizeof(ELLIPSIS));
	free(safe);
	if (width)
		*width = used + 1;
	return out;
}

char *text_pad(const char *s, int cols, bool right)
{
	int w;
	char *fit = text_fit(s, cols, &w);
	size_t len = strlen(fit), pad = (size_t)(cols > w ? cols - w : 0);
	char *out = pd_malloc(len + pad + 1);

	if (right) {
		memset(out, ' ', pad);
		memcpy(out + pad, fit, len + 1);
	} else {
		memcpy(out, fit, len);
		memset(out + len, ' ', pad);
		out[len + pad] = '\0';
	}
	free(fit);
	return out;
}

size_t text_split(const char *s, char sep, char ***parts)
{
	size_t count = 0, cap = 0;
	const char *p = s;

	*parts = NULL;
	for (;;) {
		const char *end = strchr(p, sep);
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char *raw = pd_strndup(p, len);
		char *part = text_trim(raw);

		free(raw);
		if (part[0]) {
			PD_GROW(*parts, count, cap);
			(*parts)[count++] = part;
		} else {
			free(part);
		}
		if (!end)
			break;
		p = end + 1;
	}
	return count;
}

void text_free_parts(char **parts, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(parts[i]);
	free(parts);
}

bool text_contains(const char *hay, const char *needle)
{
	char *h = hay ? text_key(hay) : NULL, *n = needle ? text_key(needle) : NULL;
	bool hit = h && n && strstr(h, n) != NULL;

	free(h);
	free(n);
	return hit;
}

/* The letters that no decomposition splits but a reader takes as two, or as a plain one. */
static const char *search_spelling(ucs4_t c)
{
	switch (c) {
	case 0x00E6: return "ae";	/* æ */
	case 0x0153: return "oe";	/* œ */
	case 0x00F8: return "o";	/* ø */
	case 0x0111: return "d";	/* đ */
	case 0x0142: return "l";	/* ł */
	case 0x0131: return "i";	/* dotless ı */
	default: return NULL;
	}
}

char *text_search_key(const char *s)
{
	size_t n = strlen(s), outlen = 0;
	uint8_t *folded;
	struct buf b = { 0 };

	if (!text_valid_utf8(s, n))
		return NULL;
	folded = u8_casefold((const uint8_t *)s, n, NULL, UNINORM_NFKD, NULL, &outlen);
	if (!folded)
		pd_die(_("out of memory"));
	for (size_t i = 0; i < outlen;) {
		ucs4_t c;
		int len = decode((const char *)folded + i, outlen - i, &c);
		const char *plain = search_spelling(c);

		if (plain)
			buf_put(&b, plain, strlen(plain));
		else if (!uc_is_general_category(c, UC_CATEGORY_M))
			buf_put(&b, (const char *)folded + i, (size_t)len);
		i += (size_t)len;
	}
	free(folded);
	buf_put(&b, "", 0);
	return b.s;
}

bool text_search_matches(const char *hay, const char *needle)
{
	char *h = hay ? text_search_key(hay) : NULL, *n = needle ? text_search_key(needle) : NULL;
	bool hit = h && n && strstr(h, n) != NULL;

	free(h);
	free(n);
	return hit;
}
