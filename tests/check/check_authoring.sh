#!/bin/sh
# What staff see from `carekiosk check` on a folder written the way people
# write them: notes beside the content (SOURCES.md, README.md, NOTES.txt and
# what .kioskignore lists), a page with a YAML mistake that other pages link
# to, an unknown icon, 20 000 questions in English, a French faq.json of
# 20 000 questions with a comma after the last one, and a Spanish one with
# only two. The output must equal authoring.expected: each problem once, at
# its line, and the repeats folded.
#
# usage: check_authoring.sh CAREKIOSK TEST_CONTENT_DIR
# To refresh the expected file after a deliberate message change, run this
# with UPDATE=1 and read the whole diff in the commit.
set -u
bin=$(realpath "$1")
data=$2
out=$(mktemp -d) || exit 1
trap 'rm -rf "$out"' EXIT

cp -r "$data/authoring" "$out/authoring" || exit 1
python3 - "$out/authoring" <<'PY' || exit 1
import json, sys
root = sys.argv[1]
questions = [{"id": f"q-{i}", "question": f"Question {i}?", "answer": f"Answer {i}."} for i in range(1, 20001)]
with open(f"{root}/en/faq.json", "w") as f:
    json.dump({"questions": questions}, f, indent=2)
french = [{"id": q["id"], "question": f"Question {i} ?", "answer": f"Réponse {i}."}
          for i, q in enumerate(questions, start=1)]
text = json.dumps({"questions": french}, indent=2, ensure_ascii=False)
# The mistake people make: a comma after the last question.
last = text.rindex("}")            # closes the object around the list
last_question = text.rindex("}", 0, text.rindex("]"))
text = text[:last_question + 1] + "," + text[last_question + 1:]
with open(f"{root}/fr/faq.json", "w") as f:
    f.write(text)
PY

(cd "$out" && "$bin" check --content authoring) >"$out/output.txt" 2>"$out/stderr.txt"
status=$?
if [ "${UPDATE:-}" = 1 ]; then
    cp "$out/output.txt" "$data/authoring.expected"
    echo "updated $data/authoring.expected"
    exit 0
fi
failures=0
[ "$status" -eq 1 ] || { echo "FAIL: exit status $status, expected 1"; failures=1; }
if diff -u "$data/authoring.expected" "$out/output.txt"; then
    echo "ok: output matches authoring.expected ($(wc -l <"$out/output.txt") lines)"
else
    echo "FAIL: output differs from authoring.expected (above)"
    failures=1
fi
[ -s "$out/stderr.txt" ] && { echo "FAIL: check wrote to stderr:"; cat "$out/stderr.txt"; failures=1; }
exit "$failures"
