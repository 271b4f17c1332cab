#!/bin/sh
# Deleting a team whose judges submitted sheets asks for the team's name:
# anything else keeps it; its name typed in full deletes it. A team without
# submitted sheets still asks y/n.
. "$top_srcdir/tests/tui/script_lib.sh"

podium demo --no-tui >/dev/null || exit 99
keys_file wrong <<'END'
/Bridge Builders<Enter>
d
:dump
y
<Enter>
:wait-idle
:dump
END
run podium tui --role organizer --script wrong.keys
expect_rc 0
expect_dump 1 'Bridge Builders has [0-9]+ submitted sheets\. Type its name to delete it:'
expect_dump 2 'Not deleted: the name typed was not the team.s'
expect_sql "SELECT count(*) FROM team WHERE name = 'Bridge Builders'" 1

keys_file right <<'END'
/Bridge Builders<Enter>
d
Bridge Builders<Enter>
:wait-idle
:dump
END
run podium tui --role organizer --script right.keys
expect_rc 0
expect_dump 1 'Deleted Bridge Builders'
expect_sql "SELECT count(*) FROM team WHERE name = 'Bridge Builders'" 0

podium import teams - >/dev/null <<'CSV' || exit 99
name
Sans Notes
CSV
keys_file plain <<'END'
/Sans Notes<Enter>
d
:dump
y
:wait-idle
END
run podium tui --role organizer --script plain.keys
expect_rc 0
expect_dump 1 'Delete Sans Notes and all their sheets\? \(y/n\)'
expect_sql "SELECT count(*) FROM team WHERE name = 'Sans Notes'" 0
finish
