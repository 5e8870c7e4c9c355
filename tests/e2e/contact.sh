#!/bin/sh
# How to reach the clinic, end to end in the running kiosk: the phone number
# from kiosk.json's contact block is on Home and on the attract screen, the
# Risks page ends with a "How to reach us" card, and its "Save our number"
# button shows a QR code that a phone reads as the clinic's tel: number
# (zbarimg reads the kiosk's own screenshot; before the tap there is no code).
#
# usage: contact.sh CAREKIOSK CONTENT_DIR OUT_DIR
# exit: 0 passed, 1 failed, 77 skipped (no X display or no zbarimg)
set -u
. "$(dirname "$0")/touch_lib.sh"
e2e_args "$@"
bin=$BIN content=$CONTENT out=$OUT
if ! command -v zbarimg >/dev/null 2>&1; then
    missing_input "zbarimg is not installed (Debian package zbar-tools)"
fi
rm -rf "$out" && mkdir -p "$out" || exit 1
phone=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["contact"]["phone"])' "$content/kiosk.json")
tel="tel:$(printf '%s' "$phone" | tr -cd '0-9+')"
idle=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("idle_timeout_seconds", 90))' "$content/kiosk.json")

cat >"$out/contact.script" <<SCRIPT
wait 400
expect home
screenshot $out/home.png
wait 300
press Risks and side effects
wait 300
waitfor page:risks
drag 540 1700 540 200 150
wait 1500
drag 540 1700 540 200 150
wait 1500
drag 540 1700 540 200 150
wait 2000
screenshot $out/card.png
wait 300
press Save our number
wait 500
screenshot $out/card-qr.png
wait 300
advance $((idle + 200))
wait 500
waitfor home
advance 600
wait 500
waitfor attract
screenshot $out/attract.png
wait 300
quit
SCRIPT
"$bin" --windowed --size 1080x1920 --content "$content" --cache-dir "$out/cache" --script "$out/contact.script" \
    >"$out/kiosk.log" 2>&1 || fail "the script failed: $(cat "$out/kiosk.log")"

# The code is read back from the pixels; the words of the card, the band
# and the attract screen are compared with the reference pictures of
# tests/render.
decoded=$(zbarimg --quiet --raw -Sdisable -Sqrcode.enable "$out/card-qr.png" 2>/dev/null)
[ "$decoded" = "$tel" ] && ok "\"Save our number\" shows a code that reads $decoded" ||
    fail "the code after \"Save our number\" reads '${decoded:-nothing}', expected $tel"
before=$(zbarimg --quiet --raw -Sdisable -Sqrcode.enable "$out/card.png" 2>/dev/null)
[ -z "$before" ] && ok "before the tap the card shows no code" || fail "a code was shown before the tap: $before"
for shot in home card attract; do
    [ -s "$out/$shot.png" ] && ok "$shot.png written" || fail "$shot.png missing"
done
[ "$FAILURES" -eq 0 ]
