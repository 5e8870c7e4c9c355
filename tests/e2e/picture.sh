#!/bin/sh
# Pictures for ageing eyes, end to end in the running kiosk: a drag that
# starts on the Risks page's diagram scrolls the page and opens nothing; a
# tap on it shows it full screen with its description; Zoom in draws it
# larger (the screen changes) and a drag pans it; Back closes it onto the
# same page at the same place, Close closes it, and so does the idle reset.
# Where the diagram is comes from `carekiosk screenshot --report` of the
# same page; the kiosk's own screenshots are compared with each other.
#
# usage: picture.sh CAREKIOSK CONTENT_DIR OUT_DIR
# exit: 0 passed, 1 failed, 77 skipped (no X display or no python3-pil)
set -u
. "$(dirname "$0")/touch_lib.sh"
e2e_args "$@"
bin=$BIN content=$CONTENT out=$OUT
/usr/bin/python3 -c 'import PIL' 2>/dev/null || missing_input "python3-pil is not installed (Debian package python3-pil)"
rm -rf "$out" && mkdir -p "$out" || exit 1

alt=$(sed -n 's/^!\[\(.*\)\](needle-depth\.png)$/\1/p' "$content/en/pages/risks.md")
[ -n "$alt" ] || { echo "FAIL: en/pages/risks.md has no described needle-depth.png"; exit 1; }
idle=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("idle_timeout_seconds", 90))' "$content/kiosk.json")
"$bin" screenshot --content "$content" --cache-dir "$out/cache" --size 1080x1920 --page risks \
    --out "$out/page.png" --report "$out/page.json" >"$out/screenshot.log" 2>&1 ||
    { echo "FAIL: screenshot of the Risks page: $(cat "$out/screenshot.log")"; exit 1; }
# The middle of the diagram, and a point 300 px above it to drag to.
start=$(/usr/bin/python3 - "$out/page.json" "$alt" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
for b in report.get("buttons", []):
    if b["label"] == sys.argv[2]:
        x0, y0, x1, y1 = b["rect"]
        print(int((x0 + x1) / 2), int((y0 + y1) / 2))
        break
PY
)
[ -n "$start" ] || { echo "FAIL: the Risks page reports no picture described as '$alt'"; exit 1; }
set -- $start
x=$1 y=$2

cat >"$out/picture.script" <<SCRIPT
wait 400
press Risks and side effects
waitfor page:risks
wait 600
# A drag that starts on the diagram scrolls the page and opens nothing.
drag $x $y $x $((y - 300)) 300
wait 800
expect no-picture
expect page:risks
expect scrolled
press $alt
wait 600
expect picture
expect page:risks
screenshot $out/picture.png
wait 300
press Zoom in
wait 400
press Zoom in
wait 400
screenshot $out/zoomed.png
wait 300
drag 300 900 800 1000 400
wait 600
expect picture
expect scrolled
screenshot $out/panned.png
wait 300
press Back
wait 500
expect no-picture
expect page:risks
expect scrolled
screenshot $out/back.png
wait 300
press $alt
wait 500
expect picture
press Close
wait 500
expect no-picture
expect page:risks
press $alt
wait 500
expect picture
advance $((idle + 60))
wait 500
waitfor home
expect no-picture
quit
SCRIPT
"$bin" --windowed --size 1080x1920 --content "$content" --cache-dir "$out/cache" --script "$out/picture.script" \
    >"$out/kiosk.log" 2>&1 || fail "the script failed: $(cat "$out/kiosk.log")"

# Zoom and pan change what is drawn; closing shows the page again.
differs() {
    /usr/bin/python3 - "$out/$1.png" "$out/$2.png" <<'PY'
import sys
from PIL import Image, ImageChops
a, b = (Image.open(p).convert("RGB") for p in sys.argv[1:3])
sys.exit(0 if a.size != b.size or ImageChops.difference(a, b).getbbox() else 1)
PY
}
for shot in picture zoomed panned back; do
    [ -s "$out/$shot.png" ] || fail "$shot.png was not written"
done
if [ "$FAILURES" -eq 0 ]; then
    differs picture zoomed && ok "Zoom in changes the picture shown" || fail "Zoom in drew the same screen"
    differs zoomed panned && ok "a drag pans the zoomed picture" || fail "a drag left the zoomed picture where it was"
    differs picture back && ok "Back shows the page again" || fail "after Back the picture still shows"
fi
[ "$FAILURES" -eq 0 ]
