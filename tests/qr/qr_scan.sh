#!/bin/sh
# "Scan to read this at home", end to end: renders pages with
# `carekiosk screenshot` (portrait, landscape, high contrast, largest text),
# scrolled to the end where the code sits, and decodes each PNG with a real
# scanner (zbarimg, QR only). The decoded text must equal the expected
# address exactly; pages without a link must decode nothing. Covers a page's
# own `link:`, kiosk.json's page_url pattern, `link: none` under it, and the
# card a tap on a web or e-mail address in the text shows.
# First it proves the comparison can fail.
#
# usage: qr_scan.sh CAREKIOSK CONTENT_DIR OUT_DIR
# exit: 0 all good, 1 a check failed, 77 skipped (no X display or no zbarimg)
set -u
bin=$1
content=$2
out=$3
. "$(dirname "$0")/../e2e/touch_lib.sh"   # require_display, fail, ok (FAILURES)
require_display
if ! command -v zbarimg >/dev/null 2>&1; then
    missing_input "zbarimg is not installed (Debian package zbar-tools)"
fi
rm -rf "$out" && mkdir -p "$out" || exit 1
export XDG_CACHE_HOME="$out/cache"

# shot NAME CONTENT SIZE ARGS... : renders one page scrolled to its end
shot() {
    name=$1
    dir=$2
    size=$3
    shift 3
    if ! "$bin" screenshot --content "$dir" --size "$size" --scroll 1000000 --out "$out/$name.png" \
            --report "$out/$name.json" "$@" 2>"$out/$name.log"; then
        fail "$name: screenshot failed: $(cat "$out/$name.log")"
        return 1
    fi
}

# decode NAME : what a QR scanner reads in NAME.png (nothing when it finds no code)
decode() {
    zbarimg --raw -q -Sdisable -Sqrcode.enable "$out/$1.png" 2>/dev/null
}

# expect_url NAME URL : the one code in NAME.png holds exactly URL
expect_url() {
    got=$(decode "$1")
    if [ "$got" = "$2" ]; then
        ok "$1 decodes to $2"
    else
        fail "$1: expected '$2', the scanner read '$got'"
    fi
}

# expect_none NAME : no QR code anywhere in NAME.png
expect_none() {
    got=$(decode "$1")
    if [ -z "$got" ]; then
        ok "$1 has no QR code"
    else
        fail "$1: expected no QR code, the scanner read '$got'"
    fi
}

# expect_size NAME : the report's code is whole-pixel modules, 30-50 mm wide at 96 dpi
expect_size() {
    module=$(sed -n 's/.*"qr_module_px": \([0-9]*\).*/\1/p' "$out/$1.json")
    side=$(tr -d '\n ' <"$out/$1.json" | sed -n 's/.*"qr_rect":\[\([-0-9.e+]*\),[-0-9.e+]*,\([-0-9.e+]*\),.*/\1 \2/p' \
        | awk '{ printf "%d", $2 - $1 }')
    if [ -n "$module" ] && [ "$module" -ge 3 ] && [ -n "$side" ] && [ "$side" -ge 113 ] && [ "$side" -le 189 ]; then
        ok "$1: code is $side px ($((side * 254 / 960)) mm at 96 dpi), $module px per module"
    else
        fail "$1: code size out of range: module '${module}' px, side '${side}' px"
    fi
}

# The bundled aftercare pages' own addresses, as written in their front matter.
link_of() { sed -n 's/^link: *//p' "$content/$1/pages/aftercare.md" | head -n 1; }
en_link=$(link_of en)
es_link=$(link_of es)
if [ -z "$en_link" ] || [ -z "$es_link" ]; then
    echo "FAIL: the bundled aftercare pages have no link: line"
    exit 1
fi

