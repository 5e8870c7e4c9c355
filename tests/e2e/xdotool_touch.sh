#!/bin/sh
# Touch through the real window: X pointer events from xdotool (a touch
# screen under X arrives as the left button), not an input script. The kiosk
# reports where it is through --status-file. Checks: a tap on a tile opens
# its page; a drag on the page scrolls it (offset > 0) and opens nothing; a
# drag that starts on the Home button only scrolls; a tap on Back goes home.
# Each step leaves the kiosk time to draw frames before the next.
#
# usage: xdotool_touch.sh CAREKIOSK CONTENT_DIR OUT_DIR
# exit: 0 passed, 1 failed, 77 skipped (no X display or no xdotool)
set -u
BIN=$1
content=$2
out=$3
here=$(cd "$(dirname "$0")" && pwd)
. "$here/touch_lib.sh"
require_display
require_xdotool
mkdir -p "$out" || exit 1
status="$out/xdotool-status.txt"
rm -f "$status"
trap stop_kiosk EXIT

start_kiosk "$out/xdotool-touch.log" --content "$content" --windowed --size 1080x1920 \
    --status-file "$status" || exit 1
wait_status "$status" screen home 10 || fail "the kiosk did not report Home: $(cat "$status" 2>/dev/null)"

# A tap on the first tile (window pixels, default content at 1080x1920).
x_tap 540 450
if wait_status "$status" screen page:benefits 5; then ok "a tap on a tile opens its page"; else
    fail "tap on a tile: the kiosk shows $(status_value "$status" screen)"
fi
[ "$(status_value "$status" scroll)" = 0 ] || fail "a new page should start at the top"

# A drag up the page: the content follows the finger, nothing opens.
x_drag 540 1500 1000 20
sleep 1.5   # momentum runs out
scroll=$(status_value "$status" scroll)
if [ "${scroll:-0}" -gt 0 ]; then ok "a drag scrolls the page (offset $scroll px)"; else
    fail "a drag did not scroll the page (offset ${scroll:-none})"
fi
if [ "$(status_value "$status" screen)" = page:benefits ]; then ok "the drag opened nothing"; else
    fail "the drag changed the screen to $(status_value "$status" screen)"
fi

# A drag that starts on the Home button scrolls back and does not go home.
x_drag 274 51 400 15
sleep 1.5
if [ "$(status_value "$status" screen)" = page:benefits ]; then ok "a drag starting on Home does not press it"; else
    fail "a drag starting on Home changed the screen to $(status_value "$status" screen)"
fi
scroll_after=$(status_value "$status" scroll)
[ "${scroll_after:-0}" -lt "${scroll:-0}" ] || fail "dragging down should scroll back (was $scroll, now $scroll_after)"

# Back goes home.
x_tap 116 51
if wait_status "$status" screen home 5; then ok "a tap on Back returns Home"; else
    fail "tap on Back: the kiosk shows $(status_value "$status" screen)"
fi
kiosk_alive || fail "the kiosk exited: $(cat "$out/xdotool-touch.log")"
stop_kiosk

if [ "$FAILURES" -gt 0 ]; then
    echo "$FAILURES check(s) failed; log in $out/xdotool-touch.log"
    exit 1
fi
echo "all real-window touch checks passed"
