#!/bin/sh
# Insights end to end, with a private cache folder. One scripted patient:
# opens a page, searches (misspelt) and opens the first result, goes back,
# rubs the query out and asks something the content does not answer, then
# walks away: the idle warning, the reset. The next patient opens search and
# must find it empty, looking exactly as before anyone typed (screenshots
# compared), with no trace of the query in the status file or the log. Then
# the counts in SQLite and `carekiosk report` must be exactly what the
# patient did, the answered query must not be stored at all, and the staff
# panel (after the PIN) must show the insights.
#
# usage: insights.sh CAREKIOSK CONTENT_DIR WORK_DIR
# exit: 0 all good, 1 a check failed, 77 skipped (no X display)
set -u
bin=$1
src=$2
work=$3
. "$(dirname "$0")/staff_common.sh"
require_display

rm -rf "$work" && mkdir -p "$work" && cp -r "$src" "$work/content" || exit 1
export XDG_CACHE_HOME="$work/cache"
db="$XDG_CACHE_HOME/carekiosk/insights.sqlite"

cat >"$work/patient.txt" <<SCRIPT
wait 1000
expect home
tap 540 450                 # the first tile
wait 300
expect page:benefits
tap 274 51                  # Home
wait 300
expect home
tap 540 280                 # the Search bar
wait 1500                   # the index opens in the background
expect search
expect query-empty
screenshot $work/search-fresh.png
type sunscren
wait 1000
tap 540 470                 # the first result
wait 400
expect faq:sun-after
tap 80 40                   # Back to the search and its query
wait 300
expect search
key backspace
key backspace
key backspace
key backspace
key backspace
key backspace
key backspace
key backspace
expect query-empty
type Tattoo  Removal
wait 1500
screenshot $work/search-typed.png
advance 91
wait 200
expect idle-warning
advance 31
wait 300
expect home
expect query-empty
tap 540 280                 # the next patient opens search
wait 500
expect search
expect query-empty
screenshot $work/search-after-reset.png
wait 200
quit
SCRIPT
timeout 60 "$bin" --windowed --size 1080x1920 --content "$work/content" --status-file "$work/status.txt" \
    --script "$work/patient.txt" >"$work/kiosk.log" 2>&1
status=$?
[ "$status" -eq 0 ] && ok "the patient script held" || fail "the kiosk exited with $status: $(tail -5 "$work/kiosk.log")"

# --- nothing of the first patient's search on screen or in the probes ------
for shot in search-fresh search-typed search-after-reset; do
    [ -s "$work/$shot.png" ] || fail "no screenshot $shot.png"
done
if cmp -s "$work/search-fresh.png" "$work/search-after-reset.png"; then
    ok "after the reset the search screen is exactly as before anyone typed"
else
    fail "the search screen after the reset differs from a fresh one (search-after-reset.png)"
fi
cmp -s "$work/search-typed.png" "$work/search-after-reset.png" && fail "the typed query is still on screen"
grep -qi "tattoo\|sunscren" "$work/status.txt" "$work/kiosk.log" && fail "a query turned up in the status file or the log"
grep -q "^screen search" "$work/status.txt" && ok "the status file shows the search screen and no query" \
    || fail "status file: $(cat "$work/status.txt")"

# --- more patients: one asks what the content lacks; others type who they are
# Each session ends with Home. "tattoo removal" was the first patient's; three
# more ask it (4 sessions); the names, e-mail and phone number come once each.
session() {
    printf 'tap 540 280\nwaitfor search\ntype %s\nwaitfor search-ready\nwait 300\ntap 274 51\nwaitfor home\n' "$1"
}
{
    printf 'wait 1000\nexpect home\n'
    session "tattoo removal"
    session "my name is margaret okafo"
    session "tattoo removal"
    session "margaret okafo hiv test results"
    session "jane.doe@example.com"
    session "ring me on 07700 900123"
    session "tattoo removal"
    printf 'quit\n'
} >"$work/patients.txt"
timeout 120 "$bin" --windowed --size 1080x1920 --content "$work/content" --script "$work/patients.txt" \
    >"$work/patients.log" 2>&1 || fail "the patients' script: $(tail -5 "$work/patients.log")"

# --- the counts, straight from SQLite -------------------------------------
[ -s "$db" ] || { fail "no insights database at $db"; exit 1; }
grep -qa "sunscren" "$db" && fail "an answered query was stored"
# Nothing anyone typed about themselves reaches a file.
for word in margaret okafo jane.doe 07700 900123; do
    if grep -rqai "$word" "$XDG_CACHE_HOME" "$work/kiosk.log" "$work/patients.log" "$work/status.txt"; then
        fail "'$word' was written to $(grep -rlai "$word" "$XDG_CACHE_HOME" "$work"/*.log "$work/status.txt" | head -1)"
    fi
done
for file in "$db" "$XDG_CACHE_HOME/carekiosk/insights.key"; do
    [ "$(stat -c %a "$file")" = 600 ] && ok "$(basename "$file") is 0600" || fail "$file is $(stat -c %a "$file")"
