#!/bin/sh
# A trembling hand through the real window (xdotool): a tap that wobbles
# 4 mm in every direction before lifting still opens the tile, 20 times out
# of 20, and a 4 mm pull up a page that scrolls still scrolls it. The
# millimetres use the dpi the kiosk reports in its status file.
#
# usage: xdotool_shaky.sh CAREKIOSK CONTENT_DIR OUT_DIR
# exit: 0 passed, 1 failed, 77 skipped (no X display or no xdotool)
set -u
. "$(dirname "$0")/touch_lib.sh"
e2e_args "$@"
require_xdotool
content=$CONTENT out=$OUT
status="$out/shaky-status.txt"
rm -f "$status"
trap stop_kiosk EXIT

start_kiosk "$out/shaky.log" --content "$content" --windowed --size 1080x1920 --status-file "$status" || exit 1
wait_status "$status" screen home 10 || fail "the kiosk did not report Home: $(cat "$status" 2>/dev/null)"
dpi=$(status_value "$status" dpi)
[ -n "$dpi" ] || { fail "the status file gives no dpi"; exit 1; }
mm4=$(( (40 * dpi + 127) / 254 ))   # 4 mm in pixels, rounded
echo "dpi $dpi: 4 mm = $mm4 px"

# wobble X Y: down at (X, Y), 4 mm right, down, left, up and diagonally, each
# 40 ms apart, back to the start, up.
wobble() {
    d=$mm4
    h=$((mm4 * 7 / 10))
    xdotool mousemove --window "$KIOSK_WINDOW" "$1" "$2" sleep 0.1 mousedown 1 sleep 0.04 \
        mousemove --window "$KIOSK_WINDOW" $(($1 + d)) "$2" sleep 0.04 \
        mousemove --window "$KIOSK_WINDOW" "$1" $(($2 + d)) sleep 0.04 \
        mousemove --window "$KIOSK_WINDOW" $(($1 - d)) "$2" sleep 0.04 \
        mousemove --window "$KIOSK_WINDOW" "$1" $(($2 - d)) sleep 0.04 \
        mousemove --window "$KIOSK_WINDOW" $(($1 + h)) $(($2 + h)) sleep 0.04 \
        mousemove --window "$KIOSK_WINDOW" $(($1 - h)) $(($2 - h)) sleep 0.04 \
        mousemove --window "$KIOSK_WINDOW" "$1" $(($2 + 2)) sleep 0.04 mouseup 1
}

opened=0
i=1
while [ "$i" -le 20 ]; do
    wobble 540 450   # the first tile at this size (touch.script)
    if wait_status "$status" screen page:benefits 3; then
        opened=$((opened + 1))
        x_tap 116 51   # Back
        wait_status "$status" screen home 3 || fail "try $i: Back did not return Home"
    else
        echo "try $i: the wobbling tap left the kiosk on $(status_value "$status" screen)"
    fi
    i=$((i + 1))
done
[ "$opened" -eq 20 ] && ok "a tap wobbling 4 mm opened the tile 20 times of 20" ||
    fail "a tap wobbling 4 mm opened the tile $opened times of 20"

# On a page that scrolls, 4 mm straight up is a drag: the page moves.
x_tap 540 450
wait_status "$status" screen page:benefits 3 || fail "the tile did not open for the drag"
sleep 0.5
x_drag 540 1200 $((1200 - mm4)) 6
sleep 1
scroll=$(status_value "$status" scroll)
if [ "${scroll:-0}" -gt 0 ]; then ok "a 4 mm pull scrolls the page (offset $scroll px)"; else
    fail "a 4 mm pull did not scroll the page (offset ${scroll:-none})"
fi
[ "$(status_value "$status" screen)" = page:benefits ] || fail "the pull changed the screen"
kiosk_alive || fail "the kiosk exited: $(cat "$out/shaky.log")"
[ "$FAILURES" -eq 0 ]
