# Sourced by the console tests: a private tmux server, a fixed terminal size
# and locale, and helpers that poll the screen instead of sleeping.
#
#   console judge 80 24 tui --role judge --as "Sarah Cohen"
#   wait_for judge 'Bridge Builders'
#   keys judge Enter 4 5 3
#   screen judge >shot.txt
. "$top_srcdir/tests/cli/lib.sh"

command -v tmux >/dev/null 2>&1 || skip "tmux is not installed (apt-get install tmux)"
SOCK="podium-test-$$"
TMUX_CMD="tmux -L $SOCK -f /dev/null"
trap '$TMUX_CMD kill-server 2>/dev/null; rm -rf "$TESTDIR"' EXIT
unset TMUX

# console NAME COLS ROWS ARGS...: run podium ARGS in a new window of that size.
# The exit status lands in $TESTDIR/NAME.rc when it quits. The terminal is
# xterm-256color, or $CONSOLE_TERM.
console() {
	local name=$1 cols=$2 rows=$3 cmd
	shift 3
	cmd="env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=${CONSOLE_TERM:-xterm-256color} PODIUM_DB='$PODIUM_DB' HOME='$HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' XDG_STATE_HOME='$XDG_STATE_HOME' USER=tester"
	cmd="$cmd '$PODIUM'"
	for a in "$@"; do
		cmd="$cmd '$(printf %s "$a" | sed "s/'/'\\\\''/g")'"
	done
	cmd="$cmd; echo \$? >'$TESTDIR/$name.rc'; sleep 30"
	if $TMUX_CMD has-session 2>/dev/null; then
		$TMUX_CMD new-window -d -n "$name" "$cmd"
	else
		$TMUX_CMD new-session -d -s main -n "$name" -x "$cols" -y "$rows" "$cmd"
	fi
	$TMUX_CMD resize-window -t "main:$name" -x "$cols" -y "$rows" 2>/dev/null
}

# console_pid NAME: the process id of the podium running in that window.
console_pid() {
	ps -o pid= --ppid "$($TMUX_CMD display -p -t "main:$1" '#{pane_pid}')" | tr -d ' '
}

screen() {
	$TMUX_CMD capture-pane -p -t "main:$1"
}

keys() {
	local name=$1
	shift
	$TMUX_CMD send-keys -t "main:$name" "$@"
}

# Type text literally (no key names).
type_text() {
	$TMUX_CMD send-keys -t "main:$1" -l "$2"
}

# wait_for NAME REGEX [SECONDS]: poll the screen until REGEX shows (default 5 s).
wait_for() {
	local name=$1 re=$2 limit=${3:-5} i=0
	checks=$((checks + 1))
	while [ $i -lt $((limit * 20)) ]; do
		screen "$name" | grep -qE -- "$re" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	last="console $name"
	fail "the screen never showed /$re/"
	screen "$name" | sed 's/^/  | /'
	return 1
}

# wait_gone NAME REGEX: poll until REGEX no longer shows.
wait_gone() {
	local name=$1 re=$2 i=0
	checks=$((checks + 1))
	while [ $i -lt 100 ]; do
		screen "$name" | grep -qE -- "$re" || return 0
		sleep 0.05
		i=$((i + 1))
	done
	last="console $name"
	fail "the screen kept showing /$re/"
	return 1
}

# wait_exit NAME: wait for the console to quit; its status goes to $rc.
wait_exit() {
	local i=0
	while [ ! -s "$TESTDIR/$1.rc" ] && [ $i -lt 100 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	rc=$(cat "$TESTDIR/$1.rc" 2>/dev/null || echo none)
	last="console $1 quitting"
}

# fits NAME COLS: no line of the screen is wider than COLS display columns.
fits() {
	checks=$((checks + 1))
	screen "$1" | python3 -c '
import sys, unicodedata
cols = int(sys.argv[1])
for n, line in enumerate(sys.stdin, 1):
    w = sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in line.rstrip("\n"))
    if w > cols:
        print("line %d is %d columns wide: %s" % (n, w, line.rstrip()))
        sys.exit(1)
' "$2" || fail "the screen is wider than $2 columns"
}
