#!/bin/bash
# shellcheck disable=SC2015 # ok() never fails, so "A && ok || fail" is if-then-else
# The Debian package end to end, without X: cpack builds it from the build
# folder into a temporary folder, dpkg -x unpacks it into a scratch root, and
# then: every expected file is there (program, content, units, scripts), the
# units and scripts name paths that the package really installs, the
# Depends field covers every shared library the installed program needs
# (plus the fonts and Mesa drivers it loads at run time), the scripts parse,
# and the INSTALLED program passes `carekiosk check` on the INSTALLED content.
#
# usage: package.sh CPACK BUILD_DIR INSTALL_PREFIX
# Exit 77 (skipped) when dpkg-deb is not installed.
set -u
cpack=$1
build=$2
prefix=$3
failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}
ok() { echo "ok: $*"; }

for tool in dpkg-deb dpkg-shlibdeps readelf; do
    command -v "$tool" >/dev/null || { echo "skipped: $tool is not installed (dpkg-dev, binutils)"; [ "${CI:-}" = true ] && { echo "CI=true: a missing input is a failure, not a skip"; exit 1; }; exit 77; }
done
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT

# --- build the package -------------------------------------------------------
if ! (cd "$build" && "$cpack" -G DEB -B "$work/pkg") >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log"
    echo "FAIL: cpack -G DEB failed"
    exit 1
