#include "config.h"
#include "podium/i18n.h"

#include <limits.h>
#include <stdbool.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef PODIUM_LOCALEDIR
#define PODIUM_LOCALEDIR "/usr/local/share/locale"
#endif

#if ENABLE_NLS
/* True when dir holds a catalogue of podium for the messages' language ("fr" of fr_FR.UTF-8). */
static bool has_catalogue(const char *dir)
{
	const char *loc = setlocale(LC_MESSAGES, NULL);
	char lang[16], path[PATH_MAX];
	size_t n = loc ? strcspn(loc, "_.@") : 0;

	if (n == 0 || n >= sizeof(lang))
		return false;
	memcpy(lang, loc, n);
	lang[n] = '\0';
	if ((size_t)snprintf(path, sizeof(path), "%s/%s/LC_MESSAGES/%s.mo", dir, lang, PACKAGE) >= sizeof(path))
		return false;
	return access(path, R_OK) == 0;
}

/*
 * The build folder's catalogues (po/locale beside the program), when the
 * program runs from there and nothing is installed for its language; else NULL.
 */
static const char *built_catalogues(char *buf, size_t size)
{
	ssize_t n = readlink("/proc/self/exe", buf, size - 1);
	char *slash;

	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	if (!(slash = strrchr(buf, '/')) || (size_t)(slash - buf) + sizeof("/po/locale") > size)
		return NULL;
	strcpy(slash, "/po/locale");
	return has_catalogue(buf) ? buf : NULL;
}
#endif

void i18n_init(void)
{
	setlocale(LC_ALL, "");
#if ENABLE_NLS
	{
		const char *dir = getenv("PODIUM_LOCALEDIR");
		char built[PATH_MAX];

		if (!dir || !dir[0])
			dir = has_catalogue(PODIUM_LOCALEDIR) ? PODIUM_LOCALEDIR : built_catalogues(built, sizeof(built));
		bindtextdomain(PACKAGE, dir ? dir : PODIUM_LOCALEDIR);
		bind_textdomain_codeset(PACKAGE, "UTF-8");
		textdomain(PACKAGE);
	}
#endif
}
