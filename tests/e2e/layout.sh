#!/bin/sh
# One layout rule on every screen: the header holds only controls (Back,
# Home, Stop, the settings) and each screen's title is the first thing under
# it, in the same place whatever its length. For portrait and landscape,
# English and Spanish, the screenshot reports of Home, the FAQ, search, the
# language picker and pages with short and long titles must put the title's
# top at the same height, below the header's row of buttons (at least one
# margin and a touch target down). And landscape Home, whose tiles all fit,
# must not scroll: asked to scroll 500 px it stays at 0.
#
# usage: layout.sh CAREKIOSK CONTENT_DIR OUT_DIR
# exit: 0 passed, 1 failed, 77 skipped (no X display)
set -u
bin=$1
content=$2
out=$3
. "$(dirname "$0")/touch_lib.sh"
require_display
rm -rf "$out" && mkdir -p "$out" || exit 1

# shot NAME ARGS... : a screenshot with its report
shot() {
    name=$1
    shift
    "$bin" screenshot --content "$content" --cache-dir "$out/cache" --out "$out/$name.png" \
        --report "$out/$name.json" "$@" >"$out/$name.log" 2>&1 || fail "$name: $(tail -2 "$out/$name.log")"
}

for size in 1080x1920 1920x1080; do
    for lang in en es; do
        shot "$size-$lang-home" --size "$size" --lang "$lang" --screen home
        shot "$size-$lang-faq" --size "$size" --lang "$lang" --screen faq
        shot "$size-$lang-search" --size "$size" --lang "$lang" --screen search
        shot "$size-$lang-languages" --size "$size" --lang "$lang" --screen languages
        shot "$size-$lang-page-short" --size "$size" --lang "$lang" --page aftercare
        shot "$size-$lang-page-long" --size "$size" --lang "$lang" --page who-should-not
    done
done
shot landscape-home-scrolled --size 1920x1080 --screen home --scroll 500

/usr/bin/python3 - "$out" <<'PY' || FAILURES=$((FAILURES + 1))
import glob, json, os, sys
out = sys.argv[1]
header_row = 19 + 57          # at least a gap and a 15 mm target at 96 dpi
bad = []
for size in ("1080x1920", "1920x1080"):
    tops = {}
    for path in sorted(glob.glob(os.path.join(out, size + "-*.json"))):
        name = os.path.basename(path)[:-5]
        rect = json.load(open(path))["title_rect"]
        tops[name] = round(rect[1])
        if rect[1] < header_row:
            bad.append(f"{name}: the title's top is at {rect[1]:.0f} px, inside the header's row of buttons")
    if len(set(tops.values())) != 1:
        bad.append(f"{size}: the titles' tops differ: " + ", ".join(f"{k} {v}" for k, v in tops.items()))
scroll = json.load(open(os.path.join(out, "landscape-home-scrolled.json")))["shows"]["scroll"]
if scroll != 0:
    bad.append(f"landscape Home scrolls {scroll} px although every tile fits")
for line in bad:
    print("FAIL:", line)
sys.exit(1 if bad else 0)
PY
[ "$FAILURES" -eq 0 ] || exit 1
echo "layout: every title under the header, in one place; landscape Home does not scroll"
