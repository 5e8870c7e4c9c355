#!/bin/sh
# Touch end to end with an input script: runs touch.script in a 1080x1920
# window (tap a tile, drag-scroll without activating what is under the
# finger, a cross-page link, Back, Home, language, contrast, text size, idle
# warning, reset, Continue, attract), then compares screenshots: the drag
# moved the content, and the reset brought back exactly the first Home.
# First it proves a failing `expect` fails the run.
#
# usage: run_touch.sh CAREKIOSK CONTENT_DIR OUT_DIR
# exit: 0 passed, 1 failed, 77 skipped (no X display)
set -u
BIN=$1
content=$2
out=$3
here=$(cd "$(dirname "$0")" && pwd)
# The script runs in $out (its screenshots are relative): make paths absolute.
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
case $content in /*) ;; *) content=$(pwd)/$content ;; esac
. "$here/touch_lib.sh"
require_display
mkdir -p "$out" || exit 1
rm -f "$out"/*.png

# --- a wrong expectation must fail the run ------------------------------------
printf 'wait 100\nexpect page:benefits\nquit\n' >"$out/must-fail.script"
if "$BIN" --content "$content" --windowed --size 1080x1920 --script "$out/must-fail.script" \
        >"$out/must-fail.log" 2>&1; then
    fail "a script whose expectation is wrong passed"
elif grep -q "expected page:benefits, the kiosk shows home" "$out/must-fail.log"; then
    ok "a wrong expectation fails the run"
else
    fail "a wrong expectation failed without saying why: $(cat "$out/must-fail.log")"
fi

# --- the touch script ---------------------------------------------------------
if (cd "$out" && "$BIN" --content "$content" --windowed --size 1080x1920 --script "$here/touch.script" \
        >touch.log 2>&1); then
    ok "touch.script: every expectation held"
else
    fail "touch.script: $(cat "$out/touch.log")"
fi

for shot in home-start benefits-top benefits-scrolled benefits-end home-es-contrast-largest idle-warning \
        home-after-reset attract; do
    [ -s "$out/$shot.png" ] || fail "no screenshot $shot.png"
done

# same A B WHAT / differ A B WHAT : compare two screenshots
same() {
    if cmp -s "$out/$1.png" "$out/$2.png"; then ok "$3"; else fail "$3 ($1.png and $2.png differ)"; fi
}
# Different beyond the reference tolerance (tests/render/compare.py), not
# merely a byte apart.
differ() {
    if [ -s "$out/$1.png" ] && /usr/bin/python3 "$here/../render/compare.py" --differ "$out/$1.png" "$out/$2.png" \
            >"$out/$1-vs-$2.txt"; then
        ok "$3: $(cat "$out/$1-vs-$2.txt")"
    else
        fail "$3 ($1.png and $2.png: $(cat "$out/$1-vs-$2.txt" 2>/dev/null))"
    fi
}
differ benefits-top benefits-scrolled "a drag moves the page content"
differ benefits-scrolled benefits-end "a fling carries the content on"
differ home-start home-es-contrast-largest "language, contrast and text size change the screen"
same home-start home-after-reset "after the idle reset Home looks exactly as at start"

if [ "$FAILURES" -gt 0 ]; then
    echo "$FAILURES touch check(s) failed; screenshots and logs in $out"
    exit 1
fi
echo "all touch checks passed; screenshots in $out"
