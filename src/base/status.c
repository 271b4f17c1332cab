#include "config.h"
#include "podium/status.h"

#include <stdarg.h>
#include <stdio.h>

#include "podium/i18n.h"

static const char *const messages[] = {
#define STATUS_MSG(id, msg) N_(msg),
	STATUS_INFO(STATUS_MSG)
#undef STATUS_MSG
};

static const char *const names[] = {
#define STATUS_NAME(id, msg) #id,
	STATUS_INFO(STATUS_NAME)
#undef STATUS_NAME
};

static char detail[1024];
static enum status detail_status = ST_OK;

enum status status_error(enum status st, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(detail, sizeof(detail), fmt, ap);
	va_end(ap);
	detail_status = st;
	return st;
}

enum status status_set(enum status st)
{
	status_clear();
	return st;
}

const char *status_default_message(enum status st)
{
	if ((unsigned)st >= PD_ARRAY_LEN(messages))
		return _("unknown error");
	return _(messages[st]);
}

const char *status_message(enum status st)
{
	if (detail[0] && detail_status == st)
		return detail;
	return status_default_message(st);
}

const char *status_name(enum status st)
{
	if ((unsigned)st >= PD_ARRAY_LEN(names))
		return "?";
	return names[st];
}

void status_clear(void)
{
	detail[0] = '\0';
	detail_status = ST_OK;
}
