#!/bin/sh
# Build each libFuzzer harness against the sources and run it for a bounded time.
#
#   tests/fuzz/run.sh [SECONDS] [WORKDIR]
#
# SECONDS per harness (default 20). Needs clang with libFuzzer (Debian/Ubuntu:
# apt-get install clang libclang-rt-14-dev) and the libraries podium builds
# with. Exits 1 when a harness crashes, leaks or hits undefined behaviour;
# the input that did it is kept as WORKDIR/crash-NAME-* (turn it into a unit
# test, then fix). New inputs found stay in WORKDIR/corpus-NAME.
set -eu

secs=${1:-20}
top=$(cd "$(dirname "$0")/../.." && pwd)
work=${2:-$(mktemp -d "${TMPDIR:-/tmp}/podium-fuzz.XXXXXX")}
mkdir -p "$work/obj"
CC=${FUZZ_CC:-clang}

if ! command -v "$CC" >/dev/null 2>&1; then
	echo "fuzz: $CC is not installed (apt-get install clang libclang-rt-14-dev)" >&2
	exit 2
fi

# a config.h of our own: the fuzzers need no configure run
cat >"$work/config.h" <<'END'
#define PACKAGE "podium"
#define PACKAGE_VERSION "fuzz"
#define ENABLE_NLS 0
END

cflags="-g -O1 -std=c11 -D_GNU_SOURCE -fno-omit-frame-pointer -fsanitize=address,undefined"
cflags="$cflags -fno-sanitize-recover=all -I$work -I$top/include -I$top/src"
cflags="$cflags $(pkg-config --cflags uuid 2>/dev/null || echo -I/usr/include/uuid)"
libs="-lsqlite3 -luuid -lsodium -lcsv -lunistring $(pkg-config --libs icu-uc icu-i18n 2>/dev/null || echo -licui18n -licuuc) -lm"

# the library part once, instrumented for coverage
echo "fuzz: building in $work"
# objects named by their path below src/: core/people/team.c -> core_people_team.o
for f in $(find "$top/src/base" "$top/src/store" "$top/src/core" "$top/src/cli" -name '*.c' | sort) \
	"$top"/src/tui/theme_parse.c; do
	rel=${f#"$top"/src/}
	o="$work/obj/$(printf %s "${rel%.c}" | tr / _).o"
	$CC $cflags -fsanitize=fuzzer-no-link -c "$f" -o "$o"
done
core=$(ls "$work"/obj/base_*.o "$work"/obj/store_*.o "$work"/obj/core_*.o)
cli=$(ls "$work"/obj/cli_*.o)

build() {
	$CC $cflags -fsanitize=fuzzer "$top/tests/fuzz/$1.c" $2 $libs -o "$work/$1"
}
build fuzz_csv "$core"
build fuzz_theme "$work/obj/tui_theme_parse.o $core"
build fuzz_args "$cli $core"
build fuzz_sanitize "$core"

status=0
for name in csv theme args sanitize; do
	mkdir -p "$work/corpus-$name"
	echo "fuzz: fuzz_$name for $secs s"
	mkdir -p "$work/scratch-$name"
	if ! PODIUM_FUZZ_DIR="$work/scratch-$name" "$work/fuzz_$name" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 -close_fd_mask=3 \
		-print_final_stats=1 -artifact_prefix="$work/crash-$name-" \
		"$work/corpus-$name" "$top/tests/fuzz/corpus/$name" >"$work/fuzz_$name.log" 2>&1; then
		echo "fuzz: fuzz_$name FAILED; the input is in $work/crash-$name-*"
		tail -40 "$work/fuzz_$name.log"
		status=1
	else
		grep -E '^stat::number_of_executed_units|^stat::new_units_added' "$work/fuzz_$name.log" |
			sed "s/^/fuzz: fuzz_$name /"
	fi
done
exit $status
