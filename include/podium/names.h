#ifndef PODIUM_NAMES_H
#define PODIUM_NAMES_H

#include "podium/id.h"
#include "podium/record.h"
#include "podium/status.h"

struct store;

/*
 * Names that cannot deceive. A name shows on other people's screens, on the
 * projector and in files, so it must look like what it is: no character that
 * does not show, a length that fits a screen, and no look-alike of another
 * name of the same kind ("Аlpha" in Cyrillic next to "Alpha").
 */

#define NAME_MAX_BYTES 200
#define NAME_MAX_COLUMNS 80

/*
 * Check the text of a name: ST_INVALID when it holds an invisible character
 * (controls, format characters such as zero-width or bidi ones, the soft
 * hyphen, the BOM, a variation selector with nothing to vary) or is longer
 * than NAME_MAX_COLUMNS display columns or NAME_MAX_BYTES bytes. what names
 * it in the message, translated ("team name"). name is trimmed UTF-8.
 */
enum status name_check_text(const char *what, const char *name);

/* The translated "team name", "judge name"... of kind, for name_check_text(). */
const char *name_what(enum record_kind kind);

/*
 * ST_CONFLICT when name looks like (has the same confusable skeleton, after
 * case folding, as ICU's spoof checker defines it) the name of another
 * record of kind than self_id (NULL for a new record). Outside a batch this
 * reads every name of the kind; inside one, each kind is read once.
 */
enum status name_check_lookalike(struct store *st, enum record_kind kind, const char *name,
				 const char *self_id);

/*
 * A batch of additions, such as an import: the names of each kind are read
 * once, on the first check, and every name checked is added to them, so an
 * import of thousands of records checks each in constant time, against the
 * file and the event both. name_batch_end() forgets them.
 */
void name_batch_begin(struct store *st);
void name_batch_end(void);

#endif
