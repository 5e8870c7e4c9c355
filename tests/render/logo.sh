#!/bin/sh
# The clinic's logo (kiosk.json "logo") on Home and on the idle screen, in
# portrait and landscape: a magenta 600 x 200 picture must appear, whole,
# inside the screen, with its 3:1 shape kept, and not at all without "logo".
#
# usage: logo.sh CAREKIOSK CONTENT_DIR OUT_DIR
# exit: 0 all good, 1 a check failed, 77 skipped (no X display or no python3-pil)
set -u
bin=$1
content=$2
out=$3
. "$(dirname "$0")/../e2e/touch_lib.sh"   # require_display, fail, ok (FAILURES)
require_display
if ! /usr/bin/python3 -c "import PIL" 2>/dev/null; then
    missing_input "python3-pil is not installed"
fi
rm -rf "$out" && mkdir -p "$out" || exit 1
export XDG_CACHE_HOME="$out/cache"

with="$out/with-logo"
cp -r "$content" "$with" || exit 1
/usr/bin/python3 -c "
from PIL import Image
Image.new('RGB', (600, 200), (255, 0, 255)).save('$with/logo.png')" || exit 1
sed -i 's|^{|{\n  "logo": "logo.png",|' "$with/kiosk.json"
"$bin" check --content "$with" >"$out/check.log" 2>&1 || fail "the content with a logo fails check: $(cat "$out/check.log")"

# logo_box NAME : "x0 y0 x1 y1" of the magenta pixels in NAME.png, or "none"
logo_box() {
    /usr/bin/python3 - "$out/$1.png" <<'PY'
import sys
from PIL import Image
image = Image.open(sys.argv[1]).convert("RGB")
px = image.load()
w, h = image.size
xs, ys = [], []
for y in range(0, h, 2):
    for x in range(0, w, 2):
        r, g, b = px[x, y]
        if r > 240 and b > 240 and g < 20:
            xs.append(x); ys.append(y)
print(f"{min(xs)} {min(ys)} {max(xs)} {max(ys)}" if xs else "none")
PY
}

# expect_logo NAME WIDTH HEIGHT : a whole 3:1 logo inside a WIDTH x HEIGHT screen
expect_logo() {
    box=$(logo_box "$1")
    if [ "$box" = none ]; then
        fail "$1: no logo"
        return
    fi
    set -- "$1" "$2" "$3" $box
    w=$(($6 - $4 + 2)) h=$(($7 - $5 + 2))
    if [ "$4" -gt 0 ] && [ "$5" -gt 0 ] && [ "$6" -lt "$2" ] && [ "$7" -lt "$3" ] && [ "$h" -ge 40 ] \
        && [ $((w * 10 / h)) -ge 27 ] && [ $((w * 10 / h)) -le 33 ]; then
        ok "$1: logo ${w} x ${h} px at ($4, $5)"
    else
        fail "$1: logo box '$4 $5 $6 $7' is cut, too small or out of shape"
    fi
}

for size in 1080x1920 1920x1080; do
    width=${size%x*} height=${size#*x}
    "$bin" screenshot --content "$with" --size "$size" --out "$out/home-$size.png" 2>"$out/home-$size.log" \
        && expect_logo "home-$size" "$width" "$height" || fail "home $size: $(cat "$out/home-$size.log")"
    # The idle screen: nobody touches the kiosk until the attract screen shows.
    printf 'wait 300\nadvance 400\nwait 300\nexpect attract\nscreenshot %s\nquit\n' "$out/attract-$size.png" \
        >"$out/attract-$size.script"
    if "$bin" --windowed --size "$size" --content "$with" --cache-dir "$out/cache" \
            --script "$out/attract-$size.script" >"$out/attract-$size.log" 2>&1; then
        expect_logo "attract-$size" "$width" "$height"
    else
        fail "attract $size: $(tail -3 "$out/attract-$size.log")"
    fi
done
"$bin" screenshot --content "$content" --size 1080x1920 --out "$out/no-logo.png" 2>/dev/null
[ "$(logo_box no-logo)" = none ] && ok "no logo without \"logo\"" || fail "a logo shows without \"logo\""

if [ "$FAILURES" -gt 0 ]; then
    echo "$FAILURES logo check(s) failed; images in $out"
    exit 1
fi
echo "all logo checks passed; images in $out"