fi
debs=("$work"/pkg/carekiosk_*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || { ls -l "$work/pkg"; echo "FAIL: expected one carekiosk_*.deb"; exit 1; }
deb=${debs[0]}
ok "built $(basename "$deb") ($(($(stat -c %s "$deb") / 1024)) KiB)"

root="$work/root"
dpkg-deb -x "$deb" "$root" || { echo "FAIL: dpkg-deb -x"; exit 1; }
p="$root$prefix"

# --- files -----------------------------------------------------------------
for f in bin/carekiosk bin/carekiosk-update-content libexec/carekiosk/carekiosk-kiosk \
         libexec/carekiosk/carekiosk-xstart libexec/carekiosk/carekiosk-session; do
    [ -f "$p/$f" ] && [ -x "$p/$f" ] && ok "$f is an executable" || fail "$f missing or not executable"
done
for f in lib/systemd/system/carekiosk.service lib/systemd/system/carekiosk-update-content.service \
         lib/systemd/system/carekiosk-update-content.timer \
         share/carekiosk/content/kiosk.json share/carekiosk/content/en/faq.json \
         share/carekiosk/content/es/faq.json \
         share/doc/carekiosk/DEPLOY.md share/doc/carekiosk/carekiosk.default; do
    [ -s "$p/$f" ] && ok "$f" || fail "$f missing or empty"
done
# Every source content file is packaged.
source_files=$(cd "$(dirname "$0")/../../content" && find . -type f | sort)
packaged_files=$(cd "$p/share/carekiosk/content" && find . -type f | sort)
[ "$source_files" = "$packaged_files" ] && ok "content: $(echo "$packaged_files" | wc -l) files, as in content/" ||
    fail "packaged content differs from content/: $(diff <(echo "$source_files") <(echo "$packaged_files") | tr '\n' ' ')"
# Nothing outside the prefix (no /etc conffiles; /etc/default is the admin's).
outside=$(cd "$root" && find . -mindepth 1 -not -type d | grep -v "^.$prefix/")
[ -z "$outside" ] && ok "every file is under $prefix" || fail "files outside $prefix: $outside"

# --- the units and scripts name installed paths -------------------------------
units="$p/lib/systemd/system"
for unit in carekiosk.service carekiosk-update-content.service; do
    exec_path=$(sed -n 's/^ExecStart=//p' "$units/$unit" | awk '{print $1}')
    [ -n "$exec_path" ] && [ -x "$root$exec_path" ] && ok "$unit runs $exec_path, which the package installs" ||
        fail "$unit: ExecStart '$exec_path' is not an installed executable"
done
grep -q '^Restart=always' "$units/carekiosk.service" && ok "carekiosk.service restarts always" ||
    fail "carekiosk.service lacks Restart=always"
grep -q '^User=carekiosk' "$units/carekiosk.service" && grep -q '^User=carekiosk' "$units/carekiosk-update-content.service" &&
    ok "both services run as the user carekiosk" || fail "a service does not run as User=carekiosk"
for script in libexec/carekiosk/carekiosk-xstart libexec/carekiosk/carekiosk-session; do
    while read -r named; do
        [ -e "$root$named" ] || fail "$script names $named, which the package does not install"
    done < <(grep -o "$prefix/[A-Za-z0-9_./-]*carekiosk[A-Za-z0-9_./-]*" "$p/$script")   # ours, not /usr/bin/Xorg
done
grep -q 'xset s off -dpms s noblank' "$p/libexec/carekiosk/carekiosk-session" && ok "the session turns off blanking" ||
    fail "carekiosk-session does not turn off the screen saver and DPMS"
bash -n "$p/bin/carekiosk-update-content" && ok "carekiosk-update-content parses" || fail "carekiosk-update-content: syntax"
for script in carekiosk-xstart carekiosk-session; do
    sh -n "$p/libexec/carekiosk/$script" && ok "$script parses" || fail "$script: syntax"
done
# The program's compiled-in default content folder is where the content is installed.
grep -qaF "$prefix/share/carekiosk/content" "$p/bin/carekiosk" && ok "default content folder is $prefix/share/carekiosk/content" ||
    fail "the program's default content folder is not $prefix/share/carekiosk/content"

# --- control fields ----------------------------------------------------------
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
[ "$(dpkg-deb -f "$deb" Package)" = carekiosk ] || fail "Package is not carekiosk"
for field in Maintainer Description Section Version Architecture; do
    [ -n "$(dpkg-deb -f "$deb" "$field")" ] || fail "control field $field is empty"
done
has_dep() { [[ ", $depends," =~ [\ ,]"$1"[\ ,\(] ]]; }
for pkg in fonts-noto-core fonts-dejavu-core fonts-material-design-icons-iconfont libgl1-mesa-dri libc6 libstdc++6; do
    has_dep "$pkg" && ok "Depends names $pkg" || fail "Depends lacks $pkg"
done
# Each library the installed program loads comes from a package in Depends.
while read -r lib; do
    path=$(ldconfig -p | awk -v l="$lib" '$1 == l { print $NF; exit }')
    [ -n "$path" ] || { fail "$lib (NEEDED) is not known to ldconfig"; continue; }
    owner=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null | head -1 | cut -d: -f1)
    [ -n "$owner" ] || owner=$(dpkg -S "$path" 2>/dev/null | head -1 | cut -d: -f1)
    if [ -z "$owner" ]; then
        fail "$lib: no package owns $path"
    elif has_dep "$owner"; then
        ok "$lib -> $owner in Depends"
    else
        fail "$lib comes from $owner, which Depends lacks"
    fi
done < <(readelf -d "$p/bin/carekiosk" "$p/libexec/carekiosk/carekiosk-kiosk" |
         sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort -u)

# --- the installed program checks the installed content ---------------------
check_out=$(cd "$work" && XDG_CACHE_HOME="$work/cache" "$p/bin/carekiosk" check --content "$p/share/carekiosk/content" 2>&1)
status=$?
[ "$status" -eq 0 ] && ok "installed carekiosk check: ${check_out##*$'\n'}" ||
    fail "installed carekiosk check exited $status: $check_out"
# carekiosk starts the kiosk program from the package's libexec: its usage
# error (no display needed) proves it was found and ran.
shot_out=$("$p/bin/carekiosk" screenshot 2>&1)
[ $? -eq 2 ] && [[ "$shot_out" == *"--size WxH is required"* ]] &&
    ok "installed carekiosk starts libexec/carekiosk/carekiosk-kiosk" ||
    fail "installed carekiosk screenshot did not reach the kiosk program: $shot_out"
version=$("$p/bin/carekiosk" --version 2>&1)
[ "$version" = "carekiosk $(dpkg-deb -f "$deb" Version)" ] && ok "$version matches the package version" ||
    fail "'$version' does not match package version $(dpkg-deb -f "$deb" Version)"

# --- no secret in the content; the PIN's place ------------------------------
grep -rqa 'argon2\|staff_pin_hash' "$p/share/carekiosk/content" && fail "a PIN hash is in the packaged content" ||
    ok "no PIN hash anywhere in the packaged content"
grep -q '^Environment=XDG_STATE_HOME=/var/lib$' "$units/carekiosk.service" &&
    ok "the service keeps the staff PIN in /var/lib/carekiosk" || fail "carekiosk.service sets no XDG_STATE_HOME"

# --- the assets: the package and `cmake --install` ----------------------------
for f in share/carekiosk/assets/search/lay_terms_en.json share/carekiosk/assets/search/wordnet_en.tsv \
         share/carekiosk/assets/search/words_en.txt; do
    [ -s "$p/$f" ] && ok "$f" || fail "$f missing or empty"
done
# Every file of assets/ lands in share/carekiosk/assets (beside what the build
# generates there), in the package and from `cmake --install` alike, and the
# installed program finds them there: its search says nothing is missing.
asset_files=$(cd "$(dirname "$0")/../../assets" && find . -type f | sort)
install_root="$work/install"
cmake --install "$build" --prefix "$install_root" >"$work/install.log" 2>&1 ||
    fail "cmake --install failed: $(tail -3 "$work/install.log")"
for installed in "$p" "$install_root"; do
    how=$([ "$installed" = "$p" ] && echo "the package" || echo "cmake --install")
    missing=$(comm -23 <(echo "$asset_files") <(cd "$installed/share/carekiosk/assets" 2>/dev/null && find . -type f | sort))
    [ -z "$missing" ] && ok "$how installs all $(echo "$asset_files" | wc -l) files of assets/" ||
        fail "$how lacks assets: $(echo "$missing" | tr '\n' ' ')"
    search_err=$(cd "$work" && env -u CAREKIOSK_ASSETS XDG_CACHE_HOME="$work/cache" "$installed/bin/carekiosk" search \
        --content "$installed/share/carekiosk/content" --no-cache "does it hurt" 2>&1 >/dev/null)
    [ -z "$search_err" ] && ok "$how: the installed carekiosk search finds its assets" ||
        fail "$how: the installed carekiosk search: $search_err"
done

# --- the crash-loop guard ------------------------------------------------------
# The session script, run with a stand-in kiosk: three abnormal ends within
# five minutes make the next start use the bundled content with a notice;
# normal ends (0, 1) do not count.
fake="$work/fake-kiosk"
cat >"$fake" <<'FAKE'
#!/bin/sh
printf 'content=%s args=%s\n' "$CAREKIOSK_CONTENT" "$*" >>"$FAKE_LOG"
[ -n "${FAKE_CRASH:-}" ] && kill -SEGV $$
exit "${FAKE_STATUS:-0}"
FAKE
chmod +x "$fake"
session() {
    env -u DISPLAY XDG_CACHE_HOME="$work/session-cache" CAREKIOSK_BIN="$fake" CAREKIOSK_CONTENT=/clinic \
        FAKE_LOG="$work/fake.log" "$@" sh "$p/libexec/carekiosk/carekiosk-session" >/dev/null 2>&1
}
session FAKE_STATUS=1; session FAKE_CRASH=1; session FAKE_CRASH=1; session
grep -c "content=/clinic args=$" "$work/fake.log" | grep -qx 4 &&
    ok "two abnormal ends and a normal one: still the clinic's content" || fail "early safe mode: $(cat "$work/fake.log")"
session FAKE_CRASH=1
status=$?
[ "$status" -gt 128 ] && ok "the session passes on the kiosk's abnormal end ($status)" || fail "session exit $status"
session
last=$(tail -1 "$work/fake.log")
case "$last" in
    "content=$prefix/share/carekiosk/content args=--notice The kiosk stopped unexpectedly 3 times"*)
        ok "after three abnormal ends in 5 minutes: bundled content and a notice for staff" ;;
    *) fail "no safe mode after three abnormal ends: $last" ;;
esac
[ "$(wc -l <"$work/session-cache/carekiosk/abnormal-exits")" -eq 3 ] && ok "three abnormal ends recorded" ||
    fail "abnormal-exits holds $(wc -l <"$work/session-cache/carekiosk/abnormal-exits") lines"
# Five minutes later the clinic's content is tried again.
awk '{ print $1 - 400 }' "$work/session-cache/carekiosk/abnormal-exits" >"$work/old" &&
    cp "$work/old" "$work/session-cache/carekiosk/abnormal-exits"
session
tail -1 "$work/fake.log" | grep -q "content=/clinic args=$" && ok "old abnormal ends no longer count" ||
    fail "still in safe mode after the window: $(tail -1 "$work/fake.log")"

echo "$failures failed"
[ "$failures" -eq 0 ]
