#ifndef PODIUM_OUT_H
#define PODIUM_OUT_H

#include <stdarg.h>
#include <stdio.h>

#include "podium/common.h"

/*
 * The one way out to a terminal for everything the command line prints:
 * messages, tables, CSV, JSON, calendars, prompts and errors. What is written
 * goes through text_sanitize_lines() first, so no name, comment or file
 * content can send a control or escape sequence, a bidirectional override or
 * an invalid byte: each becomes U+FFFD. Newlines, tabs and CRLF line ends stay.
 */

/* Write s as fputs() would, made safe. */
void out_puts(FILE *out, const char *s);

/* Write what fmt makes, made safe. */
void out_printf(FILE *out, const char *fmt, ...) PD_PRINTF(2, 3);
void out_vprintf(FILE *out, const char *fmt, va_list ap) PD_PRINTF(2, 0);

/*
 * Write what fmt makes of JSON from SQLite's JSON functions: C1, bidi and
 * other format characters are written as \uXXXX escapes
 * (text_json_escape_controls()), so the document means the same and still
 * reaches the terminal safely.
 */
void out_json(FILE *out, const char *fmt, ...) PD_PRINTF(2, 3);

#endif
