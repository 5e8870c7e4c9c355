#!/usr/bin/env bash
# Every screen's report checked for what it shows (screen, language, text
# size, open question, search results), and its picture compared with the
# committed reference (tests/render/reference/*.png): both orientations, both bundled languages,
# the largest text size, high contrast, search with an answer, with closest
# questions and with none, and the "being updated" screen. compare.py says
# how close is close enough; first it shows that a moved header, a changed
# colour and a missing row are each caught.
#
# On a mismatch the actual picture and a diff (differing pixels in red) are
# written to OUT_DIR. After a change to how screens look, look at the diffs,
# then update the references with one command and review them in the commit:
#   tests/render/reference.sh build/carekiosk content build/reference --update
#
# usage: reference.sh CAREKIOSK CONTENT_DIR OUT_DIR [--update]
# exit: 0 all match, 1 a screen differs, 77 skipped (no X display; a failure
# under CI=true)
set -u
bin=$1
content=$2
out=$3
update=${4:-}
here=$(cd "$(dirname "$0")" && pwd)
refs="$here/reference"
compare=("/usr/bin/python3" "$here/compare.py")

if [ -z "${DISPLAY:-}" ] || ! xdpyinfo >/dev/null 2>&1; then
    echo "SKIP: no X display"
    [ "${CI:-}" = true ] && { echo "CI=true: a missing input is a failure, not a skip"; exit 1; }
    exit 77
fi
if ! /usr/bin/python3 -c "import PIL" 2>/dev/null; then
    echo "SKIP: python3-pil is not installed"
    [ "${CI:-}" = true ] && { echo "CI=true: a missing input is a failure, not a skip"; exit 1; }
    exit 77
fi
rm -rf "$out" && mkdir -p "$out/cache" "$out/empty" || exit 1
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# shows NAME FACTS: the screenshot's report says the screen shows these
# ("screen=search first=does-it-hurt": key=value, first = the first result
# or closest question; results/related = how many).
shows() {
    /usr/bin/python3 - "$out/$1.json" "$2" <<'PY'
import json, sys
shown = json.load(open(sys.argv[1]))["shows"]
shown["first"] = (shown["results"] + shown["related"] + [""])[0]
shown["results"], shown["related"] = len(shown["results"]), len(shown["related"])
wrong = [f"{k} is {shown.get(k)!r}, not {v!r}" for k, v in (f.split("=", 1) for f in sys.argv[2].split())
         if str(shown.get(k)).lower() != v.lower()]
print("; ".join(wrong))
sys.exit(1 if wrong else 0)
PY
}

# shot NAME FACTS ARGS...: render NAME, check what its report says it shows,
# and compare the picture (or store it with --update)
shot() {
    local name=$1 facts=$2
    shift 2
    if ! "$bin" screenshot --cache-dir "$out/cache" --out "$out/$name.png" --report "$out/$name.json" "$@" \
            >"$out/$name.log" 2>&1; then
        fail "$name: screenshot failed: $(tail -2 "$out/$name.log")"
        return
    fi
    if ! wrong=$(shows "$name" "$facts"); then
        fail "$name: $wrong"
    fi
    if [ "$update" = --update ]; then
        "${compare[@]}" --store "$out/$name.png" "$refs/$name.png" && echo "stored $name"
        return
    fi
    if [ ! -f "$refs/$name.png" ]; then
        fail "$name: no reference picture (make one with --update)"
        return
    fi
    if verdict=$("${compare[@]}" "$refs/$name.png" "$out/$name.png" "$out/$name-diff.png"); then
        echo "ok: $name"
    else
        fail "$name: $verdict (actual $out/$name.png, diff $out/$name-diff.png)"
    fi
}

if [ "$update" != --update ]; then
    "${compare[@]}" --self-test "$refs/portrait-page-aftercare.png" "$out" || fail "the comparison cannot fail"
fi

P=(--content "$content" --size 1080x1920)
L=(--content "$content" --size 1920x1080)
shot portrait-home "screen=home language=en" "${P[@]}" --screen home
shot portrait-faq "screen=faq open_faq=" "${P[@]}" --screen faq
shot portrait-faq-open "screen=faq open_faq=does-it-hurt" "${P[@]}" --screen faq --expand does-it-hurt
shot portrait-languages "screen=languages" "${P[@]}" --screen languages
shot portrait-search-answer "screen=search first=does-it-hurt" "${P[@]}" --screen search --query "does it hurt"
shot portrait-search-closest "screen=search results=0 first=redness" "${P[@]}" --screen search \
    --query "how many days will my face be red"
shot portrait-search-none "screen=search results=0 related=0" "${P[@]}" --screen search --query "wifi password"
for page in aftercare benefits risks sessions-and-costs what-to-expect who-should-not; do
    shot "portrait-page-$page" "screen=page:$page" "${P[@]}" --page "$page"
done
shot portrait-updating "screen=updating" --content "$out/empty" --size 1080x1920
shot landscape-home "screen=home" "${L[@]}" --screen home
shot landscape-faq-open "open_faq=does-it-hurt" "${L[@]}" --screen faq --expand does-it-hurt
shot landscape-page-aftercare "screen=page:aftercare" "${L[@]}" --page aftercare
shot landscape-search-answer "first=does-it-hurt" "${L[@]}" --screen search --query "does it hurt"
shot es-home "screen=home language=es" "${P[@]}" --lang es --screen home
shot es-faq-open "language=es open_faq=does-it-hurt" "${P[@]}" --lang es --screen faq --expand does-it-hurt
shot es-page-aftercare "language=es screen=page:aftercare" "${P[@]}" --lang es --page aftercare
shot es-search-answer "language=es first=does-it-hurt" "${P[@]}" --lang es --screen search --query "me va a doler"
shot largest-home "text_size=3" "${P[@]}" --text-size 3 --screen home
shot largest-page-aftercare "text_size=3 screen=page:aftercare" "${P[@]}" --text-size 3 --page aftercare
shot largest-faq-open "text_size=3 open_faq=does-it-hurt" "${P[@]}" --text-size 3 --screen faq --expand does-it-hurt
shot contrast-home "contrast=true" "${P[@]}" --contrast --screen home
shot contrast-page-risks "contrast=true screen=page:risks" "${P[@]}" --contrast --page risks
shot contrast-search-answer "contrast=true first=does-it-hurt" "${P[@]}" --contrast --screen search \
    --query "does it hurt"

[ "$update" = --update ] && { du -ch "$refs"/*.png | tail -1; exit 0; }
if [ "$failures" -gt 0 ]; then
    echo "$failures failed. If the change is intended, look at the diffs, then:"
    echo "  tests/render/reference.sh $bin $content $out --update"
    exit 1
fi
echo "every screen matches its reference"
