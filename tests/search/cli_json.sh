#!/bin/bash
# `carekiosk search --json` and `--stdin` print the documented shape:
# {"query", "corrected" (null when nothing was corrected), "results": [{"id",
# "kind", "title", "score", ...}], "latency_ms", ...}, one object per line.
#
# usage: cli_json.sh CAREKIOSK CONTENT_DIR WORK_DIR
set -euo pipefail
exe=$1
content=$2
work=$3
rm -rf "$work"
mkdir -p "$work"
search() { "$exe" search --content "$content" --cache-dir "$work/cache" "$@"; }

search --json sunscren > "$work/one.json"
printf 'does it hurt\nwifi password\nsunscren\n?!*&^%%\n' | search --stdin --max 3 > "$work/lines.json"
search sunscren > "$work/text.txt"

/usr/bin/python3 - "$work/one.json" "$work/lines.json" "$work/text.txt" <<'PY'
import json, sys

def check_shape(obj):
    for key in ("query", "corrected", "results", "latency_ms"):
        assert key in obj, "missing key %r in %s" % (key, obj)
    assert obj["corrected"] is None or isinstance(obj["corrected"], str)
    assert isinstance(obj["latency_ms"], (int, float)) and obj["latency_ms"] >= 0
    for hit in obj["results"]:
        for key in ("id", "kind", "title", "score"):
            assert key in hit, "missing result key %r" % key
        assert hit["kind"] in ("faq", "page")
        assert isinstance(hit["score"], float)

lines = open(sys.argv[1]).read().splitlines()
assert len(lines) == 1, "--json prints one object"
one = json.loads(lines[0])
check_shape(one)
assert one["query"] == "sunscren"
assert one["corrected"] == "sunscreen", one["corrected"]
assert one["results"][0]["id"] == "sun-after", one["results"][0]

objs = [json.loads(line) for line in open(sys.argv[2])]
assert [o["query"] for o in objs] == ["does it hurt", "wifi password", "sunscren", "?!*&^%"]
for o in objs:
    check_shape(o)
    assert len(o["results"]) <= 3
assert objs[0]["corrected"] is None and objs[0]["results"][0]["id"] == "does-it-hurt"
assert objs[0]["results"][0]["kind"] == "faq"
assert objs[1]["results"] == [] and objs[1]["no_answer"] is True
assert objs[2]["corrected"] == "sunscreen"
assert objs[3]["results"] == []

text = open(sys.argv[3]).read().splitlines()
assert text[0] == "corrected: sunscreen", text[0]
first = text[1].split()
assert first[:3] == ["1.", "sun-after", "faq"], first
float(first[3])
print("search JSON shape: ok (%d stdin lines)" % len(objs))
PY