# --- the comparison can fail -------------------------------------------------
if shot selftest "$content" 1080x1920 --page aftercare; then
    before=$FAILURES
    expect_url selftest "$en_link-wrong" >/dev/null
    expect_none selftest >/dev/null
    if [ "$FAILURES" -eq $((before + 2)) ]; then
        FAILURES=$before
        ok "a wrong address and a missing code are both caught"
    else
        FAILURES=$((before + 1))
        echo "FAIL: the checks accepted a wrong address or a code where none should be"
    fi
fi

# --- the bundled pages: aftercare has a link, benefits none -------------------
shot en-portrait "$content" 1080x1920 --page aftercare && expect_url en-portrait "$en_link"
[ -f "$out/en-portrait.json" ] && expect_size en-portrait
shot en-landscape "$content" 1920x1080 --page aftercare && expect_url en-landscape "$en_link"
shot es-landscape "$content" 1920x1080 --page aftercare --lang es && expect_url es-landscape "$es_link"
shot en-contrast "$content" 1080x1920 --page aftercare --contrast && expect_url en-contrast "$en_link"
shot es-contrast-largest "$content" 1080x1920 --page aftercare --lang es --contrast --text-size 3 \
    && expect_url es-contrast-largest "$es_link"
[ -f "$out/es-contrast-largest.json" ] && expect_size es-contrast-largest
shot narrow "$content" 800x1000 --page aftercare && expect_url narrow "$en_link"
shot no-link "$content" 1080x1920 --page benefits && expect_none no-link
shot no-link-contrast "$content" 1920x1080 --page benefits --contrast && expect_none no-link-contrast

# --- kiosk.json page_url: filled per page; a page's own link and `link: none` win
pattern="$out/page-url-content"
cp -r "$content" "$pattern" || exit 1
sed -i 's|^{|{\n  "page_url": "https://example.org/take-home/{lang}/{page}?from=kiosk",|' "$pattern/kiosk.json"
sed -i '0,/^title:/s//link: none\ntitle:/' "$pattern/en/pages/benefits.md"
if ! "$bin" check --content "$pattern" >"$out/page-url-check.log" 2>&1; then
    fail "the page_url content does not pass check: $(cat "$out/page-url-check.log")"
fi
shot pattern-risks "$pattern" 1080x1920 --page risks \
    && expect_url pattern-risks "https://example.org/take-home/en/risks?from=kiosk"
shot pattern-costs-es "$pattern" 1920x1080 --page sessions-and-costs --lang es --contrast \
    && expect_url pattern-costs-es "https://example.org/take-home/es/sessions-and-costs?from=kiosk"
shot pattern-own "$pattern" 1080x1920 --page aftercare && expect_url pattern-own "$en_link"
shot pattern-off "$pattern" 1080x1920 --page benefits && expect_none pattern-off

# --- a web or e-mail address in the text: a tap shows its code, never opens it
texts="$out/address-content"
cp -r "$content" "$texts" || exit 1
printf '\nMore at www.nih.gov or https://medlineplus.gov/kneereplacement.html, or write to help@clinic.example.\n' \
    >>"$texts/en/pages/benefits.md"
shot address-www "$texts" 1080x1920 --page benefits --address www.nih.gov \
    && expect_url address-www "http://www.nih.gov"
[ -f "$out/address-www.json" ] && grep -q '"qr_module_px": [1-9]' "$out/address-www.json" \
    && ok "address-www: the card reports its code" || fail "address-www: no code in the report"
shot address-https "$texts" 1920x1080 --page benefits --contrast \
        --address https://medlineplus.gov/kneereplacement.html \
    && expect_url address-https "https://medlineplus.gov/kneereplacement.html"
shot address-mail "$texts" 1080x1920 --page benefits --address help@clinic.example \
    && expect_url address-mail "mailto:help@clinic.example"
shot address-none "$texts" 1080x1920 --page benefits && expect_none address-none

if [ "$FAILURES" -gt 0 ]; then
    echo "$FAILURES QR check(s) failed; images in $out"
    exit 1
fi
echo "all QR checks passed; images in $out"
