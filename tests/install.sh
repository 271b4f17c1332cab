#!/bin/sh
# Installing puts everything in its place: 'make install DESTDIR=...' puts the
# program, the themes and the two manual pages where the configured folders
# say, never setuid or setgid, and 'make uninstall' takes them all away again;
# 'make install prefix=...' gives a podium that runs from that prefix, and
# whose console (under tmux, when it is installed) finds the installed themes.
. "$top_srcdir/tests/cli/lib.sh"

: "${abs_top_builddir:?abs_top_builddir must name the build folder}"
MAKE=${MAKE:-make}
themes="default high-contrast light mono projector"

# make in the build folder, on its own: not a part of the make that runs the tests
mk() {
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL $MAKE -C "$abs_top_builddir" "$@"
}

# The installation folders that the build folder's Makefile uses, given
# the same variables on the command line: "bindir pkgdatadir man1dir man5dir".
install_dirs() {
	printf 'podium-print-dirs:\n\t@echo "$(bindir) $(pkgdatadir) $(man1dir) $(man5dir)"\n' |
		mk -s --no-print-directory -f Makefile -f - podium-print-dirs "$@"
}

# expect_file PATH: a regular file, not setuid nor setgid
expect_file() {
	checks=$((checks + 1))
	if [ ! -f "$1" ]; then
		fail "$1 is not installed"
	elif [ -u "$1" ] || [ -g "$1" ]; then
		fail "$1 is installed setuid or setgid"
	fi
}

# ---- 1. a staged install: DESTDIR ----

dest="$TESTDIR/dest"
last="make install DESTDIR=..."
mk install DESTDIR="$dest" >"$TESTDIR/install.log" 2>&1
rc=$?
expect_rc 0 || true
[ "$rc" -eq 0 ] || sed 's/^/  | /' "$TESTDIR/install.log" | tail -20

set -- $(install_dirs)
bindir=$1 pkgdatadir=$2 man1dir=$3 man5dir=$4
checks=$((checks + 1))
case "$pkgdatadir" in
*/share/podium) ;;
*) fail "pkgdatadir is '$pkgdatadir', not a share/podium folder" ;;
esac
case "$man1dir $man5dir" in
*/share/man/man1\ */share/man/man5) ;;
*) fail "the manual pages go to '$man1dir' and '$man5dir', not share/man/man1 and man5" ;;
esac

expect_file "$dest$bindir/podium"
checks=$((checks + 1))
[ -x "$dest$bindir/podium" ] || fail "$dest$bindir/podium is not executable"
for t in $themes; do
	expect_file "$dest$pkgdatadir/themes/$t.theme"
	checks=$((checks + 1))
	cmp -s "$top_srcdir/themes/$t.theme" "$dest$pkgdatadir/themes/$t.theme" ||
		fail "the installed $t.theme differs from themes/$t.theme"
done
expect_file "$dest$man1dir/podium.1"
expect_file "$dest$man5dir/podium-theme.5"
checks=$((checks + 1))
cmp -s "$top_srcdir/doc/podium.1" "$dest$man1dir/podium.1" || fail "the installed podium.1 differs from doc/podium.1"

# nothing of podium is installed with a set-id bit
checks=$((checks + 1))
[ -z "$(find "$dest" -perm /6000 -print)" ] || fail "files installed setuid or setgid: $(find "$dest" -perm /6000)"

last="make uninstall DESTDIR=..."
mk uninstall DESTDIR="$dest" >"$TESTDIR/uninstall.log" 2>&1
rc=$?
expect_rc 0
checks=$((checks + 1))
left=$(find "$dest" -type f -print)
[ -z "$left" ] || fail "files left after uninstall: $left"

# ---- 2. a real prefix: the installed podium runs from there ----

prefix="$TESTDIR/prefix"
last="make install prefix=..."
mk install prefix="$prefix" >"$TESTDIR/install.log" 2>&1
rc=$?
expect_rc 0
[ "$rc" -eq 0 ] || sed 's/^/  | /' "$TESTDIR/install.log" | tail -20
set -- $(install_dirs prefix="$prefix")
bindir=$1 pkgdatadir=$2
installed="$bindir/podium"
expect_file "$installed"
expect_file "$pkgdatadir/themes/projector.theme"

run "$installed" --version
expect_rc 0
expect_out <<END
$("$PODIUM" --version)
END
expect_err_empty

run "$installed" init --name "Installed" --start "2026-12-04 18:00"
expect_rc 0
expect_out <<'END'
created the event in event.db: starts 2026-12-04 18:00, 48 hours, default rubric of 7 criteria
END
expect_err_empty

# the installed console finds the installed projector theme: no warning, its colours
command -v tmux >/dev/null 2>&1 || skip "the installed console: tmux is not installed (apt-get install tmux)"
SOCK="podium-install-$$"
TMUX_CMD="tmux -L $SOCK -f /dev/null"
trap '$TMUX_CMD kill-server 2>/dev/null; rm -rf "$TESTDIR"' EXIT
unset TMUX
$TMUX_CMD new-session -d -s main -x 80 -y 24 \
	"env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color PODIUM_DB='$TESTDIR/event.db' HOME='$HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' '$installed' tui --role display --theme projector 2>'$TESTDIR/console.err'; echo \$? >'$TESTDIR/console.rc'; sleep 30"
last="installed podium tui --role display --theme projector"
checks=$((checks + 1))
i=0
until $TMUX_CMD capture-pane -p -t main | grep -q 'Installed'; do
	i=$((i + 1))
	if [ $i -ge 100 ]; then
		fail "the console never showed the event"
		$TMUX_CMD capture-pane -p -t main | sed 's/^/  | /'
		break
	fi
	sleep 0.05
done
$TMUX_CMD capture-pane -p -t main >"$TESTDIR/screen"
$TMUX_CMD capture-pane -e -p -t main >"$TESTDIR/screen.sgr"
checks=$((checks + 1))
! grep -qiE "no theme|\.theme:[0-9]" "$TESTDIR/screen" || fail "the console warns about its theme: $(grep -iE 'theme' "$TESTDIR/screen")"
# projector: the board is white on black (the default theme leaves the terminal's own colours)
checks=$((checks + 1))
grep -qE '\[([0-9;]*;)?40(;[0-9;]*)?m' "$TESTDIR/screen.sgr" || fail "the screen has no black background: the projector theme is not applied"
$TMUX_CMD send-keys -t main q
i=0
while [ ! -s "$TESTDIR/console.rc" ] && [ $i -lt 100 ]; do
	sleep 0.05
	i=$((i + 1))
done
rc=$(cat "$TESTDIR/console.rc" 2>/dev/null || echo none)
last="installed console quitting"
expect_rc 0
checks=$((checks + 1))
[ ! -s "$TESTDIR/console.err" ] || fail "the console wrote to stderr: $(cat "$TESTDIR/console.err")"
finish
