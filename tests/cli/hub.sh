#!/bin/sh
# Sites and the hub: three sites and a hub exchange bundles as files in a
# random order, with duplicates, drops and truncations, and always agree;
# a damaged, forged or misdirected bundle changes nothing; the final round
# runs on the hub.
. "$top_srcdir/tests/cli/lib.sh"
export USER=alice
unset PODIUM_DB

run podium --db hub.db hub init --name "Grand final" --start "2026-12-05 18:00"
expect_rc 0
expect_out_match '^created the hub in hub.db; give its key to each site: ed25519:'
run podium --db hub.db hub init --name "Again"
expect_rc 1
expect_err_match "^podium: 'hub.db' already exists"
run podium --db hub.db hub key
expect_rc 0
expect_out_match '^ed25519:[A-Za-z0-9_-]{43}$'
hubkey=$(cat "$TESTDIR/out")

printf 'name\nJudy\nJim\nJoe\n' >judges.csv
for s in lyon paris tunis; do
	podium --db $s.db init --name "Hack $s" --start "2026-12-04 18:00" >/dev/null || fail "init $s"
	printf 'name\nAlpha\nBeta %s\nGamma %s\nDelta\n' $s $s >teams-$s.csv
	podium --db $s.db import judges judges.csv >/dev/null || fail "judges $s"
	podium --db $s.db import teams teams-$s.csv >/dev/null || fail "teams $s"
	run podium --db $s.db site join --site $s --hub-key "$hubkey"
	expect_rc 0
	expect_out_match '^ed25519:'
	key=$(cat "$TESTDIR/out")
	run podium --db hub.db hub add-site $s --key "$key"
	expect_rc 0
	expect_out <<END
added the site $s; its bundles go to 'podium hub apply'
END
done
[ -f hub.db.sites/lyon.db ] || fail "no mirror beside the hub"
run stat -c %a .local/state/podium
expect_out <<'END'
700
END

# refusals
run podium --db lyon.db site join --site lyon --hub-key "$hubkey"
expect_rc 1
expect_err_match '^podium: this event file has joined a hub already$'
podium --db other.db init --name Other >/dev/null
run podium --db other.db site join --site "a b" --hub-key "$hubkey"
expect_rc 1
expect_err_match "^podium: a site's name is 1 to 40 letters"
run podium --db other.db site join --site other --hub-key "nonsense"
expect_rc 1
expect_err_match "^podium: 'nonsense' is not a hub key"
run podium --db hub.db hub add-site lyon --key "$hubkey"
expect_rc 1
expect_err_match "^podium: that is the hub's own key, not a site's$"
run podium --db lyon.db hub key
expect_rc 1
expect_err_match "^podium: this event file is not a hub"
run podium --db hub.db site export -o x.bundle
expect_rc 1
expect_err_match "^podium: this event file is not a site"
run podium --db hub.db hub board --format csv
expect_rc 2
expect_err_match '^podium: hub board --format csv or json needs --site NAME'

# a site that is not added: its bundle is refused
run podium --db other.db site join --site other --hub-key "$hubkey"
expect_rc 0
podium --db other.db site export -o other.bundle >/dev/null
before=$(sqlite3 hub.db.sites/lyon.db .dump; sqlite3 hub.db .dump)
run podium --db hub.db hub apply other.bundle
expect_rc 1
expect_err_match "^podium: other.bundle: the bundle is signed by no site added with 'podium hub add-site'"

