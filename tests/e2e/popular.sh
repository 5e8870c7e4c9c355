#!/bin/sh
# "Popular questions" on the search screen, end to end in the running kiosk:
# with use counts in the insights database (seeded here, as the kiosk would
# have written them) the questions opened most come first, most first, and a
# question opened under 3 times does not; then the staff's "popular_questions"
# from kiosk.json; then the FAQ's order. With no counts at all: the staff's
# choice, then the FAQ's order. The kiosk reads the counts on a worker, so
# the script waits for the list to change rather than for a time.
#
# usage: popular.sh CAREKIOSK CONTENT_DIR OUT_DIR
# exit: 0 passed, 1 failed, 77 skipped (no X display)
set -u
. "$(dirname "$0")/touch_lib.sh"
e2e_args "$@"
bin=$BIN content=$CONTENT out=$OUT
rm -rf "$out" && mkdir -p "$out/counted" "$out/empty" || exit 1
cp -r "$content" "$out/content" || exit 1
# The FAQ's ids in file order; the counts and the staff's list use later ones,
# so that neither list can come out right by following the file.
ids=$(/usr/bin/python3 -c 'import json,sys; print(" ".join(q["id"] for q in json.load(open(sys.argv[1]))["questions"]))' \
    "$content/en/faq.json")
set -- $ids
[ $# -ge 12 ] || { echo "FAIL: the bundled FAQ has fewer than 12 questions"; exit 1; }
first=$1 second=$2 third=$3
shift 5
q6=$1 q7=$2 q8=$3 q9=$4 q10=$5 q11=$6 q12=$7
/usr/bin/python3 - "$out/content/kiosk.json" "$q12" "$q6" <<'PY' || exit 1
import json, sys
path = sys.argv[1]
config = json.load(open(path))
config["popular_questions"] = sys.argv[2:]
json.dump(config, open(path, "w"), indent=2)
PY
# Opened this week: q10 9 times (5 in English, 4 in Spanish), q8 6 times,
# q11 4 times, q9 twice (under the threshold of 3); a question the FAQ no
# longer has 50 times; and page views, which are not questions.
/usr/bin/python3 - "$out/counted/cache/insights.sqlite" "$q10" "$q8" "$q11" "$q9" "$q7" <<'PY' || exit 1
import datetime, os, sqlite3, sys
path, q10, q8, q11, q9, q7 = sys.argv[1:]
os.makedirs(os.path.dirname(path), exist_ok=True)
today = datetime.date.today()
days = [(today - datetime.timedelta(days=n)).isoformat() for n in range(3)]
db = sqlite3.connect(path)
db.execute("CREATE TABLE IF NOT EXISTS counts (day TEXT NOT NULL, lang TEXT NOT NULL, kind TEXT NOT NULL,"
           " key TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (day, lang, kind, key)) WITHOUT ROWID")
rows = [(days[0], "en", q10, 5), (days[1], "es", q10, 4), (days[2], "en", q8, 6), (days[0], "en", q11, 4),
        (days[1], "en", q9, 2), (days[0], "en", "no-such-question", 50)]
db.executemany("INSERT INTO counts VALUES (?, ?, 'faq_open', ?, ?)", [(d, l, k, c) for d, l, k, c in rows])
db.execute("INSERT INTO counts VALUES (?, 'en', 'page_view', ?, 99)", (days[0], q7))
db.commit()
PY

# run NAME EXPECTED... : the search screen's list (opened from Home's search
# bar, as in search.script), under "No answer found" too, in English and Spanish
run() {
    name=$1
    shift
    cat >"$out/$name/popular.script" <<SCRIPT
wait 400
tap 540 280
waitfor search
waitfor suggested $*
screenshot $out/$name/search.png
type wifi password
waitfor search-ready
waitfor suggested $*
screenshot $out/$name/no-answer.png
press Español
wait 300
expect language es
waitfor suggested $*
screenshot $out/$name/search-es.png
wait 300
quit
SCRIPT
    if "$bin" --windowed --size 1080x1920 --content "$out/content" --cache-dir "$out/$name/cache" \
            --script "$out/$name/popular.script" >"$out/$name/kiosk.log" 2>&1; then
        ok "$name: Popular questions are $*"
    else
        fail "$name: Popular questions are not $*: $(cat "$out/$name/kiosk.log")"
    fi
}
run counted "$q10" "$q8" "$q11" "$q12" "$q6"
run empty "$q12" "$q6" "$first" "$second" "$third"
[ "$FAILURES" -eq 0 ]
