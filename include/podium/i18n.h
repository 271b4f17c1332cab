#ifndef PODIUM_I18N_H
#define PODIUM_I18N_H

/*
 * Translations (gettext). Every message meant for people goes through _()
 * where it is used, or N_() where it is stored in a table and translated when
 * shown; P_() picks the plural form for n.
 */
#if ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#define P_(one, many, n) ngettext((one), (many), (n))
#else
#define _(s) (s)
#define P_(one, many, n) ((n) == 1 ? (one) : (many))
#endif
#define N_(s) (s)

/*
 * Set the locale from the environment and open podium's catalogue (in the
 * installed locale folder, or $PODIUM_LOCALEDIR when set).
 */
void i18n_init(void);

#endif
