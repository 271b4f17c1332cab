#include "config.h"
#include "podium/i18n.h"

#include <locale.h>
#include <stdlib.h>

#ifndef PODIUM_LOCALEDIR
#define PODIUM_LOCALEDIR "/usr/local/share/locale"
#endif

void i18n_init(void)
{
	setlocale(LC_ALL, "");
#if ENABLE_NLS
	{
		const char *dir = getenv("PODIUM_LOCALEDIR");

		bindtextdomain(PACKAGE, dir && dir[0] ? dir : PODIUM_LOCALEDIR);
		bind_textdomain_codeset(PACKAGE, "UTF-8");
		textdomain(PACKAGE);
	}
#endif
}