done
if command -v sqlite3 >/dev/null 2>&1; then
    columns=$(sqlite3 "$db" "SELECT group_concat(name, ',') FROM pragma_table_info('counts');")
    [ "$columns" = "day,lang,kind,key,count" ] && ok "the table holds day, lang, kind, key and count only" \
        || fail "columns: $columns"
    today=$(date +%Y-%m-%d)
    rows=$(sqlite3 -separator ' ' "$db" "SELECT day, lang, kind, key, count FROM counts
                                         WHERE kind IN ('faq_open', 'idle_reset', 'page_view') ORDER BY kind, key;")
    expected="$today en faq_open sun-after 1
$today en idle_reset  1
$today en page_view benefits 1"
    [ "$rows" = "$expected" ] && ok "SQLite: one page view, one FAQ open, one idle reset" ||
        fail "SQLite rows:
$rows
expected:
$expected"
    keys=$(sqlite3 -separator ' ' "$db" "SELECT key, SUM(count) FROM counts WHERE kind = 'search_no_answer'
                                         AND key <> '(withheld)' GROUP BY key;")
    [ "$keys" = "tattoo removal 4" ] && ok "the only query text kept is the one four patients asked" ||
        fail "query texts kept: $keys"
elif [ "${CI:-}" = true ]; then
    fail "no sqlite3 command (Debian package sqlite3), which CI=true requires"
else
    echo "SKIP part: no sqlite3 command (Debian package sqlite3): the counts are checked through the report only"
fi

# --- the staff report ---------------------------------------------------------
"$bin" report --content "$work/content" >"$work/report.txt" 2>"$work/report.err" \
    || fail "carekiosk report failed: $(cat "$work/report.err")"
for line in "English (en)" "  Page views                    1" "  FAQ entries opened            1" \
        "  Idle resets                   1" \
        "         1  What microneedling can do" "         1  Can I go in the sun after treatment?" \
        "         4  tattoo removal"; do
    grep -qxF "$line" "$work/report.txt" || fail "report lacks the line '$line'"
done
grep -q "other unanswered searches" "$work/report.txt" || fail "the report does not count the withheld searches"
grep -qi "margaret\|okafo\|jane\|07700" "$work/report.txt" && fail "the report shows what a patient typed about themselves"
grep -q "Español" "$work/report.txt" && fail "the report lists a language nobody used"
"$bin" report --content "$work/content" --json | grep -q '"tattoo removal"' \
    && ok "carekiosk report (text and JSON) shows the sessions" || fail "report --json: no tattoo removal"

# --- "insights": false: nothing counted, no file ---------------------------------
mkdir -p "$work/off" && cp -r "$work/content" "$work/off/content"
sed -i 's/^{/{ "insights": false,/' "$work/off/content/kiosk.json"
{ printf 'wait 800\n'; session "tattoo removal"; printf 'quit\n'; } >"$work/off.txt"
XDG_CACHE_HOME="$work/off/cache" timeout 60 "$bin" --windowed --size 1080x1920 --content "$work/off/content" \
    --script "$work/off.txt" >"$work/off.log" 2>&1 || fail "the kiosk with insights off: $(tail -3 "$work/off.log")"
[ -e "$work/off/cache/carekiosk/insights.sqlite" ] || [ -e "$work/off/cache/carekiosk/insights.key" ] &&
    fail "\"insights\": false still wrote insights files" || ok "\"insights\": false writes no insights file"

# --- report --forget ----------------------------------------------------------------
"$bin" report --forget >/dev/null 2>&1 || fail "report --forget failed"
[ -e "$db" ] || [ -e "$XDG_CACHE_HOME/carekiosk/insights.key" ] && fail "report --forget left a file" ||
    ok "report --forget deletes the database and its key"

# --- the staff panel ------------------------------------------------------------
export XDG_STATE_HOME="$work/state"
printf '258025\n258025\n' | "$bin" set-pin --content "$work/content" >/dev/null 2>&1 || fail "set-pin failed"
cat >"$work/staff.txt" <<SCRIPT
wait 1000
drag 20 20 20 20 3200
tap 540 1500
wait 300
tap 539 701
tap 539 854
tap 539 1007
tap 539 1160
tap 539 701
tap 539 854
tap 654 1282
wait 1200
screenshot $work/staff-panel.png
wait 200
quit
SCRIPT
timeout 60 "$bin" --windowed --size 1080x1920 --content "$work/content" --script "$work/staff.txt" \
    >"$work/staff.log" 2>&1 || fail "staff run: $(tail -3 "$work/staff.log")"
grep -q "staff PIN accepted" "$work/staff.log" && [ -s "$work/staff-panel.png" ] \
    && ok "the staff panel opened (staff-panel.png)" || fail "the staff panel did not open"

[ "$FAILURES" -eq 0 ] || { echo "$FAILURES insights check(s) failed; files in $work"; exit 1; }
echo "all insights checks passed; screenshots in $work"
