#include "config.h"
#include "podium/actor.h"

#include <string.h>

#include "podium/common.h"

static const char *const names[] = {
#define ROLE_NAME(id, name) name,
	ROLE_INFO(ROLE_NAME)
#undef ROLE_NAME
};

const char *role_name(enum role r)
{
	return (unsigned)r < PD_ARRAY_LEN(names) ? names[r] : "?";
}

int role_from_name(const char *name)
{
	for (size_t i = 0; i < PD_ARRAY_LEN(names); i++)
		if (strcmp(names[i], name) == 0)
			return (int)i;
	return -1;
}
