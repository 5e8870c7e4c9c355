#!/bin/sh
# Staff access end to end: sets a PIN with `carekiosk set-pin` (fed from
# stdin) in a copy of the content, then drives the kiosk with an input
# script: hold the top-left corner 3 s, tap elsewhere (the PIN pad opens), a
# wrong PIN (refused), four more (the pad locks; even the right PIN is
# refused), the kiosk clock moved past 60 s, the right PIN (the staff panel
# opens, screenshot), and
# "Exit kiosk", which must end the program on its own (the script never
# quits). A second run without a PIN must show how to set one.
#
# usage: staff.sh CAREKIOSK CONTENT_DIR WORK_DIR
# exit: 0 all good, 1 a check failed, 77 skipped (no X display)
set -u
bin=$1
src=$2
work=$3
. "$(dirname "$0")/staff_common.sh"
require_display

rm -rf "$work" && mkdir -p "$work" && cp -r "$src" "$work/content" && cp -r "$src" "$work/nopin" || exit 1
printf '2580\n2580\n' | "$bin" set-pin --content "$work/content" >"$work/set-pin.log" 2>&1 \
    || { echo "FAIL: set-pin: $(cat "$work/set-pin.log")"; exit 1; }
grep -q '"staff_pin_hash": "\$argon2id\$' "$work/content/kiosk.json" && ok "set-pin stored an Argon2id hash" \
    || fail "kiosk.json has no staff_pin_hash"
grep -q '"clinic_name": "Riverside Skin Clinic"' "$work/content/kiosk.json" && ok "set-pin kept the other keys" \
    || fail "set-pin lost clinic_name"
printf '2580\n2581\n' | "$bin" set-pin --content "$work/nopin" >/dev/null 2>&1 && fail "set-pin accepted two different PINs"
printf '12\n12\n' | "$bin" set-pin --content "$work/nopin" >/dev/null 2>&1 && fail "set-pin accepted a 2-digit PIN"
grep -q staff_pin_hash "$work/nopin/kiosk.json" && fail "a refused set-pin still wrote kiosk.json"

# Key centres of the PIN pad at 1080x1920 (3 columns, 4 rows, then Cancel/Unlock).
k1="386 701"; k2="539 701"; k5="539 854"; k8="539 1007"; k0="539 1160"; unlock="654 1282"
cat >"$work/staff.txt" <<SCRIPT
wait 1000
screenshot $work/0-home.png
drag 20 20 20 20 3200
tap 540 1500
wait 300
expect home
screenshot $work/1-pad.png
tap $k1
tap $k1
tap $k1
tap $k1
tap $unlock
wait 400
screenshot $work/2-wrong.png
SCRIPT
for i in 2 3 4 5; do
    printf 'tap %s\ntap %s\ntap %s\ntap %s\ntap %s\nwait 200\n' "$k1" "$k1" "$k1" "$k1" "$unlock" >>"$work/staff.txt"
done
cat >>"$work/staff.txt" <<SCRIPT
wait 300
screenshot $work/2-locked.png
tap $k2
tap $k5
tap $k8
tap $k0
tap $unlock
wait 300
screenshot $work/2-still-locked.png
advance 61
wait 300
tap $k2
tap $k5
tap $k8
tap $k0
tap $unlock
wait 800
screenshot $work/3-panel.png
wait 300
tap 290 1836
wait 3000
screenshot $work/4-still-running.png
SCRIPT
XDG_CACHE_HOME="$work/cache" timeout 60 "$bin" --windowed --size 1080x1920 --content "$work/content" \
    --script "$work/staff.txt" 2>"$work/kiosk.log"
status=$?
[ "$status" -eq 0 ] || fail "the kiosk exited with $status: $(tail -3 "$work/kiosk.log")"
grep -q "exit requested from the staff panel" "$work/kiosk.log" && ok "Exit kiosk ended the kiosk" \
    || fail "the kiosk did not exit through the staff panel"
[ -e "$work/4-still-running.png" ] && fail "the kiosk kept running after Exit kiosk"
for n in 0-home 1-pad 2-wrong 2-locked 2-still-locked 3-panel; do
    [ -s "$work/$n.png" ] || fail "no screenshot $n.png"
done
if [ "$FAILURES" -eq 0 ]; then
    cmp -s "$work/0-home.png" "$work/1-pad.png" && fail "the gesture did not open the PIN pad" || ok "the gesture opened the PIN pad"
    cmp -s "$work/1-pad.png" "$work/2-wrong.png" && fail "a wrong PIN showed nothing" || ok "a wrong PIN is refused with a message"
    cmp -s "$work/2-wrong.png" "$work/2-locked.png" && fail "five wrong PINs did not lock the pad" || ok "five wrong PINs lock the pad"
    # The staff PIN results in the kiosk log, in order.
    results=$(sed -n 's/^carekiosk: staff PIN //p' "$work/kiosk.log" | tr '\n' ',')
    # While locked the keys are disabled: the right PIN typed then is never checked.
    expected="wrong,wrong,wrong,wrong,wrong,accepted,"
    [ "$results" = "$expected" ] && ok "the locked pad takes no PIN; the right one is accepted after 60 s" \
        || fail "staff PIN results were '$results', expected '$expected'"
    cmp -s "$work/1-pad.png" "$work/2-still-locked.png" && fail "the locked pad looks like the open one"
    cmp -s "$work/3-panel.png" "$work/2-still-locked.png" && fail "the panel opened while the pad was locked"
    cmp -s "$work/2-wrong.png" "$work/3-panel.png" && fail "the right PIN did not open the panel" \
        || ok "after the 60 s lock the right PIN opened the panel"
fi

# Without a PIN: the gesture shows how to set one; Close returns to Home.
cat >"$work/nopin.txt" <<SCRIPT
wait 1000
drag 20 20 20 20 3200
tap 540 1500
wait 300
screenshot $work/5-nopin.png
wait 200
quit
SCRIPT
XDG_CACHE_HOME="$work/cache" timeout 60 "$bin" --windowed --size 1080x1920 --content "$work/nopin" \
    --script "$work/nopin.txt" 2>"$work/nopin.log" || fail "kiosk without PIN failed: $(tail -3 "$work/nopin.log")"
if [ -s "$work/5-nopin.png" ]; then
    cmp -s "$work/0-home.png" "$work/5-nopin.png" && fail "no staff screen without a PIN" || ok "no PIN: the set-pin instructions show"
    cmp -s "$work/1-pad.png" "$work/5-nopin.png" && fail "the PIN pad opened although no PIN is set"
else
    fail "no screenshot 5-nopin.png"
fi
[ "$FAILURES" -eq 0 ] || exit 1
echo "staff: all checks passed"
