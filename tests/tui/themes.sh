#!/bin/sh
# Themes: a named theme loads, a bad line is reported with its file and line
# while the rest applies, an unknown theme falls back to the default, and
# NO_COLOR is honoured. The projector theme paints its background in every
# cell of the screen, not the terminal's own.
. "$top_srcdir/tests/tui/lib.sh"

# painted NAME COLS ROWS [BG...]: every cell of the screen has a background
# colour of its own (none left to the terminal's default), and with BG (SGR
# codes: 40 black, 105 bright magenta) every cell between the title and the
# last line has one of those.
# The console runs on a terminal without back-colour erase (CONSOLE_TERM
# tmux-256color), so each cell it paints is a character tmux keeps, with its
# colours, and one it never paints is missing from the captured line. The
# screen is looked at again for up to 5 s, as wait_for does: a console just
# resized may still be drawing.
painted() {
	local name=$1 cols=$2 rows=$3 i=0
	shift 3
	checks=$((checks + 1))
	last="console $name (painted)"
	while :; do
		$TMUX_CMD capture-pane -e -p -N -t "main:$name" >"$TESTDIR/cells"
		paint_check "$cols" "$rows" "$*" "$TESTDIR/cells" 2>"$TESTDIR/paint" && return 0
		[ $i -lt 100 ] || break
		sleep 0.05
		i=$((i + 1))
	done
	fail "a cell is not painted with the theme's background: $(cat "$TESTDIR/paint")"
}

# paint_check COLS ROWS BGS FILE: the check of painted, on one capture
paint_check() {
	python3 -c '
import re, sys, unicodedata
cols, rows, body = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3].split()
lines = open(sys.argv[4], encoding="utf-8").read().split("\n")[:rows]
bg = None	# tmux carries the colours from one line to the next
for y, line in enumerate(lines, 1):
    x = 0
    for tok in re.findall(r"\x1b\[[0-9;:]*m|[^\x1b]", line):
        if tok.startswith("\x1b"):
            ps = tok[2:-1].replace(":", ";").split(";")
            i = 0
            while i < len(ps):
                p = int(ps[i] or 0)
                if p in (0, 49):
                    bg = None
                elif 40 <= p <= 47 or 100 <= p <= 107:
                    bg = str(p)
                elif p in (38, 48):
                    n = 3 if ps[i + 1] == "5" else 5
                    if p == 48:
                        bg = ";".join(ps[i:i + n])
                    i += n - 1
                i += 1
            continue
        w = 2 if unicodedata.east_asian_width(tok) in "WF" else 0 if unicodedata.combining(tok) else 1
        if w and bg is None:
            sys.exit("line %d, column %d: the terminal\x27s background" % (y, x + 1))
        if w and body and 1 < y < rows and bg not in body:
            sys.exit("line %d, column %d: background %s, not %s" % (y, x + 1, bg, " or ".join(body)))
        x += w
    if x != cols:
        sys.exit("line %d: %d of %d columns painted" % (y, x, cols))
if len(lines) != rows:
    sys.exit("%d lines, expected %d" % (len(lines), rows))
' "$@"
}

podium init --name "Themes" >/dev/null || exit 99
mkdir -p "$XDG_CONFIG_HOME/podium/themes"
cp "$top_srcdir/themes/projector.theme" "$XDG_CONFIG_HOME/podium/themes/"
printf 'color title white blue bold\ncolor title yelow black\nmono nosuch bold\n' >"$XDG_CONFIG_HOME/podium/themes/mine.theme"

console a 80 24 tui --role organizer --theme projector
wait_for a ' Teams +Tracks +Judges'
keys a q
wait_exit a
expect_rc 0

console b 80 24 tui --role organizer --theme mine
wait_for b 'mine.theme:2: unknown colour .yelow.'
wait_for b ' Teams +Tracks +Judges'
keys b q

console c 80 24 tui --role organizer --theme nosuch
wait_for c "no theme 'nosuch'"
keys c q

printf 'theme mine\n' >"$XDG_CONFIG_HOME/podium/config"
console d 80 24 tui --role display
wait_for d 'mine.theme:2'
keys d q
rm "$XDG_CONFIG_HOME/podium/config"

# the projector theme's black room, in every cell: the projector's board (the
# demo's, with bars and a frozen board), again after a resize, in large type,
# and the organizer
podium --db demo.db demo --no-tui >/dev/null || exit 99
podium --db demo.db board freeze >/dev/null || exit 99
CONSOLE_TERM=tmux-256color console p 80 24 --db demo.db tui --role display --theme projector
wait_for p 'Bridge Builders +92\.86'
wait_for p ' frozen$'
painted p 80 24 40 105	# the black room, and the frozen badge
$TMUX_CMD resize-window -t main:p -x 132 -y 43
wait_for p '^ +11  Team Kaizen {25,}39\.29 █{25}'
painted p 132 43 40 105
keys p L
wait_for p 'Bridge Builders +██████ ██████    ██████ ██████$'
painted p 132 43 40 105	# and in large type
keys p q
CONSOLE_TERM=tmux-256color console o 100 30 --db demo.db tui --role organizer --theme projector
wait_for o ' Teams +Tracks +Judges'
wait_for o 'Bridge Builders'
painted o 100 30
keys o q

# NO_COLOR: attributes only (tmux shows no colour escapes in the pane's cells)
$TMUX_CMD new-window -d -n e "env NO_COLOR=1 LANG=C.UTF-8 TERM=xterm-256color PODIUM_DB='$PODIUM_DB' '$PODIUM' tui --role organizer; sleep 30"
wait_for e ' Teams +Tracks +Judges'
checks=$((checks + 1))
$TMUX_CMD capture-pane -e -p -t main:e | grep -qE '\[3[0-7]m|\[38;5' && fail "colours shown despite NO_COLOR"
keys e q
finish
