#!/bin/sh
# Staff access end to end: sets a PIN with `carekiosk set-pin` (fed from
# stdin; it lands in the state folder, 0600, never in the content folder, and
# an older version's hash in kiosk.json is moved out), then drives the kiosk with an input
# script: hold the top-left corner 3 s, tap elsewhere (the PIN pad opens), a
# wrong PIN (refused), four more (the pad locks; even the right PIN is
# refused), the kiosk clock moved past 60 s, the right PIN (the staff panel
# opens, screenshot), and
# "Exit kiosk", which must end the program on its own (the script never
# quits). Without a PIN: staff_nopin.sh.
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
# The PIN lives in the kiosk's state folder, never in the content folder.
export XDG_STATE_HOME="$work/state"
pinfile="$XDG_STATE_HOME/carekiosk/staff-pin"
printf '258025\n258025\n' | "$bin" set-pin --content "$work/content" >"$work/set-pin.log" 2>&1 \
    || { echo "FAIL: set-pin: $(cat "$work/set-pin.log")"; exit 1; }
grep -q '^\$argon2id\$' "$pinfile" && ok "set-pin stored an Argon2id hash in the state folder" \
    || fail "no hash in $pinfile"
[ "$(stat -c %a "$pinfile")" = 600 ] && ok "the PIN file is 0600" || fail "$pinfile is $(stat -c %a "$pinfile")"
cmp -s "$src/kiosk.json" "$work/content/kiosk.json" && ok "kiosk.json without a hash is left byte for byte" \
    || fail "set-pin changed a kiosk.json that held no hash"
grep -rq 'argon2' "$work/content" && fail "a hash is in the content folder"
printf '258025\n258026\n' | XDG_STATE_HOME="$work/refused" "$bin" set-pin --content "$work/nopin" >/dev/null 2>&1 \
    && fail "set-pin accepted two different PINs"
printf '2580\n2580\n' | XDG_STATE_HOME="$work/refused" "$bin" set-pin --content "$work/nopin" >"$work/short.log" 2>&1 \
    && fail "set-pin accepted a 4-digit PIN"
grep -q "6 to 12 digits (a shorter one falls" "$work/short.log" && ok "a 4-digit PIN is refused with the reason" \
    || fail "4-digit PIN: $(cat "$work/short.log")"
[ -e "$work/refused/carekiosk/staff-pin" ] && fail "a refused set-pin still wrote a PIN"
# An older version's hash in kiosk.json: set-pin moves it out, keeping the rest.
mkdir -p "$work/old" && cp -r "$src/." "$work/old/"
python3 - "$work/old/kiosk.json" <<'PY'
import json, sys
path = sys.argv[1]
config = json.load(open(path))
config["staff_pin_hash"] = "$argon2id$v=19$m=65536,t=2,p=1$b2xkb2xkb2xkb2xk$b2xkb2xkb2xkb2xkb2xkb2xkb2xkb2xkb2xkb2xkb2xk"
open(path, "w").write(json.dumps(config, indent=2) + "\n")
PY
"$bin" check --content "$work/old" 2>&1 | grep -q "move it with 'carekiosk set-pin'" && ok "check warns of a hash in kiosk.json" \
    || fail "check said nothing of the hash in kiosk.json"
printf '135799\n135799\n' | XDG_STATE_HOME="$work/old-state" "$bin" set-pin --content "$work/old" >/dev/null 2>&1 \
    || fail "set-pin on the old folder failed"
python3 - "$src/kiosk.json" "$work/old/kiosk.json" <<'PY' && ok "set-pin removed only staff_pin_hash, order kept" || fail "kiosk.json after set-pin: $(cat "$work/old/kiosk.json")"
import json, sys
before, after = (json.load(open(p), object_pairs_hook=list) for p in sys.argv[1:])
sys.exit(0 if before == after else 1)
PY

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
tap $k1
tap $k1
tap $unlock
wait 1000
screenshot $work/2-wrong.png
SCRIPT
for i in 2 3 4 5; do
    printf 'tap %s\ntap %s\ntap %s\ntap %s\ntap %s\ntap %s\ntap %s\nwait 800\n' \
        "$k1" "$k1" "$k1" "$k1" "$k1" "$k1" "$unlock" >>"$work/staff.txt"
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
tap $k2
tap $k5
tap $unlock
wait 1200
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

[ "$FAILURES" -eq 0 ] || exit 1
echo "staff: all checks passed"
