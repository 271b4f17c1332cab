#include "config.h"

/*
 * libFuzzer harness: the text that goes to a terminal. Whatever the bytes,
 * text_sanitize() and text_sanitize_lines() give valid UTF-8 with no control
 * (but newline, tab and the CR of a CRLF in the second), no DEL, C1, bidi or
 * other format character; text_json_escape_controls() leaves none outside
 * ASCII either; text_fit() stays within its columns.
 *
 * Built and run by tests/fuzz/run.sh.
 */

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "podium/common.h"
#include "podium/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* abort() unless s is valid UTF-8 with no unsafe character; lines allows "\n", "\t", "\r\n". */
static void assert_safe(const char *s, bool lines)
{
	size_t n = strlen(s);

	if (u8_check((const uint8_t *)s, n))
		abort();
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int len = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);
		bool kept = lines && (c == '\n' || c == '\t' || (c == '\r' && s[i + 1] == '\n'));

		if (len < 1 || (text_char_unsafe(c) && !kept))
			abort();
		i += (size_t)len;
	}
}

/* abort() unless the JSON escape left nothing unsafe: ASCII stays as it was, the rest is checked. */
static void assert_json_safe(const char *json)
{
	char *beyond_ascii = pd_strdup(json);

	for (char *p = beyond_ascii; *p; p++) {
		if (*p == 0x7F)
			abort();
		if ((unsigned char)*p < 0x80)
			*p = 'a';
	}
	assert_safe(beyond_ascii, false);
	free(beyond_ascii);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *in = pd_strndup((const char *)data, size);	/* up to the first NUL, like a C string */
	char *line = text_sanitize(in), *lines = text_sanitize_lines(in);
	char *json = text_json_escape_controls(in), *fit;
	int cols = size ? data[0] % 40 : 0, width = -1;

	assert_safe(line, false);
	assert_safe(lines, true);
	assert_json_safe(json);
	fit = text_fit(in, cols, &width);
	assert_safe(fit, false);
	if (width > cols || text_width(fit) != width)
		abort();
	(void)text_invisible_char(in);
	free(fit);
	free(json);
	free(lines);
	free(line);
	free(in);
	return 0;
}
