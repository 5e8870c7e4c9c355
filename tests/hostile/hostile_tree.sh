#!/usr/bin/env bash
# A hostile content folder and cache, made at test time (links, pipes,
# sockets and permissions cannot live in git), and every command run on it.
# Each must end with exit 0 or 1 and a plain diagnostic per trap, never a
# signal, within a time and a memory limit.
#
# Traps: link loops (a page, synonyms.json, a folder), a link to a folder outside
# the content, a dangling link; a FIFO and a socket named *.md, a character
# device linked as a picture; a folder named page.md and one named faq.json;
# a non-UTF-8 name, a 255-byte name (Linux's limit: 300 characters cannot be
# made); 10 000 files in one folder; folders nested 200 deep; files deleted
# and growing while commands read them; as a non-root user, an unreadable
# file, an unreadable folder and a read-only cache; a cache folder that is a
# file, a full disk under the cache (a 64 KiB tmpfs: root only, skipped with
# a reason otherwise), and a corrupt insights database. With an X display,
# every screen is rendered and the kiosk runs while traps are added to its
# folder.
#
# usage: hostile_tree.sh CAREKIOSK CONTENT_DIR
# exit: 0 all good, 1 a check failed
set -u
bin=$1
src=$2
limit=180        # seconds any one command may take
memory_kib=3145728   # and the address space it may use (3 GiB)
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
note() { echo "-- $*"; }

