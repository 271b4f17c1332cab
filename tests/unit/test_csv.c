#include "config.h"
#include "unit.h"

#include "podium/common.h"
#include "podium/csv.h"

static enum status read_text(const char *text, struct csv_table *t)
{
	return csv_read_string("t.csv", text, strlen(text), t);
}

static void expect_error(const char *text, enum status st, const char *message)
{
	struct csv_table t;

	assert_int_equal(read_text(text, &t), st);
	assert_string_equal(status_message(st), message);
	assert_int_equal(t.nrows, 0);
	assert_null(t.cells);
}

static void read__strips_bom_and_reads_crlf_and_quoted_cells(void **state)
{
	struct csv_table t;
	const char *text = "\xef\xbb\xbf"
			   "Name , Project,Tracks\r\n"
			   "\"Les Écureuils\",\"Un projet, avec virgule\",Education;Environment\r\n"
			   "\"Multi\r\nline\",\"say \"\"hi\"\"\",  spaced  \r\n";

	(void)state;
	assert_int_equal(read_text(text, &t), ST_OK);
	assert_int_equal(t.ncols, 3);
	assert_string_equal(t.header[0], "Name");
	assert_string_equal(t.header[1], "Project");
	assert_int_equal(csv_column(&t, "name"), 0);
	assert_int_equal(csv_column(&t, "TRACKS"), 2);
	assert_int_equal(csv_column(&t, "members"), -1);
	assert_int_equal(t.nrows, 2);
	assert_string_equal(csv_cell(&t, 0, 0), "Les Écureuils");
	assert_string_equal(csv_cell(&t, 0, 1), "Un projet, avec virgule");
	assert_string_equal(csv_cell(&t, 0, 2), "Education;Environment");
	assert_string_equal(csv_cell(&t, 1, 0), "Multi\nline");
	assert_string_equal(csv_cell(&t, 1, 1), "say \"hi\"");
	assert_string_equal(csv_cell(&t, 1, 2), "spaced");
	assert_string_equal(csv_cell(&t, 1, -1), "");
	assert_int_equal(t.header_line, 1);
	assert_int_equal(t.lines[0], 2);
	assert_int_equal(t.lines[1], 3);
	csv_table_clear(&t);
}

static void read__counts_lines_across_quoted_newlines_and_blank_lines(void **state)
{
	struct csv_table t;
	const char *text = "\n"
			   "name,notes\n"
			   "a,\"one\ntwo\nthree\"\n"
			   "\n"
			   "   \n"
			   ",\n"
			   "b,plain\n"
			   "c,\"x\n\ny\"\n";

	(void)state;
	assert_int_equal(read_text(text, &t), ST_OK);
	assert_int_equal(t.header_line, 2);
	assert_int_equal(t.nrows, 3);
	assert_int_equal(t.lines[0], 3);
	assert_string_equal(csv_cell(&t, 0, 1), "one\ntwo\nthree");
	assert_int_equal(t.lines[1], 9);
	assert_int_equal(t.lines[2], 10);
	assert_string_equal(csv_cell(&t, 2, 1), "x\n\ny");
	csv_table_clear(&t);

	/* an error after a quoted newline names the line the bad row starts on */
	expect_error("name,notes\na,\"one\ntwo\"\nb,c,d\n", ST_INVALID,
		     "t.csv:4: the row has 3 cells but the header names only 2 columns");
	expect_error("name,notes\r\na,\"one\r\ntwo\"\r\n\r\n\"b\",\"c\"\"\r\n", ST_INVALID,
		     "t.csv:5: a quoted cell is never closed; add the closing quote");
}

static void read__pads_short_rows_and_refuses_long_ones(void **state)
{
	struct csv_table t;

	(void)state;
	assert_int_equal(read_text("a,b,c\n1\n1,2\n", &t), ST_OK);
	assert_int_equal(t.nrows, 2);
	assert_string_equal(csv_cell(&t, 0, 0), "1");
	assert_string_equal(csv_cell(&t, 0, 1), "");
	assert_string_equal(csv_cell(&t, 0, 2), "");
	assert_string_equal(csv_cell(&t, 1, 1), "2");
	assert_string_equal(csv_cell(&t, 1, 2), "");
	csv_table_clear(&t);
	expect_error("a,b\n1,2\n1,2,3\n", ST_INVALID,
		     "t.csv:3: the row has 3 cells but the header names only 2 columns");
}

