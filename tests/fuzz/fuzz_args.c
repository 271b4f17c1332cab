#include "config.h"

/*
 * libFuzzer harness: the command line. The input is split at NUL bytes into
 * arguments (at most 24) and given to cli_main(), as main() would, on a fresh
 * copy of a small event file in a scratch folder, $PODIUM_FUZZ_DIR or a new
 * one under /tmp, made the current folder so a --db or a backup name lands
 * there (give libFuzzer absolute paths). An argument holding '/' is dropped, so
 * no file outside the scratch folder is ever touched. No console is linked:
 * 'tui' and 'demo' answer that there is none. Built and run by tests/fuzz/run.sh.
 */

#include <dirent.h>
#include <fcntl.h>
#include <locale.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "podium/csv.h"
#include "podium/event.h"
#include "podium/import.h"
#include "podium/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_ARGS 24
#define TEMPLATE "template.podium"
#define SCRATCH "event.db"

static char *template_bytes;
static size_t template_len;

static void seed(struct store *st, const char *name, const char *text,
		 enum status (*fn)(struct store *, const char *, const struct csv_table *, size_t *))
{
	struct csv_table t;
	size_t n;

	if (csv_read_string(name, text, strlen(text), &t) != ST_OK || fn(st, name, &t, &n) != ST_OK)
		abort();
	csv_table_clear(&t);
}

/* Remove what the last run left (with keep_template, all but the template). */
static void clean_folder(bool keep_template)
{
	DIR *d = opendir(".");
	struct dirent *e;

	if (!d)
		abort();
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0 && (!keep_template || strcmp(e->d_name, TEMPLATE) != 0))
			unlink(e->d_name);
	closedir(d);
}

/* The scratch folder and the bytes of a small event, made once. */
static void setup(void)
{
	struct event_spec spec = { "Fuzz", 1796000000, 48 };
	static char tmp[] = "/tmp/podium-fuzz-args.XXXXXX";
	const char *dir = getenv("PODIUM_FUZZ_DIR");
	struct store *st;
	FILE *f;
	long n;

	setlocale(LC_ALL, "C.UTF-8");
	if (!dir || !dir[0])
		dir = mkdtemp(tmp);
	if (!dir || chdir(dir) != 0)
		abort();
	if (!freopen("/dev/null", "r", stdin))
		abort();
	setenv("PODIUM_DB", SCRATCH, 1);
	setenv("PODIUM_NOW", "2026-12-05 10:00", 1);
	setenv("USER", "fuzz", 1);
	setenv("HOME", dir, 1);
	setenv("XDG_CONFIG_HOME", dir, 1);
	clean_folder(false);	/* a folder used before */
	if (store_create(TEMPLATE, &st) != ST_OK || event_create(st, &spec) != ST_OK)
		abort();
	seed(st, "teams.csv", "name,tracks\nLes Castors,Éducation\n東京チーム 🚀,Santé\nBridge Builders,\n",
	     import_teams);
	seed(st, "judges.csv", "name,tracks\nÉmile Roux,Éducation\nChloé Martin,\n", import_judges);
	seed(st, "sheets.csv",
	     "judge,team,Idea,Engagement,Technique,Marketing,Design,Viability,Pitch\n"
	     "Émile Roux,Les Castors,4,3,5,2,4,3,5\n", import_sheets);
	store_close(st);
	/* one file: no -wal to copy */
	f = fopen(TEMPLATE, "rb");
	if (!f || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) <= 0)
		abort();
	rewind(f);
	template_len = (size_t)n;
	template_bytes = malloc(template_len);
	if (!template_bytes || fread(template_bytes, 1, template_len, f) != template_len)
		abort();
	fclose(f);
}

static void fresh_scratch(void)
{
	int fd;

	clean_folder(true);
	fd = open(SCRATCH, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || write(fd, template_bytes, template_len) != (ssize_t)template_len)
		abort();
	close(fd);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *copy, *argv[MAX_ARGS + 1];
	int argc = 0, rc;
	size_t start = 0;

	if (!template_bytes)
		setup();
	copy = malloc(size + 1);
	if (!copy)
		return 0;
	memcpy(copy, data, size);
	copy[size] = '\0';
	for (size_t i = 0; i <= size && argc < MAX_ARGS; i++) {
		if (i < size && copy[i] != '\0')
			continue;
		copy[i] = '\0';
		if (!strchr(copy + start, '/'))
			argv[argc++] = copy + start;
		start = i + 1;
	}
	argv[argc] = NULL;
	fresh_scratch();
	rc = cli_main(argc, argv);
	if (rc < 0 || rc > 2)
		abort();	/* the exit statuses are 0, 1 and 2 */
	fflush(stdout);
	free(copy);
	return 0;
}
