#!/bin/sh
# Odd terminals: a resize keeps everything inside the screen, a tiny one asks
# to be enlarged, and a hostile team name cannot reach the terminal.
. "$top_srcdir/tests/tui/lib.sh"

podium init --name "Hostile" >/dev/null || exit 99
printf 'name,project\n"Evil\033]2;pwned\007\033[31mRed",x\nLong name that goes on and on and on and on and on and on and on and on,y\n' >teams.csv
run import_legacy teams teams.csv
expect_rc 0

console org 132 43 tui --role organizer
wait_for org 'Long name that goes on'
wait_for org 'Evil.*Red'
checks=$((checks + 1))
title=$($TMUX_CMD display-message -p -t main:org '#{pane_title}')
[ "$title" != "pwned" ] || fail "a team name changed the terminal's title"
fits org 132

$TMUX_CMD resize-window -t main:org -x 80 -y 24
wait_for org 'Long name that goes on'
fits org 80
$TMUX_CMD resize-window -t main:org -x 30 -y 8
wait_for org 'Teams'
fits org 30
$TMUX_CMD resize-window -t main:org -x 12 -y 4
wait_for org 'enlarge'
$TMUX_CMD resize-window -t main:org -x 80 -y 24
wait_for org 'Long name'
keys org q
wait_exit org
expect_rc 0
finish
