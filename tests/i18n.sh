#!/bin/sh
# French: the catalogue has every message, none fuzzy; under a French locale
# help, errors and the console speak French, while the files' formats stay.
. "$top_srcdir/tests/cli/lib.sh"

po="$top_srcdir/po/fr.po"
checks=$((checks + 1))
command -v msgfmt >/dev/null 2>&1 || skip "gettext is not installed (apt-get install gettext)"
stats=$(LC_ALL=C msgfmt --check --statistics -o "$TESTDIR/podium.mo" "$po" 2>&1) || fail "msgfmt --check refuses po/fr.po: $stats"
case "$stats" in
*fuzzy* | *untranslated*) fail "po/fr.po is not complete: $stats" ;;
esac
checks=$((checks + 1))
pot="$TESTDIR/podium.pot"
# every message of the sources is in the catalogue
(cd "$top_srcdir" && grep -v '^#' po/POTFILES.in | xargs xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ \
	--keyword=P_:1,2 --no-wrap -o "$pot" 2>/dev/null)
msgcmp "$po" "$pot" >"$TESTDIR/msgcmp" 2>&1 || { fail "po/fr.po lacks messages of the sources"; head -20 "$TESTDIR/msgcmp"; }
checks=$((checks + 1))
missing=$(cd "$top_srcdir" && for f in $(git ls-files 'src/*.c' 2>/dev/null || find src -name '*.c'); do
	grep -q '_("' "$f" && ! grep -qx "$f" po/POTFILES.in && echo "$f"; done)
[ -z "$missing" ] || fail "po/POTFILES.in lacks: $missing"

locale -a 2>/dev/null | grep -qi '^fr_FR\.utf-\?8$' ||
	skip "no French locale (localedef -i fr_FR -f UTF-8 fr_FR.UTF-8)"
mkdir -p "$TESTDIR/locale/fr/LC_MESSAGES"
cp "$TESTDIR/podium.mo" "$TESTDIR/locale/fr/LC_MESSAGES/podium.mo"
export PODIUM_LOCALEDIR="$TESTDIR/locale"
fr() { LC_ALL=fr_FR.UTF-8 LANGUAGE= "$@"; }

run fr podium --help
expect_rc 0
expect_out_lacks 'create a new event file'
checks=$((checks + 1))
grep -q 'commande' "$TESTDIR/out" || fail "the help is not in French"

run fr podium --db missing.db list teams
expect_rc 1
expect_err_match "^podium: .*missing.db"
expect_out_lacks .
checks=$((checks + 1))
grep -qi 'fichier' "$TESTDIR/err" || fail "the error is not in French: $(cat "$TESTDIR/err")"

run fr podium init --name "Hack'Lyon" --start "2026-12-04 18:00"
expect_rc 0
printf 'name,tracks\nLes Castors,Éducation\n' >teams.csv
run fr podium import teams teams.csv
expect_rc 0
# the formats of files do not change with the language
run fr podium leaderboard --format csv
expect_out <<'END'
rank,team,score,judges,tied,status
,Les Castors,,0,,unscored
END
run fr podium timeline --format csv
expect_out_match '^start,end,phase$'

# the console, scripted (podium tui --script): no terminal needed
printf ':dump\n' >"$TESTDIR/console.keys"
run fr podium tui --role organizer --script "$TESTDIR/console.keys"
expect_rc 0
expect_out_match 'Équipes'
finish
