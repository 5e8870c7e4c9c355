#!/bin/sh
# Live reload end to end: runs the kiosk on a copy of the content with an
# input script that opens the Aftercare page and takes a screenshot every few
# seconds, while this script edits the page between the screenshots:
#   1 original   2 title edited (must differ from 1)
#   3 front matter broken (the last good version stays: same pixels as 2)
#   4 page deleted (the patient is sent Home)
#
# usage: reload.sh CAREKIOSK CONTENT_DIR WORK_DIR
# exit: 0 all good, 1 a check failed, 77 skipped (no X display)
set -u
bin=$1
src=$2
work=$3
. "$(dirname "$0")/staff_common.sh"
require_display

rm -rf "$work" && mkdir -p "$work" && cp -r "$src" "$work/content" || exit 1
page="$work/content/en/pages/aftercare.md"
grep -q '^title: Aftercare$' "$page" || { echo "FAIL: $page has no 'title: Aftercare' line"; exit 1; }

# The Aftercare tile is the third on the 1080x1920 home screen.
cat >"$work/script.txt" <<SCRIPT
wait 1500
tap 527 785
wait 800
expect page:aftercare
screenshot $work/1-original.png
wait 3500
expect page:aftercare
screenshot $work/2-edited.png
wait 3500
expect page:aftercare
screenshot $work/3-broken.png
wait 3500
expect home
screenshot $work/4-removed.png
wait 200
quit
SCRIPT

XDG_CACHE_HOME="$work/cache" "$bin" --windowed --size 1080x1920 --content "$work/content" \
    --script "$work/script.txt" 2>"$work/kiosk.log" &
pid=$!

if wait_for "$work/1-original.png" 30; then
    sed -i 's/^title: Aftercare$/title: Aftercare at home/' "$page"
fi
if wait_for "$work/2-edited.png" 30; then
    printf -- '---\ntitle: [not closed\n---\n\nBroken.\n' >"$page"
fi
if wait_for "$work/3-broken.png" 30; then
    rm -f "$page"
fi
wait_for "$work/4-removed.png" 30
wait "$pid"
status=$?

[ "$status" -eq 0 ] || fail "the kiosk exited with $status (an expect failed?): $(grep -v '^$' "$work/kiosk.log" | tail -5)"
for n in 1-original 2-edited 3-broken 4-removed; do
    [ -s "$work/$n.png" ] || fail "no screenshot $n.png"
done
if [ "$FAILURES" -eq 0 ]; then
    if cmp -s "$work/1-original.png" "$work/2-edited.png"; then
        fail "the edited title did not appear (screenshots 1 and 2 are the same)"
    else
        ok "the edited title appeared without a restart"
    fi
    if cmp -s "$work/2-edited.png" "$work/3-broken.png"; then
        ok "a broken file keeps its last good version on screen"
    else
        fail "breaking the file changed the screen (screenshots 2 and 3 differ)"
    fi
    grep -q "keeps\|kept\|last good\|previous" "$work/kiosk.log" \
        && ok "the kept version is reported" || fail "no warning about the kept version in kiosk.log"
    grep -q "aftercare.md:.*error" "$work/kiosk.log" \
        && ok "the YAML error is printed with its file" || fail "the YAML error is not in kiosk.log"
    grep -c "content reloaded" "$work/kiosk.log" | grep -q '^[3-9]' \
        && ok "three reloads" || fail "expected 3 reloads: $(grep -c 'content reloaded' "$work/kiosk.log")"
fi
[ "$FAILURES" -eq 0 ] || exit 1
echo "reload: all checks passed"
