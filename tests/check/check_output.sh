#!/bin/sh
# `carekiosk check` end to end: on each broken fixture the full output must
# equal the expected file and the exit status must be 1; the bundled content
# must pass (exit 0); --strict must turn warnings into failure.
#
# usage: check_output.sh CAREKIOSK TEST_CONTENT_DIR BUNDLED_CONTENT_DIR
# To refresh an expected file after a deliberate message change, write it
# anew and read the whole diff in the commit (the expect comments in the
# fixtures are checked independently by expect_comments.py):
#   (cd tests/data/content && carekiosk check --content broken > broken.expected)
set -u
bin=$1
data=$2
bundled=$3
failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}
out=$(mktemp -d) || exit 1
trap 'rm -rf "$out"' EXIT

# Paths in the messages are relative to the fixture folder, so run from there.
for fixture in broken check-all contact; do
    (cd "$data" && "$bin" check --content "$fixture") >"$out/$fixture.txt" 2>"$out/$fixture.err"
    status=$?
    [ "$status" -eq 1 ] || fail "$fixture: exit status $status, expected 1"
    if diff -u "$data/$fixture.expected" "$out/$fixture.txt" >"$out/$fixture.diff"; then
        echo "ok: $fixture: output matches $fixture.expected ($(wc -l <"$out/$fixture.txt") lines)"
    else
        fail "$fixture: output differs from $fixture.expected:"
        cat "$out/$fixture.diff"
    fi
done

python3 "$(dirname "$0")/expect_comments.py" "$bin" "$data" broken check-all contact ||
    fail "the fixtures' expect comments and the check output disagree"

"$bin" check --content "$bundled" >"$out/bundled.txt" 2>&1
status=$?
[ "$status" -eq 0 ] && echo "ok: bundled content passes" || fail "bundled content: exit $status: $(tail -5 "$out/bundled.txt")"
grep -q "0 errors" "$out/bundled.txt" || fail "bundled content has errors"

# --strict: warnings fail. A folder whose only problem is an unknown key.
mkdir -p "$out/warn/en/pages" || exit 1
printf '{"clinic_name": "Warn", "languages": ["en"], "colour": "teal"}\n' >"$out/warn/kiosk.json"
printf -- '---\ntitle: Fine\n---\n\nA fine page.\n' >"$out/warn/en/pages/fine.md"
"$bin" check --content "$out/warn" >"$out/warn.txt" 2>&1
status=$?
grep -q " 0 errors" "$out/warn.txt" || fail "strict fixture should have no errors: $(cat "$out/warn.txt")"
[ "$status" -eq 1 ] && fail "warnings alone failed without --strict"
"$bin" check --content "$out/warn" --strict >/dev/null 2>&1
[ $? -eq 1 ] && echo "ok: --strict fails on warnings" || fail "--strict did not fail on warnings"

[ "$failures" -eq 0 ] || exit 1
echo "check: all checks passed"
