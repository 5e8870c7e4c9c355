#!/bin/sh
# "Take this page home", end to end in the running kiosk: on the Aftercare
# page, without scrolling, the button near the top shows the page's code,
# which a real scanner (zbarimg) reads as the page's address, at least 5 cm
# wide at the screen's physical size (its width in pixels over the DPI the
# kiosk reports); then the same in Spanish. The code sits in the top half of
# the screen shot taken before any scrolling.
#
# usage: take_home.sh CAREKIOSK CONTENT_DIR OUT_DIR
# exit: 0 passed, 1 failed, 77 skipped (no X display, zbarimg or python3-pil)
set -u
. "$(dirname "$0")/touch_lib.sh"
e2e_args "$@"
bin=$BIN content=$CONTENT out=$OUT
command -v zbarimg >/dev/null 2>&1 || missing_input "zbarimg is not installed (Debian package zbar-tools)"
/usr/bin/python3 -c 'import PIL' 2>/dev/null || missing_input "python3-pil is not installed (Debian package python3-pil)"
rm -rf "$out" && mkdir -p "$out" || exit 1
link_of() { sed -n 's/^link: *//p' "$content/$1/pages/aftercare.md" | head -n 1; }
en_link=$(link_of en)
es_link=$(link_of es)
[ -n "$en_link" ] && [ -n "$es_link" ] || { echo "FAIL: the bundled aftercare pages have no link: line"; exit 1; }
title() { sed -n 's/^title: *//p' "$content/$1/pages/aftercare.md" | head -n 1; }
ui() { /usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["strings"][sys.argv[2]])' "$content/$1/ui.json" "$2"; }

cat >"$out/take-home.script" <<SCRIPT
wait 400
press $(title en)
waitfor page:aftercare
wait 500
expect top
press Take this page home
wait 500
expect top
screenshot $out/en.png
wait 300
press $(ui en close)
wait 300
press $(ui es language_name)
wait 500
expect language es
press $(ui es take_home)
wait 500
screenshot $out/es.png
wait 300
quit
SCRIPT
"$bin" --windowed --size 1080x1920 --content "$content" --cache-dir "$out/cache" --status-file "$out/status.txt" \
    --script "$out/take-home.script" >"$out/kiosk.log" 2>&1 || fail "the script failed: $(cat "$out/kiosk.log")"
dpi=$(sed -n 's/^dpi //p' "$out/status.txt" | tail -n 1)
[ -n "$dpi" ] && [ "$dpi" -gt 0 ] || { fail "the kiosk reported no dpi: $(cat "$out/status.txt")"; dpi=96; }

# check LANG URL : the code in LANG.png reads URL, is at least 50 mm wide at
# $dpi and starts in the top half of the screen.
check() {
    got=$(zbarimg --quiet --raw -Sdisable -Sqrcode.enable "$out/$1.png" 2>/dev/null)
    [ "$got" = "$2" ] && ok "$1: the code reads $2" || fail "$1: expected '$2', the scanner read '${got:-nothing}'"
    measured=$(/usr/bin/python3 - "$out/$1.png" <<'PY'
import sys
from PIL import Image
# The code: the largest square block of pure black modules; its width is
# from its leftmost to its rightmost dark pixel (quiet zone not counted).
img = Image.open(sys.argv[1]).convert("RGB")
w, h = img.size
px = img.load()
dark = lambda x, y: px[x, y] == (0, 0, 0)
rows = [y for y in range(h) if sum(1 for x in range(0, w, 2) if dark(x, y)) > 20]
if not rows:
    print("0 0")
    sys.exit()
top, bottom = rows[0], rows[-1]
xs = [x for y in range(top, bottom + 1, 3) for x in range(w) if dark(x, y)]
print(max(xs) - min(xs) + 1, top)
PY
)
    set -- $measured
    width=$1 top=$2
    mm=$(awk -v px="$width" -v dpi="$dpi" 'BEGIN { printf "%.1f", px * 25.4 / dpi }')
    if awk -v mm="$mm" 'BEGIN { exit !(mm >= 50) }'; then
        ok "the code is $width px wide, $mm mm at $dpi dpi"
    else
        fail "the code is $width px wide, $mm mm at $dpi dpi: under 5 cm"
    fi
    [ "$top" -gt 0 ] && [ "$top" -lt 960 ] && ok "it starts $top px down, in the top half" ||
        fail "the code starts at y=$top, not in the top half"
}
[ -s "$out/en.png" ] && check en "$en_link" || fail "en.png was not written"
[ -s "$out/es.png" ] && check es "$es_link" || fail "es.png was not written"
[ "$FAILURES" -eq 0 ]
