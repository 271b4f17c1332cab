#!/bin/sh
# Search like less and mutt: '/' starts empty (it never adds to the last query),
# a match ignores case and accents ("coeur" finds "Cœur Vert", "meme" finds
# "mémé"), n and N repeat the search down and up, an empty '/' repeats it too.
. "$top_srcdir/tests/tui/script_lib.sh"

podium demo --no-tui >/dev/null || exit 99

keys_file judge <<'END'
/coeur<Enter><Enter>
:dump
<Esc>/
:dump
emile<Enter>
:dump
<Esc>/ecole<Enter><Enter>
:dump
<Esc>/les<Enter><Enter>
:dump
<Esc>n<Enter>
:dump
<Esc>N<Enter>
:dump
<Esc>/<Enter><Enter>
:dump
END
run podium tui --role judge --as "Karim Haddad" --script judge.keys
expect_rc 0
expect_err_empty
expect_dumps 8
expect_dump 1 '^ Cœur Vert '
expect_dump 2 '^Search: *$'
expect_dump 3 "Nothing matches 'emile'"
expect_dump_lacks 3 "coeur"
expect_dump 4 '^ Les Débrouillards '
first=$(dump 5 | sed -n 2p)
expect_dump 5 '^ Les '
expect_dump 6 '^ Les '
checks=$((checks + 1))
[ "$(dump 6 | sed -n 2p)" != "$first" ] || fail "n stayed on $first"
checks=$((checks + 1))
[ "$(dump 7 | sed -n 2p)" = "$first" ] || fail "N did not go back to $first: $(dump 7 | sed -n 2p)"
checks=$((checks + 1))
[ "$(dump 8 | sed -n 2p)" = "$(dump 6 | sed -n 2p)" ] || fail "an empty / did not repeat the search"

# accents and case on both sides; n with no search yet says how to search
printf 'name,project\nChez Mémé,Tricot\n' >teams.csv
podium import teams teams.csv >/dev/null || exit 99
keys_file organizer <<'END'
n
:dump
/MEME<Enter>
:dump
END
run podium tui --role organizer --script organizer.keys
expect_rc 0
expect_dump 1 'No search yet: / searches the list'
expect_dump_lacks 2 'Nothing matches'
expect_dump 2 'Chez Mémé'
finish