static void read__takes_a_quote_inside_an_unquoted_cell_as_a_quote(void **state)
{
	struct csv_table t;

	(void)state;
	assert_int_equal(read_text("name,place,x\nab\"c,37°36'37.8\"N , \"q\"\"\"\n"
				   "\"two\nlines\",6\" tall,\"\"\r\n", &t), ST_OK);
	assert_int_equal(t.nrows, 2);
	assert_string_equal(csv_cell(&t, 0, 0), "ab\"c");
	assert_string_equal(csv_cell(&t, 0, 1), "37°36'37.8\"N");
	assert_string_equal(csv_cell(&t, 0, 2), "q\"");
	assert_string_equal(csv_cell(&t, 1, 0), "two\nlines");
	assert_string_equal(csv_cell(&t, 1, 1), "6\" tall");
	assert_string_equal(csv_cell(&t, 1, 2), "");
	assert_int_equal(t.lines[1], 3);
	csv_table_clear(&t);
}

static void read__refuses_a_quote_after_a_quoted_cell_and_an_open_quote(void **state)
{
	(void)state;
	expect_error(
	    "name,x\n\"ab\"c,d\n", ST_INVALID,
	    "t.csv:2: a stray quote; put the cell in quotes and double every quote inside it");
	expect_error("name,x\n\"a\nb\"c,d\n", ST_INVALID,
		     "t.csv:2: a stray quote on line 3; put the cell in quotes and double every "
		     "quote inside it");
	expect_error("name\n\"never closed\n", ST_INVALID,
		     "t.csv:2: a quoted cell is never closed; add the closing quote");
}

static void read__refuses_invalid_utf8_naming_the_line(void **state)
{
	struct csv_table t;
	const char nul[] = "name\nab\0c\n";

	(void)state;
	expect_error("name,x\nok,fine\n\"bad\n\xff\",x\n", ST_INVALID,
		     "t.csv:3: the text is not valid UTF-8 (cell 1); save the file as UTF-8");
	expect_error("name,x\nok,caf\xe9\n", ST_INVALID,
		     "t.csv:2: the text is not valid UTF-8 (cell 2); save the file as UTF-8");
	expect_error("na\xc3me\nx\n", ST_INVALID,
		     "t.csv:1: the text is not valid UTF-8 (cell 1); save the file as UTF-8");
	assert_int_equal(csv_read_string("t.csv", nul, sizeof(nul) - 1, &t), ST_INVALID);
}

static void read__refuses_empty_files_and_bad_headers(void **state)
{
	struct csv_table t;

	(void)state;
	expect_error("", ST_INVALID,
		     "t.csv: the file is empty; its first line must name the columns");
	expect_error("\r\n\n  \n", ST_INVALID,
		     "t.csv: the file is empty; its first line must name the columns");
	expect_error("name,,x\n", ST_INVALID,
		     "t.csv:1: column 2 of the header has no name; name it or remove it");
	expect_error("Name,x,NAME\n", ST_INVALID,
		     "t.csv:1: the header names the column 'NAME' twice (columns 1 and 3)");
	expect_error("Équipe,équipe\n", ST_INVALID,
		     "t.csv:1: the header names the column 'équipe' twice (columns 1 and 2)");

	assert_int_equal(read_text("name,project\r\n", &t), ST_OK);
	assert_int_equal(t.ncols, 2);
	assert_int_equal(t.nrows, 0);
	csv_table_clear(&t);
}

static void read__reads_ten_thousand_rows(void **state)
{
	size_t cap = 64 * 10000, len = 0;
	char *text = pd_malloc(cap);
	struct csv_table t;

	(void)state;
	len += (size_t)snprintf(text, cap, "name,members\r\n");
	for (int i = 0; i < 10000; i++) {
		if (i % 100 == 0)
			len += (size_t)snprintf(text + len, cap - len, "\"Team %d\",\"a\r\nb\"\r\n",
						i);
		else
			len += (size_t)snprintf(text + len, cap - len, "Team %d,x;y\r\n", i);
	}
	assert_int_equal(csv_read_string("big.csv", text, len, &t), ST_OK);
	assert_int_equal(t.nrows, 10000);
	assert_string_equal(csv_cell(&t, 9999, 0), "Team 9999");
	assert_string_equal(csv_cell(&t, 100, 1), "a\nb");
	/* rows 0, 100, ..., 9900 take two lines each */
	assert_int_equal(t.lines[0], 2);
	assert_int_equal(t.lines[1], 4);
	assert_int_equal(t.lines[9999], 2 + 9999 + 100);
	csv_table_clear(&t);
	free(text);
}

