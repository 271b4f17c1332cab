# Rewrite an event file's audit chain as podium did before its key: unkeyed
# BLAKE2b-256 over prev_hash, seq, at and the nine fields, each field as its
# length (8 bytes, little-endian; all ones for NULL) and its bytes.
#   python3 forge.py FILE [legacy]   legacy: also mark every row as written before keys
import hashlib
import sqlite3
import struct
import sys

db = sqlite3.connect(sys.argv[1])
legacy = len(sys.argv) > 2 and sys.argv[2] == "legacy"
FIELDS = "actor, action, kind, record_id, team_id, judge_id, before, after, reason"


def feed(h, value):
    if value is None:
        h.update(struct.pack("<Q", 2**64 - 1))
        return
    data = str(value).encode()
    h.update(struct.pack("<Q", len(data)))
    h.update(data)


prev = "0" * 64
rows = db.execute("SELECT seq, at, " + FIELDS + " FROM audit ORDER BY seq").fetchall()
for row in rows:
    h = hashlib.blake2b(digest_size=32)
    feed(h, prev)
    for value in row:
        feed(h, value)
    digest = h.hexdigest()
    if legacy:
        db.execute("UPDATE audit SET prev_hash = ?, hash = ?, form = 0, state = NULL WHERE seq = ?",
                   (prev, digest, row[0]))
    else:
        db.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, digest, row[0]))
    prev = digest
db.commit()
