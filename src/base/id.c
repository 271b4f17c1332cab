#include "config.h"
#include "podium/id.h"

#include <string.h>
#include <uuid/uuid.h>

void id_new(char out[ID_LEN + 1])
{
	uuid_t u;

	uuid_generate_random(u);
	uuid_unparse_lower(u, out);
}

bool id_is_uuid(const char *s)
{
	uuid_t u;

	return strlen(s) == ID_LEN && uuid_parse(s, u) == 0;
}

bool id_normalize(const char *s, char out[ID_LEN + 1])
{
	uuid_t u;

	if (strlen(s) != ID_LEN || uuid_parse(s, u) != 0)
		return false;
	uuid_unparse_lower(u, out);
	return true;
}
