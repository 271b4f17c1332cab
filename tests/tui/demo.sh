#!/bin/sh
# The demo's judges with a PIN, as the README names them with their PINs, each
# open their own judge console with it, and see their panel's eight teams.
# One process each: the console runs a script (podium tui --script), the PIN
# comes on standard input.
. "$top_srcdir/tests/tui/script_lib.sh"

podium demo --no-tui >/dev/null || exit 99
readme="$top_srcdir/README.md"
# "The demo's judges Chloé Martin, Émile Roux and Aïcha Diallo have PINs (`246813`, `135702` and `864209`)"
para=$(awk '/^The demo.s judges /,/^$/' "$readme" | tr '\n' ' ')
names=$(printf '%s\n' "$para" | sed -E "s/^The demo.s judges (.*) have PINs.*/\1/; s/,? and /\n/g; s/, /\n/g")
pins=$(printf '%s\n' "$para" | sed -E 's/\)[^)]*$//' | grep -oE '`[0-9]+`' | tr -d '`')
checks=$((checks + 1))
[ "$(printf '%s\n' "$names" | grep -c .)" -eq 3 ] && [ "$(printf '%s\n' "$pins" | grep -c .)" -eq 3 ] ||
	fail "the README does not name three judges with their PINs: '$names' '$pins'"

keys_file judge <<'END'
:dump
END
for i in 1 2 3; do
	name=$(printf '%s\n' "$names" | sed -n "${i}p")
	printf '%s\n' "$pins" | sed -n "${i}p" >"$TESTDIR/pin"
	run_stdin podium tui --as "$name" --script "$TESTDIR/judge.keys" <"$TESTDIR/pin"
	expect_rc 0
	expect_err_match "^PIN for $name: *$"
	expect_dump 1 "^ podium · judge $name · [0-9] of 8 teams done"
	checks=$((checks + 1))
	[ "$(dump 1 | grep -cE ' (to do|draft|submitted)( +[0-9.]+)?$')" -eq 8 ] || fail "$name's list does not hold 8 teams"
done

# another judge's PIN opens nothing
printf '%s\n' "$pins" | sed -n 2p >"$TESTDIR/pin"
run_stdin podium tui --as "$(printf '%s\n' "$names" | sed -n 1p)" --script "$TESTDIR/judge.keys" <"$TESTDIR/pin"
expect_rc 1
expect_dumps 0
finish
