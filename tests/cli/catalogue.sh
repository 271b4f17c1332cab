#!/bin/sh
# The program run from the build folder finds its French catalogue by itself
# (po/locale beside it, built from po/*.gmo), with no environment variable.
. "$top_srcdir/tests/cli/lib.sh"

locale -a 2>/dev/null | grep -qi '^fr_FR\.utf-\?8$' ||
	skip "no French locale (localedef -i fr_FR -f UTF-8 fr_FR.UTF-8)"
unset PODIUM_LOCALEDIR LANGUAGE
checks=$((checks + 1))
[ -f "$abs_top_builddir/po/locale/fr/LC_MESSAGES/podium.mo" ] || fail "the build folder has no po/locale/fr/LC_MESSAGES/podium.mo"
run env LC_ALL=fr_FR.UTF-8 "$PODIUM" --help
expect_rc 0
expect_out_match '^utilisation : podium'
run env LC_ALL=fr_FR.UTF-8 "$PODIUM" --db absent.db list teams
expect_rc 1
expect_err_match "^podium: pas de fichier d'événement"
# the lists' empty lines, one printer for every list, come out in French too
run "$PODIUM" --db fr.db init --name "Soirée"
expect_rc 0
run env LC_ALL=fr_FR.UTF-8 "$PODIUM" --db fr.db list teams
printf '%s\n' "pas encore d'équipe" | expect_out
run env LC_ALL=fr_FR.UTF-8 "$PODIUM" --db fr.db assignments
printf '%s\n' "pas encore de jury réparti : lancez 'podium assign judges'" | expect_out
# the C locale stays English
run "$PODIUM" --help
expect_out_match '^usage: podium'
finish
