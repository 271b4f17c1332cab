#ifndef PODIUM_ID_H
#define PODIUM_ID_H

#include <stdbool.h>

/* Records are keyed by random UUIDs in lower-case text, so files from several sites can merge. */
#define ID_LEN 36

/* Write a new random UUID into out. */
void id_new(char out[ID_LEN + 1]);

/* True when s is a UUID in text form (either case). */
bool id_is_uuid(const char *s);

/* The lower-case form of the UUID s into out; false when s is not one. */
bool id_normalize(const char *s, char out[ID_LEN + 1]);

#endif
