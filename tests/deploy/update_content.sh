#!/bin/bash
# shellcheck disable=SC2015 # ok() never fails, so "A && ok || fail" is if-then-else
# carekiosk-update-content against real git repositories: a bare "clinic
# content" repository, a staff clone that pushes to it, and a kiosk clone
# (git data kept outside the content folder, as DEPLOY.md sets it up).
# A pushed commit that breaks `carekiosk check` must leave the kiosk clone
# where it was (exit 1, the reason logged, no temporary worktree left); a
# later good commit must be fast-forwarded to; local history that diverged
# must be refused.
#
# usage: update_content.sh CAREKIOSK UPDATE_SCRIPT CONTENT_DIR
set -u
bin=$1
update=$2
content=$3
failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}
ok() { echo "ok: $*"; }

command -v git >/dev/null || { echo "skipped: git is not installed"; [ "${CI:-}" = true ] && { echo "CI=true: a missing input is a failure, not a skip"; exit 1; }; exit 77; }
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
# Git must not read the caller's settings.
export HOME="$work/home" GIT_CONFIG_NOSYSTEM=1 XDG_CONFIG_HOME="$work/home/.config" XDG_CACHE_HOME="$work/cache"
export GIT_AUTHOR_NAME=Staff GIT_AUTHOR_EMAIL=staff@clinic.invalid GIT_COMMITTER_NAME=Staff GIT_COMMITTER_EMAIL=staff@clinic.invalid
mkdir -p "$HOME"
unset JOURNAL_STREAM CAREKIOSK_CONTENT CAREKIOSK_CHECK_ARGS

git init --quiet --bare --initial-branch=main "$work/clinic.git" || exit 1
git clone --quiet "$work/clinic.git" "$work/staff" 2>/dev/null || exit 1
cp -R "$content"/. "$work/staff/" || exit 1
staff() { git -C "$work/staff" "$@"; }
staff checkout --quiet -b main && staff add -A && staff commit --quiet -m "bundled content" && staff push --quiet origin main || exit 1

kiosk="$work/kiosk/content"
mkdir -p "$work/kiosk"
git clone --quiet --separate-git-dir="$work/kiosk/content.git" "$work/clinic.git" "$kiosk" || exit 1
kiosk_head() { git -C "$kiosk" rev-parse HEAD; }
run_update() {   # run_update NAME: runs the updater, output in $work/NAME.log, status in $status
    CAREKIOSK_BIN="$bin" "$update" "$kiosk" >"$work/$1.log" 2>&1
    status=$?
}

# --- already up to date ------------------------------------------------------
start=$(kiosk_head)
run_update uptodate
[ "$status" -eq 0 ] && grep -q "up to date" "$work/uptodate.log" && ok "up to date: exit 0, says so" ||
    fail "up to date: exit $status: $(cat "$work/uptodate.log")"

# --- a commit that breaks the content is refused -----------------------------
good_faq=$(cat "$kiosk/en/faq.json")
printf '{ "questions": [ { "q": "broken' >"$work/staff/en/faq.json"   # cut off mid-string
staff commit --quiet -am "break the FAQ" && staff push --quiet origin main || exit 1
"$bin" check --content "$work/staff" >/dev/null 2>&1 && fail "setup: the broken commit passes check"
run_update broken
[ "$status" -eq 1 ] && ok "broken commit: exit 1" || fail "broken commit: exit $status, expected 1"
[ "$(kiosk_head)" = "$start" ] && ok "broken commit: the kiosk clone did not move" ||
    fail "broken commit: the kiosk clone moved to $(kiosk_head)"
[ "$(cat "$kiosk/en/faq.json")" = "$good_faq" ] && ok "broken commit: en/faq.json unchanged" ||
    fail "broken commit: en/faq.json changed in the live folder"
grep -q "refusing" "$work/broken.log" && grep -q "en/faq.json" "$work/broken.log" &&
    ok "broken commit: the log says why ($(grep -c . "$work/broken.log") lines)" ||
    fail "broken commit: the log does not name the refusal and the file: $(cat "$work/broken.log")"
grep -q "$work" "$work/broken.log" && fail "broken commit: the log shows the temporary worktree's path"
worktrees=$(git -C "$kiosk" worktree list | wc -l)
[ "$worktrees" -eq 1 ] && ok "broken commit: no temporary worktree left" || fail "$worktrees worktrees left"

# --- a good commit after it is taken -----------------------------------------
git -C "$work/staff" show HEAD~1:en/faq.json >"$work/staff/en/faq.json"
printf '\nA sentence added by the clinic.\n' >>"$work/staff/en/pages/aftercare.md"
staff commit --quiet -am "fix the FAQ, add a sentence" && staff push --quiet origin main || exit 1
run_update good
[ "$status" -eq 0 ] && ok "good commit: exit 0" || fail "good commit: exit $status: $(cat "$work/good.log")"
[ "$(kiosk_head)" = "$(staff rev-parse HEAD)" ] && ok "good commit: fast-forwarded to the staff's head" ||
    fail "good commit: the kiosk is at $(kiosk_head), not $(staff rev-parse HEAD)"
grep -q "A sentence added by the clinic." "$kiosk/en/pages/aftercare.md" && ok "good commit: the live folder has the new text" ||
    fail "good commit: the live folder lacks the new text"
[ "$(cat "$kiosk/en/faq.json")" = "$good_faq" ] || fail "good commit: en/faq.json differs from the good one"

# --- diverged history is refused ----------------------------------------------
git -C "$kiosk" commit --quiet --allow-empty -m "made on the kiosk"
local_head=$(kiosk_head)
staff commit --quiet --allow-empty -m "made by the staff" && staff push --quiet origin main || exit 1
run_update diverged
[ "$status" -eq 1 ] && [ "$(kiosk_head)" = "$local_head" ] && grep -q "diverged" "$work/diverged.log" &&
    ok "diverged history: refused, kiosk stays" || fail "diverged history: exit $status, head $(kiosk_head): $(cat "$work/diverged.log")"

# --- a folder that is not a clone is left alone --------------------------------
cp -R "$content" "$work/plain"
CAREKIOSK_BIN="$bin" "$update" "$work/plain" >"$work/plain.log" 2>&1
status=$?
[ "$status" -eq 0 ] && grep -q "not a git clone" "$work/plain.log" && ok "plain folder: nothing to do" ||
    fail "plain folder: exit $status: $(cat "$work/plain.log")"

echo "$failures failed"
[ "$failures" -eq 0 ]
