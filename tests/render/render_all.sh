#!/bin/sh
# Renders every default page and the home and FAQ screens in portrait and
# landscape with `carekiosk screenshot`, then checks each PNG with
# `carekiosk screenshot --check` (not blank, no text past the right edge,
# touch targets big enough, title pixels where the layout put the title).
# First it proves the checker can fail: a blank image, overflowing text and a
# misplaced title must all be rejected.
#
# usage: render_all.sh CAREKIOSK CONTENT_DIR OUT_DIR
# exit: 0 all good, 1 a check failed, 77 skipped (no X display)
set -u
bin=$1
content=$2
out=$3

if [ -z "${DISPLAY:-}" ]; then
    echo "SKIP: \$DISPLAY is not set (run under Xvfb: Xvfb :55 & DISPLAY=:55)"
    [ "${CI:-}" = true ] && { echo "CI=true: a missing input is a failure, not a skip"; exit 1; }; exit 77
fi
if command -v xdpyinfo >/dev/null 2>&1; then
    if ! xdpyinfo >/dev/null 2>&1; then
        echo "SKIP: no X server answers on $DISPLAY"
        [ "${CI:-}" = true ] && { echo "CI=true: a missing input is a failure, not a skip"; exit 1; }; exit 77
    fi
fi
mkdir -p "$out" || exit 1
failures=0

fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

# shot NAME SIZE ARGS... : render and check one screen
shot() {
    name=$1
    size=$2
    shift 2
    if ! "$bin" screenshot --content "$content" --size "$size" --out "$out/$name.png" \
            --report "$out/$name.json" "$@" 2>"$out/$name.log"; then
        fail "$name: screenshot failed: $(cat "$out/$name.log")"
        return
    fi
    "$bin" screenshot --check "$out/$name.png" --report "$out/$name.json" || fail "$name: check failed"
}

# must_reject NAME PNG REPORT : the checker has to say no
must_reject() {
    if "$bin" screenshot --check "$2" --report "$3" >/dev/null 2>&1; then
        fail "checker accepted $1"
    else
        echo "ok: checker rejects $1"
    fi
}

# --- the checker can fail -------------------------------------------------
blank_png="$out/selftest-blank.png"
echo "iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAIAAAAlC+aJAAAATklEQVR42u3PQQkAAAgEsOvfVxBfRvAtDFZgma7XIiAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICBwWSiwcrMMqJS2AAAAAElFTkSuQmCC" \
    | base64 -d >"$blank_png"
cat >"$out/selftest-blank.json" <<JSON
{"screen": "home", "width": 64, "height": 64, "max_text_right": 40, "title_rect": [0, 0, 64, 64],
 "title_colour": [250, 248, 245], "background": [250, 248, 245], "targets": 0,
 "min_target_px": 0, "required_target_px": 57}
JSON
must_reject "a blank image" "$blank_png" "$out/selftest-blank.json"

shot selftest-home 1080x1920
if [ -f "$out/selftest-home.png" ]; then
    sed -E 's/"max_text_right": [-0-9.e+]+/"max_text_right": 1130.0/' "$out/selftest-home.json" \
        >"$out/selftest-overflow.json"
    must_reject "text past the right edge" "$out/selftest-home.png" "$out/selftest-overflow.json"
    tr -d '\n' <"$out/selftest-home.json" \
        | sed -E 's/"title_rect": \[[^]]*\]/"title_rect": [0, 1910, 10, 1920]/' >"$out/selftest-notitle.json"
    must_reject "a title rectangle with no title in it" "$out/selftest-home.png" "$out/selftest-notitle.json"
fi

