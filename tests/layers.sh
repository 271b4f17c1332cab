#!/bin/sh
# The layers of the source tree (README, "The source tree"), checked: headers stay free of curses and SQLite,
# only src/store talks to SQLite, only src/tui to curses, cli and tui stay apart,
# the core never reaches up, the store stands on src/base alone, and the
# command line and the console print only through the sanitising writer.
cd "${top_srcdir:-.}" || exit 99
fail=0
bad() { echo "layers: $1"; fail=1; }

hits=$(grep -lE '#include <(n?curses|sqlite3)' include/podium/*.h 2>/dev/null)
[ -z "$hits" ] || bad "public headers include curses or sqlite3: $hits"
hits=$(grep -lE '#include <sqlite3' src/core src/cli src/tui src/main.c -r 2>/dev/null)
[ -z "$hits" ] || bad "only src/store may include sqlite3.h: $hits"
hits=$(grep -lE '#include <n?curses' src/core src/store src/cli src/main.c -r 2>/dev/null)
[ -z "$hits" ] || bad "only src/tui may include curses: $hits"
hits=$(grep -lE '#include "(\.\./)?tui/' src/cli -r 2>/dev/null)
[ -z "$hits" ] || bad "cli includes tui: $hits"
hits=$(grep -lE '#include "(\.\./)?cli/' src/tui -r 2>/dev/null)
[ -z "$hits" ] || bad "tui includes cli: $hits"
hits=$(grep -lE '#include "(\.\./)?(cli|tui)/|#include "(cli|tui)\.h"' src/core src/store -r 2>/dev/null)
[ -z "$hits" ] || bad "core or store reaches up into cli or tui: $hits"
hits=$(grep -lE 'sqlite3_' src/core src/cli src/tui -r 2>/dev/null)
[ -z "$hits" ] || bad "SQLite calls outside src/store: $hits"
# what reaches a terminal goes through the one sanitising writer (podium/out.h)
hits=$(grep -nE '(^|[^_a-z])(printf|puts|fputs|fprintf|putchar|fputc|fwrite|vprintf|vfprintf)\(' src/cli/*.c src/tui/*.c 2>/dev/null |
	grep -vE '(snprintf|vsnprintf|asprintf)\(')
[ -z "$hits" ] || bad "raw printing outside podium/out.h: $hits"

# src/base is below everything: its sources and headers name only base headers;
# src/store adds only its own.
base_headers='common|status|i18n|id|clock|text|idmap'
store_headers="$base_headers|store|changes"
includes_above() {	# FILES... : the lines that include a podium header outside $allowed
	grep -nE '#include "podium/' "$@" 2>/dev/null | grep -vE "#include \"podium/($allowed)\.h\""
}
base_files=$(ls src/base/*.[ch] 2>/dev/null; for h in $(echo "$base_headers" | tr '|' ' '); do
	echo "include/podium/$h.h"; done)
allowed=$base_headers
hits=$(includes_above $base_files)
[ -z "$hits" ] || bad "base includes a header above it: $hits"
allowed=$store_headers
hits=$(includes_above src/store/*.[ch] include/podium/store.h include/podium/changes.h)
[ -z "$hits" ] || bad "the store includes a header above base: $hits"
hits=$(grep -lE '#include "(\.\./)?(core|cli|tui)/' src/base src/store -r 2>/dev/null)
[ -z "$hits" ] || bad "base or store reaches up into core, cli or tui: $hits"

# The command line and the console ask the core: they never name a statement
# nor run one through the store's query functions.
hits=$(grep -nE '\<STMT_[A-Z]|\<store_(query|prepare)\(|\<query_(bind_[a-z]+|step|exec|text|int|double|is_null|reset|first_text)\(' \
	src/cli src/tui src/main.c -r 2>/dev/null)
[ -z "$hits" ] || bad "the command line or the console runs SQL itself: $hits"
# ... nor build domain steps inside a transaction of their own: each core write opens its own
hits=$(grep -nE '\<store_(write|write_at|read)\(' src/cli src/tui src/main.c -r --include='*.c' 2>/dev/null)
[ -z "$hits" ] || bad "the command line or the console opens a transaction: $hits"

[ $fail -eq 0 ] && echo "layers: ok"
exit $fail