# A world-readable scratch folder, so a non-root user can walk it too.
work=$(mktemp -d /tmp/carekiosk-hostile.XXXXXX)
chmod 755 "$work"
cleanup() {
    mountpoint -q "$work/full" 2>/dev/null && umount "$work/full"
    chmod -R u+rwX "$work" 2>/dev/null
    [ "$failures" -eq 0 ] && rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/bin"
# Copied (as the user nobody must run it), with the kiosk program it starts.
cp "$bin" "$work/bin/carekiosk" && chmod 755 "$work/bin/carekiosk"
cp "$(dirname "$bin")/carekiosk-kiosk" "$work/bin/carekiosk-kiosk" && chmod 755 "$work/bin/carekiosk-kiosk"
[ -d "$(dirname "$bin")/assets" ] && cp -r "$(dirname "$bin")/assets" "$work/bin/assets"
ck="$work/bin/carekiosk"

# run NAME COMMAND...: the command's exit status must be 0 or 1; output in $work/NAME.log
run() {
    local name=$1
    shift
    (ulimit -v "$memory_kib" && exec timeout -k 5 "$limit" "$@") >"$work/$name.log" 2>&1
    local status=$?
    if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
        fail "$name took over ${limit} s"
    elif [ "$status" -gt 1 ]; then
        fail "$name ended with status $status: $(tail -3 "$work/$name.log")"
    fi
    return 0
}
# said NAME FILE TEXT: the log of NAME mentions FILE together with TEXT
said() {
    grep -F -- "$2" "$work/$1.log" | grep -qF -- "$3" || fail "$1 does not report $2 ($3)"
}

# ---------------------------------------------------------------------------
# The tree
# ---------------------------------------------------------------------------
c="$work/content"
cp -r "$src" "$c"
mkdir -p "$work/outside" && echo "not for patients" >"$work/outside/secret.md"
p="$c/en/pages"
ln -s loop-b.md "$p/loop-a.md"
ln -s loop-a.md "$p/loop-b.md"
ln -s self.md "$p/self.md"
ln -s ../../../outside "$p/outside-folder"
ln -s missing.md "$p/dangling.md"
mkfifo "$p/pipe.md"
python3 -c "import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])" "$p/socket.md"
ln -s /dev/zero "$p/zero.png"
printf -- '---\ntitle: Pictures\n---\n\n![An endless device](zero.png)\n' >"$p/pictures.md"
mkdir "$p/page.md"
mv "$c/es/faq.json" "$work/es-faq.json" && mkdir "$c/es/faq.json"
rm "$c/en/synonyms.json" && ln -s synonyms.json "$c/en/synonyms.json"
ln -s pages-b "$c/en/pages-a" && ln -s pages-a "$c/en/pages-b"
printf -- '---\ntitle: Bad name\n---\n\nText.\n' >"$p/$(printf 'bad-\xff\xfe-name.md')"
long=$(printf 'n%.0s' $(seq 1 252)).md
printf -- '---\ntitle: Long name\n---\n\nText.\n' >"$p/$long"
mkdir -p "$c/en/many"
(cd "$c/en/many" && seq 1 10000 | sed 's/$/.txt/' | xargs touch)
deep="$c/en/deep"
for _ in $(seq 1 200); do deep="$deep/d"; done
mkdir -p "$deep" && echo "deep" >"$deep/page.md"

# ---------------------------------------------------------------------------
# check, search, report and speak on it
# ---------------------------------------------------------------------------
export XDG_CACHE_HOME="$work/cache"
run check "$ck" check --content "$c"
for f in en/pages/loop-a.md en/pages/loop-b.md en/pages/self.md; do said check "$f" "loop of links"; done
said check en/pages/dangling.md "cannot read"
said check en/pages/pipe.md "not a regular file"
said check en/pages/socket.md "not a regular file"
said check en/pages/page.md "folder"
said check en/synonyms.json "loop of links"
said check en/pages-a "loop of links"
said check es/faq.json "folder"
said check en/pages/pictures.md "zero.png"
said check "${long%.md}" "has no \"es\" version"
grep -q "checked .* pages" "$work/check.log" || fail "check printed no summary"

run search "$ck" search --content "$c" "does it hurt"
grep -q "does-it-hurt" "$work/search.log" || fail "search on the hostile folder found nothing: $(tail -2 "$work/search.log")"
run speak "$ck" speak --content "$c" --page aftercare --out "$work/aftercare.wav"
[ -s "$work/aftercare.wav" ] || fail "speak wrote no sound"
run report "$ck" report --content "$c"

# Files vanishing and growing while the loader reads them.
(
    end=$((SECONDS + 6))
    n=0
    while [ $SECONDS -lt $end ]; do
        n=$((n + 1))
        printf -- '---\ntitle: Flicker %s\n---\n\nText.\n' "$n" >"$p/flicker.md"
        rm -f "$p/flicker.md"
        printf 'more text ' >>"$p/growing.md"
    done
) &
churn=$!
for i in 1 2 3 4 5; do run "race-$i" "$ck" check --content "$c"; done
wait "$churn"

# ---------------------------------------------------------------------------
# The cache
# ---------------------------------------------------------------------------
mkdir -p "$work/cache-file" && touch "$work/cache-file/carekiosk"
XDG_CACHE_HOME="$work/cache-file" run cache-is-file "$ck" search --content "$src" "does it hurt"
grep -q "does-it-hurt" "$work/cache-is-file.log" || fail "search with a cache that is a file found nothing"
said cache-is-file "cache-file" "searching from memory"

mkdir -p "$work/corrupt/carekiosk"
head -c 20000 /dev/urandom >"$work/corrupt/carekiosk/insights.sqlite"
XDG_CACHE_HOME="$work/corrupt" run corrupt-insights "$ck" report --content "$src"
grep -qi "insights" "$work/corrupt-insights.log" || fail "report on a corrupt database said nothing about it"

mkdir -p "$work/full"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=64k tmpfs "$work/full" 2>/dev/null; then
    run full-disk "$ck" search --content "$src" --cache-dir "$work/full" "does it hurt"
    grep -q "does-it-hurt" "$work/full-disk.log" || fail "search with a full cache disk found nothing"
    said full-disk "full" "searching from memory"
    umount "$work/full"
else
    note "SKIP full disk: a tmpfs cannot be mounted here (needs root and mount rights)"
fi

# ---------------------------------------------------------------------------
# Permissions, as a non-root user (as root every file is readable)
# ---------------------------------------------------------------------------
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
    as_nobody=(setpriv --reuid=65534 --regid=65534 --clear-groups --reset-env)
    printf -- '---\ntitle: Locked\n---\n\nText.\n' >"$p/locked.md" && chmod 000 "$p/locked.md"
    mkdir -p "$c/es/locked-folder" && chmod 000 "$c/es/locked-folder"
    mkdir -p "$work/ro-cache/carekiosk" && chmod 555 "$work/ro-cache" "$work/ro-cache/carekiosk"
    run nobody-check "${as_nobody[@]}" "$ck" check --content "$c"
    said nobody-check en/pages/locked.md "permission denied"
    said nobody-check es/locked-folder "folder"
    run nobody-search "${as_nobody[@]}" env XDG_CACHE_HOME="$work/ro-cache" "$ck" search --content "$c" "does it hurt"
    grep -q "does-it-hurt" "$work/nobody-search.log" || fail "search with a read-only cache found nothing"
    said nobody-search "ro-cache" "searching from memory"
    chmod 644 "$p/locked.md"
    chmod 755 "$c/es/locked-folder"
else
    note "SKIP unreadable files and read-only cache: needs root to switch to the user nobody"
fi

# ---------------------------------------------------------------------------
# With a display: every screen, and the running kiosk while traps appear
# ---------------------------------------------------------------------------
if [ -n "${DISPLAY:-}" ] && xdpyinfo >/dev/null 2>&1; then
    for screen in home faq search languages; do
        run "screenshot-$screen" "$ck" screenshot --content "$c" --size 540x960 --screen "$screen" \
            --out "$work/$screen.png"
    done
    run screenshot-page "$ck" screenshot --content "$c" --size 540x960 --page pictures --out "$work/page.png"
    live="$work/live"
    cp -r "$src" "$live"
    printf 'wait 9000\nexpect home\nquit\n' >"$work/live.script"
    timeout -k 5 60 "$ck" --windowed --size 540x960 --content "$live" --script "$work/live.script" \
        >"$work/live.log" 2>&1 &
    kiosk=$!
    sleep 2
    lp="$live/en/pages"
    ln -s loop-b.md "$lp/loop-a.md"; ln -s loop-a.md "$lp/loop-b.md"
    mkfifo "$lp/pipe.md"
    mkdir "$lp/page.md"
    ln -s ../../../outside "$lp/outside-folder"
    sleep 1
    d="$live/en/deep"; for _ in $(seq 1 200); do d="$d/d"; done; mkdir -p "$d"
    mv "$live/en/faq.json" "$work/en-faq.json" && mkdir "$live/en/faq.json"
    wait "$kiosk"
    status=$?
    [ "$status" -eq 0 ] || fail "the kiosk ended with $status while traps were added: $(tail -5 "$work/live.log")"
    grep -q "loop of links" "$work/live.log" || fail "the running kiosk did not report the link loop"
else
    note "SKIP screens and the running kiosk: no X display"
fi

if [ "$failures" -gt 0 ]; then
    echo "$failures checks failed; logs were in $work"
    exit 1
fi
echo "every command ended with 0 or 1 and named each trap"
exit 0