# ---- random operations and random delivery ----
seed=${HUB_SEED:-20261204}
rand() { seed=$(( (seed * 1103515245 + 12345) % 2147483648 )); r=$(( (seed / 65536) % $1 )); }
n=0
op() {
	rand 3; s=$(echo lyon paris tunis | cut -d' ' -f$((r + 1)))
	rand 3; j=$(echo Judy Jim Joe | cut -d' ' -f$((r + 1)))
	rand 4; t=$(sed -n "$((r + 2))p" teams-$s.csv)
	rand 5; v=$((r + 1))
	rand 4
	case $r in
	0) podium --db $s.db score --judge $j --team "$t" Idea=$v Engagement=3 Technique=4 Marketing=2 \
		Design=$v Viability=3 Pitch=4 --submit >/dev/null 2>&1 ;;
	1) podium --db $s.db score --judge $j --team "$t" Idea=$v >/dev/null 2>&1 ;;
	2) podium --db $s.db conflict add --judge $j --team "$t" >/dev/null 2>&1 ;;
	3) podium --db $s.db score --judge $j --team "$t" Idea=$v Engagement=$v Technique=$v Marketing=$v \
		Design=$v Viability=$v Pitch=$v --submit >/dev/null 2>&1 ;;
	esac
}
export_bundle() {
	n=$((n + 1))
	podium --db $1.db site export -o pool/$n-$1.bundle >/dev/null || fail "export $1"
}
mkdir pool
for round in 1 2 3 4 5 6 7 8; do
	for k in 1 2 3 4; do op; done
	for s in lyon paris tunis; do rand 3; [ $r -eq 0 ] || export_bundle $s; done
	# deliver a random part of the pool in a random order; some twice, some cut short
	for f in $(ls pool | awk -v s=$seed 'BEGIN { srand(s) } { print rand() "\t" $0 }' | sort | cut -f2); do
		rand 4
		case $r in
		0) ;;	# dropped this time
		1) head -c 200 pool/$f >cut.bundle
		   run podium --db hub.db hub apply cut.bundle
		   expect_rc 1
		   expect_err_match '^podium: cut.bundle: the bundle is signed by no site' ;;
		*) podium --db hub.db hub apply pool/$f pool/$f >/dev/null || fail "apply $f" ;;
		esac
	done
	# acknowledgements come back, sometimes
	for s in lyon paris tunis; do
		rand 2
		[ $r -eq 0 ] || { podium --db hub.db hub export --site $s -o - | podium --db $s.db site apply - >/dev/null ||
			fail "ack $s"; }
	done
done
# at the end every site sends what is not acknowledged yet, through a pipe
for s in lyon paris tunis; do
	run sh -c "'$PODIUM' --db $s.db site export | '$PODIUM' --db hub.db hub apply -"
	expect_rc 0
	expect_out_match "^-: $s, "
done
for s in lyon paris tunis; do
	"$PODIUM" --db $s.db leaderboard --format csv >site.csv
	"$PODIUM" --db hub.db hub board --site $s --format csv >hub.csv
	checks=$((checks + 1))
	diff -u site.csv hub.csv >/dev/null || { fail "hub board of $s differs from its leaderboard"; diff -u site.csv hub.csv; }
done
run podium --db hub.db hub sites --format csv
expect_rc 0
expect_out_match '^site,bundles,last_seq,teams,sheets,pending,in_sync,last_bundle$'
expect_out_match '^lyon,[0-9]+,[0-9]+,4,[0-9]+,0,yes,2026-11-29 10:00$'
expect_out_match '^paris,[0-9]+,[0-9]+,4,[0-9]+,0,yes,2026-11-29 10:00$'
expect_out_match '^tunis,[0-9]+,[0-9]+,4,[0-9]+,0,yes,2026-11-29 10:00$'

# ---- forged and misdirected bundles change nothing ----
podium --db lyon.db score --judge Judy --team Alpha Idea=5 Engagement=5 Technique=5 Marketing=5 Design=5 \
	Viability=5 Pitch=5 --submit >/dev/null
podium --db lyon.db site export -o next.bundle >/dev/null
before=$(sqlite3 hub.db.sites/lyon.db .dump)
cp next.bundle flipped.bundle
printf '\001' | dd of=flipped.bundle bs=1 seek=150 conv=notrunc 2>/dev/null
run podium --db hub.db hub apply flipped.bundle
expect_rc 1
expect_err_match '^podium: flipped.bundle: the bundle is signed by no site added'
podium --db hub.db hub export --site paris -o paris-ack.bundle >/dev/null
run podium --db lyon.db site apply paris-ack.bundle
expect_rc 1
expect_err_match "^podium: paris-ack.bundle: the bundle is for the site 'paris', not this one \('lyon'\)$"
run podium --db lyon.db site apply next.bundle
expect_rc 1
expect_err_match "^podium: next.bundle: the bundle is not signed by this site's hub"
run podium --db hub.db hub apply paris-ack.bundle
expect_rc 1
expect_err_match "^podium: paris-ack.bundle: the bundle is the hub's own"
checks=$((checks + 1))
[ "$before" = "$(sqlite3 hub.db.sites/lyon.db .dump)" ] || fail "a refused bundle changed the mirror"