# --- every screen, portrait and landscape ---------------------------------
lang_dir="$content/en"
[ -d "$lang_dir/pages" ] || lang_dir=$(dirname "$(ls -d "$content"/*/pages | head -n 1)")
pages=$(ls "$lang_dir"/pages/*.md "$lang_dir"/pages/*.json 2>/dev/null | sed -e 's|.*/||' -e 's/\.[a-z]*$//' | sort -u)
[ -n "$pages" ] || fail "no pages found in $lang_dir/pages"
first_faq=$(grep -o '"id"[[:space:]]*:[[:space:]]*"[^"]*"' "$lang_dir/faq.json" 2>/dev/null | head -n 1 \
    | sed -E 's/.*"([^"]*)"$/\1/')

for orientation in portrait:1080x1920 landscape:1920x1080; do
    o=${orientation%%:*}
    size=${orientation#*:}
    shot "$o-home" "$size" --screen home
    shot "$o-faq" "$size" --screen faq
    [ -n "$first_faq" ] && shot "$o-faq-open" "$size" --screen faq --expand "$first_faq"
    for page in $pages; do
        shot "$o-page-$page" "$size" --page "$page"
    done
    # The largest text and the high-contrast theme must still fit.
    shot "$o-home-largest" "$size" --screen home --text-size 3
    for page in $pages; do
        shot "$o-page-$page-largest" "$size" --page "$page" --text-size 3 --contrast
    done
done
# No content at all: the calm "being updated" screen.
mkdir -p "$out/empty-content"
content_saved=$content
content="$out/empty-content"
shot "portrait-updating" 1080x1920
content=$content_saved

# Touch end to end: a tap opens a tile, a drag that starts on a tile only
# scrolls, Back returns, text size and contrast respond. Input goes through
# the kiosk's own pointer path via an input script.
cat >"$out/interaction.txt" <<SCRIPT
wait 200
expect home
drag 540 260 540 200 200
wait 300
expect home
tap 540 400
wait 300
expect page:benefits
drag 540 1500 540 600 200
wait 800
expect page:benefits
tap 80 40
wait 300
expect home
screenshot $out/interaction-home.png
quit
SCRIPT
if "$bin" --content "$content" --windowed --size 1080x1920 --script "$out/interaction.txt" \
        >"$out/interaction.log" 2>&1; then
    echo "ok: interaction script"
else
    fail "interaction script: $(cat "$out/interaction.log")"
fi
[ -s "$out/interaction-home.png" ] || fail "interaction script wrote no screenshot"

# A narrow window in between.
shot "narrow-home" 800x1000 --screen home
shot "narrow-faq-open" 800x1000 --screen faq --expand "$first_faq"

# Search: a misspelt query (results under "Showing results for"), an
# off-topic one ("No answer found" and suggestions), an empty query, and
# Spanish with its keyboard (ñ and accented vowels).
for orientation in portrait:1080x1920 landscape:1920x1080; do
    o=${orientation%%:*}
    size=${orientation#*:}
    shot "$o-search-typo" "$size" --query "sunscren" --cache-dir "$out/search-cache"
    shot "$o-search-offtopic" "$size" --query "parking ticket" --cache-dir "$out/search-cache"
    shot "$o-search-empty" "$size" --screen search --cache-dir "$out/search-cache"
    shot "$o-search-es" "$size" --lang es --query "protector solar" --cache-dir "$out/search-cache"
done
shot "portrait-search-largest" 1080x1920 --query "sunscren" --text-size 3 --contrast --cache-dir "$out/search-cache"

# Every bundled language: its home screen and one page in its own words.
for lang_path in "$content"/*/pages; do
    lang=$(basename "$(dirname "$lang_path")")
    shot "portrait-home-$lang" 1080x1920 --screen home --lang "$lang"
    shot "landscape-page-aftercare-$lang" 1920x1080 --page aftercare --lang "$lang"
done

# Greek, Cyrillic, Vietnamese and Chinese on one page: glyphs, not boxes
# (the unit tests in tests/ui/test_fonts.cpp check every code point has one).
scripts_content="$(dirname "$0")/../data/content/scripts"
content_saved=$content
content=$scripts_content
shot "portrait-page-alphabets" 1080x1920 --page alphabets
content=$content_saved

# More than two languages: the home button names the current language and
# opens a picker listing each language in its own words (from its ui.json).
three="$out/three-languages"
rm -rf "$three"
cp -r "$content" "$three"
mkdir -p "$three/pt-BR/pages"
cp "$three/en/pages/benefits.md" "$three/pt-BR/pages/"
printf '{"strings": {"language_name": "Português (Brasil)", "language": "Idioma"}}\n' >"$three/pt-BR/ui.json"
sed -i 's/"languages": \[[^]]*\]/"languages": ["en", "es", "pt-BR"]/' "$three/kiosk.json"
content=$three
shot "portrait-home-three-languages" 1080x1920 --screen home
shot "portrait-languages" 1080x1920 --screen languages --lang es
content=$content_saved

# A page missing in Spanish falls back to English with a note in Spanish.
fallback="$out/fallback-content"
rm -rf "$fallback"
cp -r "$content" "$fallback"
rm -f "$fallback"/es/pages/risks.*
content=$fallback
shot "portrait-page-risks-es-fallback" 1080x1920 --page risks --lang es
content=$content_saved

if [ "$failures" -gt 0 ]; then
    echo "$failures render check(s) failed; images in $out"
    exit 1
fi
echo "all render checks passed; images in $out"
