#ifndef PODIUM_TESTS_UNIT_H
#define PODIUM_TESTS_UNIT_H

/* What every unit test needs: cmocka and a temporary folder. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

/* A fresh temporary folder; the path is valid until the test process ends. */
static inline const char *unit_tmpdir(void)
{
	static char dir[64];

	snprintf(dir, sizeof(dir), "/tmp/podium-unit.XXXXXX");
	if (!mkdtemp(dir))
		abort();
	return dir;
}

/* dir/name in a static buffer of 4 (rotating) */
static inline const char *unit_path(const char *dir, const char *name)
{
	static char bufs[4][256];
	static int next;
	char *b = bufs[next++ % 4];

	snprintf(b, sizeof(bufs[0]), "%s/%s", dir, name);
	return b;
}

/* Remove the folder and everything in it. */
static inline void unit_rmdir(const char *dir)
{
	char cmd[300];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", dir);
}

#endif
