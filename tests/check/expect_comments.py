#!/usr/bin/env python3
"""A second, independent check of `carekiosk check`: the broken fixtures say
what each fault must produce, in a comment on the line below it:

    ![A secret](../../../../secret.png)
    <!-- expect: error: is outside the content folder -->

(in front matter: `# expect: error: ...`). Each expectation needs a
diagnostic for that file with that severity whose message contains the text,
at the line next to the comment (above it, or below it where the fault is
the end of the front matter) or at no line (a file-level message); every
diagnostic about a Markdown file needs an expectation. Unlike the golden
files, these were written by hand beside the fault, not produced by the code
under test.

usage: expect_comments.py CAREKIOSK FIXTURES_DIR FIXTURE...
"""
import os
import re
import subprocess
import sys

EXPECT = re.compile(r"expect: (error|warning): (.*?)\s*(?:-->)?\s*$")
DIAGNOSTIC = re.compile(r"^(?P<file>[^:]+?)(?::(?P<line>\d+):(?P<col>\d+))?: (?P<sev>error|warning): (?P<msg>.*)$")


def main():
    exe, root, fixtures = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3:]
    failures = 0
    checked = 0
    for fixture in fixtures:
        out = subprocess.run([exe, "check", "--content", fixture], cwd=root, capture_output=True, text=True).stdout
        diagnostics = []
        for text in out.splitlines():
            m = DIAGNOSTIC.match(text)
            if m and m.group("file").endswith(".md"):
                diagnostics.append((m.group("file"), int(m.group("line") or 0), m.group("sev"), m.group("msg")))
        expectations = []
        for folder, _, files in os.walk(os.path.join(root, fixture)):
            for name in sorted(files):
                if not name.endswith(".md"):
                    continue
                path = os.path.join(folder, name)
                label = os.path.relpath(path, root)
                with open(path, encoding="utf-8", errors="replace") as f:
                    for number, line in enumerate(f, start=1):
                        m = EXPECT.search(line)
                        if m:
                            expectations.append((label, number, m.group(1), m.group(2)))
        matched = set()
        for label, number, severity, text in expectations:
            checked += 1
            found = [d for d in diagnostics if d[0] == label and d[2] == severity and text in d[3]
                     and d[1] in (number - 1, number + 1, 0)]
            if not found:
                print(f"FAIL: {label}:{number}: no {severity} containing \"{text}\" at line {number - 1}")
                failures += 1
            matched.update(found)
        for d in diagnostics:
            if d not in matched:
                print(f"FAIL: {d[0]}:{d[1]}: {d[2]}: {d[3]}: no expect comment says so")
                failures += 1
    if checked == 0:
        print("FAIL: no expect comments found")
        failures += 1
    print(f"{checked} expectations, {failures} problems")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
