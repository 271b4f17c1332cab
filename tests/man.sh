#!/bin/sh
# The manual pages: podium(1) and podium-theme(5) render without a single
# warning (groff, and mandoc's lint where it is installed), podium(1) names
# every command and every option that 'podium help' shows, and podium-theme(5)
# every drawing role of the console and every theme that ships.
. "$top_srcdir/tests/cli/lib.sh"

command -v groff >/dev/null 2>&1 || skip "groff is not installed (apt-get install groff-base)"
man1="$top_srcdir/doc/podium.1"
man5="$top_srcdir/doc/podium-theme.5"

for page in "$man1" "$man5"; do
	name=$(basename "$page")
	run groff -man -Tutf8 -ww -z "$page"
	last="groff -man -Tutf8 -ww -z $name"
	expect_rc 0
	expect_err_empty

	# the page, as man shows it at 80 columns: no line wider than that
	run groff -man -Tutf8 -rLL=78n -P-cbou "$page"
	last="groff -man -Tutf8 $name"
	expect_rc 0
	expect_err_empty
	checks=$((checks + 1))
	awk 'length($0) > 80 { print FILENAME ":" NR ": " $0; bad = 1 } END { exit bad }' "$TESTDIR/out" ||
		fail "a line of the rendered page is wider than 80 columns"

	if command -v mandoc >/dev/null 2>&1; then
		run mandoc -Tlint -Wall "$page"
		last="mandoc -Tlint -Wall $name"
		expect_rc 0
		expect_out </dev/null
	fi
done

# podium(1) and podium-theme(5) as text on lines long enough that no word breaks
groff -man -Tutf8 -rLL=2000n -P-cbou "$man1" >"$TESTDIR/podium.txt" 2>/dev/null
groff -man -Tutf8 -rLL=2000n -P-cbou "$man5" >"$TESTDIR/theme.txt" 2>/dev/null

# every command of 'podium --help', as the tag of its entry
last="podium.1: commands"
podium --help | awk '/^commands:/ { on = 1; next } /^$/ { on = 0 } on { print $1 }' >"$TESTDIR/commands"
checks=$((checks + 1))
[ -s "$TESTDIR/commands" ] || fail "podium --help lists no commands"
while read -r cmd; do
	checks=$((checks + 1))
	grep -qE "^\.B $cmd( |\$)" "$man1" || fail "no entry for the command '$cmd'"
	# every option and word of its usage line
	podium help "$cmd" | sed -n '1,/^$/p' | grep -oE -- '--[a-z][a-z-]*' | sort -u >"$TESTDIR/opts"
	while read -r opt; do
		checks=$((checks + 1))
		grep -qF -- "$opt" "$TESTDIR/podium.txt" || fail "'$cmd $opt' is not documented"
	done <"$TESTDIR/opts"
done <"$TESTDIR/commands"

# the environment and the files that podium reads
for word in PODIUM_DB PODIUM_NOW NO_COLOR XDG_CONFIG_HOME USER LANG \
	'$XDG_CONFIG_HOME/podium/config' '$XDG_CONFIG_HOME/podium/themes' 'share/podium/themes' \
	'EXIT STATUS' 'SEE ALSO' 'podium-theme(5)'; do
	checks=$((checks + 1))
	grep -qF -- "$word" "$TESTDIR/podium.txt" || fail "podium.1 does not mention $word"
done

# every role of the console's table (src/tui/theme.h) has its entry in podium-theme(5)
last="podium-theme.5: roles"
sed -n 's/^[[:space:]]*_([A-Z_]*, *"\([a-z.]*\)".*/\1/p' "$top_srcdir/src/tui/theme.h" >"$TESTDIR/roles"
checks=$((checks + 1))
[ "$(wc -l <"$TESTDIR/roles")" -ge 20 ] || fail "could not read the roles of src/tui/theme.h"
while read -r role; do
	checks=$((checks + 1))
	grep -qE "^\.B $role\$" "$man5" || fail "no entry for the role '$role'"
done <"$TESTDIR/roles"

# every theme that ships, and the words of the format
for f in "$top_srcdir"/themes/*.theme; do
	checks=$((checks + 1))
	t=$(basename "$f" .theme | sed 's/-/\\\\-/g')
	grep -qE "^\.B $t\$" "$man5" || fail "the theme '$t' is not named"
done
for word in color mono default brightred color255 bold dim underline reverse italic blink standout normal \
	NO_COLOR --theme 'FILE:LINE'; do
	checks=$((checks + 1))
	grep -qF -- "$word" "$TESTDIR/theme.txt" || fail "podium-theme.5 does not mention $word"
done
finish
