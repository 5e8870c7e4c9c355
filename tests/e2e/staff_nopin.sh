#!/bin/sh
# Staff access before a PIN is set: any patient may hold the top-left corner
# for 3 s and tap, so the gesture must show nothing (no set-pin command, no
# content folder). An input script takes a screenshot of Home, does the
# gesture with its tap on a tile, and takes another: the two must be the same
# picture and the kiosk still on Home. The log must tell staff how to set a
# PIN, and the next tap must work as usual.
#
# usage: staff_nopin.sh CAREKIOSK CONTENT_DIR WORK_DIR
# exit: 0 passed, 1 failed, 77 skipped (no X display)
set -u
bin=$1
content=$2
work=$3
. "$(dirname "$0")/touch_lib.sh"
require_display
rm -rf "$work" && mkdir -p "$work" || exit 1

cat >"$work/nopin.txt" <<SCRIPT
wait 1000
expect home
screenshot $work/before.png
drag 20 20 20 20 3200
tap 540 1500
wait 500
expect home
screenshot $work/after.png
wait 200
press Aftercare
wait 500
expect page:aftercare
quit
SCRIPT
XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache" timeout 60 "$bin" --windowed --size 1080x1920 \
    --content "$content" --script "$work/nopin.txt" 2>"$work/kiosk.log"
status=$?
[ "$status" -eq 0 ] && ok "the kiosk stayed on Home through the gesture, and the next tap opened a page" \
    || fail "the script's expectations failed (exit $status): $(grep -v '^ALSA' "$work/kiosk.log" | tail -3)"
if [ -s "$work/before.png" ] && [ -s "$work/after.png" ]; then
    cmp -s "$work/before.png" "$work/after.png" && ok "nothing changed on screen" \
        || fail "the gesture changed the screen without a PIN (see $work/after.png)"
else
    fail "a screenshot is missing"
fi
grep -q "no staff PIN is set.*carekiosk set-pin --content $content" "$work/kiosk.log" \
    && ok "the log says how to set a PIN" || fail "the log does not say how to set a PIN: $(tail -3 "$work/kiosk.log")"
[ "$FAILURES" -eq 0 ] || exit 1
echo "staff without a PIN: all checks passed"