static void read_file__reads_a_file_and_names_a_missing_one(void **state)
{
	const char *dir = unit_tmpdir(), *path = unit_path(dir, "teams.csv");
	FILE *f = fopen(path, "w");
	struct csv_table t;
	char expected[300];

	(void)state;
	assert_non_null(f);
	fputs("name\nÉmile\n\"x,y\"\n", f);
	fclose(f);
	assert_int_equal(csv_read_file(path, &t), ST_OK);
	assert_int_equal(t.nrows, 2);
	assert_string_equal(csv_cell(&t, 1, 0), "x,y");
	csv_table_clear(&t);

	f = fopen(path, "w");
	fputs("name\nok\n\"bad\"x\n", f);
	fclose(f);
	assert_int_equal(csv_read_file(path, &t), ST_INVALID);
	snprintf(expected, sizeof(expected),
		 "%s:3: a stray quote; put the cell in quotes and double every quote inside it",
		 path);
	assert_string_equal(status_message(ST_INVALID), expected);

	assert_int_equal(csv_read_file(unit_path(dir, "missing.csv"), &t), ST_IO);
	snprintf(expected, sizeof(expected), "cannot read '%s': No such file or directory",
		 unit_path(dir, "missing.csv"));
	assert_string_equal(status_message(ST_IO), expected);
	assert_int_equal(csv_read_file(dir, &t), ST_IO);
	unit_rmdir(dir);
}

static void check_row(char *got, const char *want)
{
	assert_string_equal(got, want);
	free(got);
}

static void format__writes_formula_text_with_a_quote_and_numbers_as_they_are(void **state)
{
	const char *cells[] = { "-0.5", "=HYPERLINK(\"http://x\",\"y\")", "+1", "@SUM(A1)", "\tx", "-2" };
	static const bool number[] = { true, false, false, false, false, true };

	(void)state;
	check_row(csv_format_row(cells, 6, number),
		  "-0.5,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+1,'@SUM(A1),'\tx,-2\n");
	/* without number flags every cell is text */
	check_row(csv_format_row(cells, 1, NULL), "'-0.5\n");
	check_row(csv_format_row((const char *[]){ "a,b", " pad", NULL, "'=quoted already" }, 4, NULL),
		  "\"a,b\",\" pad\",,'=quoted already\n");
	check_row(csv_format_cell("\rx", true), "\"'\rx\"");
	assert_true(csv_formula_like("=1"));
	assert_false(csv_formula_like("1-2"));
	assert_false(csv_formula_like(""));
}

static void read__takes_off_the_quote_of_a_formula_cell_only(void **state)
{
	struct csv_table t;

	(void)state;
	assert_int_equal(read_text("a,b,c,d\n'=1+1,'-0.5,'plain,''@x\n", &t), ST_OK);
	assert_string_equal(csv_cell(&t, 0, 0), "=1+1");
	assert_string_equal(csv_cell(&t, 0, 1), "-0.5");
	assert_string_equal(csv_cell(&t, 0, 2), "'plain");
	assert_string_equal(csv_cell(&t, 0, 3), "''@x");
	csv_table_clear(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(read__strips_bom_and_reads_crlf_and_quoted_cells),
		cmocka_unit_test(read__counts_lines_across_quoted_newlines_and_blank_lines),
		cmocka_unit_test(read__pads_short_rows_and_refuses_long_ones),
		cmocka_unit_test(read__takes_a_quote_inside_an_unquoted_cell_as_a_quote),
		cmocka_unit_test(read__refuses_a_quote_after_a_quoted_cell_and_an_open_quote),
		cmocka_unit_test(read__refuses_invalid_utf8_naming_the_line),
		cmocka_unit_test(read__refuses_empty_files_and_bad_headers),
		cmocka_unit_test(read__reads_ten_thousand_rows),
		cmocka_unit_test(read_file__reads_a_file_and_names_a_missing_one),
		cmocka_unit_test(format__writes_formula_text_with_a_quote_and_numbers_as_they_are),
		cmocka_unit_test(read__takes_off_the_quote_of_a_formula_cell_only),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