# ---- a gap: the hub restored from an older copy gets a later bundle first ----
podium --db hub.db backup old-hub.db >/dev/null
cp -r hub.db.sites old-hub.db.sites
run podium --db hub.db hub apply next.bundle
expect_rc 0
podium --db hub.db hub export --site lyon | podium --db lyon.db site apply - >/dev/null
podium --db lyon.db score --judge Jim --team Alpha Idea=1 Engagement=1 Technique=1 Marketing=1 Design=1 \
	Viability=1 Pitch=1 --submit >/dev/null
podium --db lyon.db site export -o later.bundle >/dev/null
run podium --db old-hub.db hub apply later.bundle
expect_rc 0
expect_out_match '^later.bundle: lyon, changes [0-9]+ to [0-9]+ kept aside until changes [0-9]+ to [0-9]+ arrive$'
run podium --db old-hub.db hub sites --format csv
expect_out_match '^lyon,.*,1,no,'
run podium --db old-hub.db hub apply next.bundle
expect_rc 0
run podium --db old-hub.db hub sites --format csv
expect_out_match '^lyon,.*,0,yes,'
"$PODIUM" --db lyon.db leaderboard --format csv >site.csv
"$PODIUM" --db old-hub.db hub board --site lyon --format csv >hub.csv
checks=$((checks + 1))
diff -u site.csv hub.csv >/dev/null || fail "the gap did not fill"

# ---- a site restored from an old backup: the same numbers, another stream ----
printf 'name\nMax\n' >max.csv
podium --db lyon.db import judges max.csv >/dev/null
podium --db lyon.db backup old-lyon.db >/dev/null
podium --db lyon.db score --judge Max --team Delta Idea=2 >/dev/null
podium --db lyon.db site export | podium --db hub.db hub apply - >/dev/null || fail "lyon before the restore"
podium --db old-lyon.db score --judge Max --team Delta Idea=5 >/dev/null
podium --db old-lyon.db score --judge Max --team Alpha Idea=5 >/dev/null
podium --db old-lyon.db site export -o old-lyon.bundle >/dev/null
before=$(sqlite3 hub.db.sites/lyon.db .dump)
run podium --db hub.db hub apply old-lyon.bundle
expect_rc 1
expect_err_match "^podium: old-lyon.bundle: the bundle does not continue the changes the hub holds from the site 'lyon' \(up to [0-9]+\): the site's file was restored from an older copy, or another file signs as this site$"
checks=$((checks + 1))
[ "$before" = "$(sqlite3 hub.db.sites/lyon.db .dump)" ] || fail "a bundle of the restored site changed the mirror"
run podium --db lyon.db site export -o lyon-again.bundle
expect_rc 0
run podium --db hub.db hub apply lyon-again.bundle
expect_rc 0
expect_out_match '^lyon-again.bundle: lyon, nothing new'

# ---- the final round on the hub ----
podium --db hub.db hub apply later.bundle >/dev/null
printf 'name\nZoe\n' >zoe.csv
for s in lyon paris tunis; do
	podium --db $s.db import judges zoe.csv >/dev/null
	for t in Delta "Beta $s"; do
		podium --db $s.db score --judge Zoe --team "$t" Idea=4 Engagement=4 Technique=4 Marketing=4 Design=4 \
			Viability=4 Pitch=4 --submit >/dev/null
	done
	podium --db $s.db site export | podium --db hub.db hub apply - >/dev/null || fail "last bundle of $s"
done
run podium --db hub.db hub finalists --per-site 2
expect_rc 0
expect_out_match '^lyon: #1 '
expect_out_match '^6 finalists are teams of the hub now'
run podium --db hub.db hub finalists --per-site 2
expect_rc 1
expect_err_match '^podium: the final round has its teams already$'
run sqlite3 hub.db "SELECT count(*), count(DISTINCT site) FROM team"
expect_out <<'END'
6|3
END
printf 'name\nAda\n' >hub-judges.csv
podium --db hub.db import judges hub-judges.csv >/dev/null
team=$(sqlite3 hub.db "SELECT name FROM team WHERE site = 'paris' ORDER BY name LIMIT 1")
run podium --db hub.db score --judge Ada --team "$team" Idea=5 Engagement=5 Technique=5 Marketing=5 Design=5 \
	Viability=5 Pitch=5 --submit
expect_rc 0
run podium --db hub.db leaderboard --format csv
checks=$((checks + 1))
grep -qxF "1,$team,100.00,1,,ranked" "$TESTDIR/out" || fail "the hub's final round does not rank $team first"
finish
