#!/bin/sh
# Themes: a named theme loads, a bad line is reported with its file and line
# while the rest applies, an unknown theme falls back to the default, and
# NO_COLOR is honoured.
. "$top_srcdir/tests/tui/lib.sh"

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

# NO_COLOR: attributes only (tmux shows no colour escapes in the pane's cells)
$TMUX_CMD new-window -d -n e "env NO_COLOR=1 LANG=C.UTF-8 TERM=xterm-256color PODIUM_DB='$PODIUM_DB' '$PODIUM' tui --role organizer; sleep 30"
wait_for e ' Teams +Tracks +Judges'
checks=$((checks + 1))
$TMUX_CMD capture-pane -e -p -t main:e | grep -qE '\[3[0-7]m|\[38;5' && fail "colours shown despite NO_COLOR"
keys e q
finish
