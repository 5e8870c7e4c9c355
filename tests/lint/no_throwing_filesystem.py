#!/usr/bin/env python3
"""Fails when app/ calls a std::filesystem function or member that throws.

Content folders and the cache are untrusted: a link loop, a vanished file or
a full disk must become a diagnostic, never a filesystem_error that ends the
kiosk. So every call takes an std::error_code (named ec or error in this
code base), and the throwing forms are not used at all:
- fs::NAME(...) without an error_code argument, for the functions that touch
  the disk;
- directory_entry members that touch the disk, called with no argument
  (entry.is_regular_file());
- a range-for over a directory iterator (its ++ throws; use increment(ec)).
Pure path arithmetic (fs::path, lexically_normal, filename) never touches
the disk and is not listed.
usage: no_throwing_filesystem.py APP_DIR
       no_throwing_filesystem.py --self-test   (shows that each form is caught)
"""
import os
import re
import sys

DISK_FUNCTIONS = {
    "absolute", "canonical", "copy", "copy_file", "copy_symlink", "create_directories", "create_directory",
    "create_directory_symlink", "create_hard_link", "create_symlink", "current_path", "equivalent", "exists",
    "file_size", "hard_link_count", "is_block_file", "is_character_file", "is_directory", "is_empty", "is_fifo",
    "is_other", "is_regular_file", "is_socket", "is_symlink", "last_write_time", "permissions", "read_symlink",
    "relative", "proximate", "remove", "remove_all", "rename", "resize_file", "space", "status",
    "symlink_status", "temp_directory_path", "weakly_canonical", "directory_iterator",
    "recursive_directory_iterator",
}
MEMBERS = ("is_regular_file", "is_directory", "is_symlink", "exists", "file_size", "status", "symlink_status",
           "last_write_time", "refresh", "hard_link_count", "is_other", "is_fifo", "is_socket",
           "is_character_file", "is_block_file")
ERROR_NAMES = re.compile(r"^(ec|error|err|[a-z_]*_ec|[a-z_]*error)$")
CALL = re.compile(r"(?:std::filesystem|fs)::(\w+)\s*(?:\w+\s*)?\(")
MEMBER = re.compile(r"(?:\.|->)(" + "|".join(MEMBERS) + r")\(\s*\)")
RANGE_FOR = re.compile(r"for\s*\([^;)]*:\s*(?:std::filesystem|fs)::(?:recursive_)?directory_iterator")


def arguments(text, start):
    """Top-level arguments of the call whose '(' is at text[start]."""
    depth, args, current = 0, [], ""
    for i in range(start, len(text)):
        c = text[i]
        if c in "([{":
            depth += 1
            if depth == 1:
                continue
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                args.append(current.strip())
                return args
        elif c == "," and depth == 1:
            args.append(current.strip())
            current = ""
            continue
        current += c
    return args


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.S)
    text = re.sub(r"//[^\n]*", "", text)
    return re.sub(r'"(?:\\.|[^"\\])*"', '""', text)


SELF_TEST = """
#include <filesystem>
namespace fs = std::filesystem;
void Bad(const fs::path& p, const fs::directory_entry& entry) {
    if (fs::exists(p)) {}                                   // 1
    fs::rename(p,
               p / "x");                                    // 2: over two lines
    (void)entry.is_regular_file();                          // 3
    for (const auto& e : fs::directory_iterator(p)) {}      // 4 and 5 (the range-for, the call)
    fs::recursive_directory_iterator it(p);                 // 6
}
void Good(const fs::path& p, const fs::directory_entry& entry) {
    std::error_code ec, error;
    if (fs::exists(p, ec)) {}
    fs::rename(p, p / "x", error);
    (void)entry.is_regular_file(ec);
    for (fs::directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec)) {}
    // fs::exists(p) in a comment is fine, and so is "fs::exists(p)" in a string.
    const char* text = "fs::remove(p)";
    (void)text;
}
"""


def self_test():
    import tempfile
    with tempfile.TemporaryDirectory() as folder:
        with open(os.path.join(folder, "sample.cpp"), "w") as f:
            f.write(SELF_TEST)
        problems, checked = scan(folder)
    for problem in problems:
        print(problem)
    bad_end = SELF_TEST[:SELF_TEST.index("void Good")].count("\n") + 1
    lines = [int(p.split(":")[1]) for p in problems]
    if len(problems) != 6 or any(line >= bad_end for line in lines):
        print(f"self-test failed: expected 6 problems, all in Bad(), found {len(problems)}")
        sys.exit(1)
    print("self-test: every throwing form was caught, no correct form was")


def scan(root):
    problems = []
    checked = 0
    for folder, _, files in os.walk(root):
        for name in sorted(files):
            if not name.endswith((".cpp", ".h")):
                continue
            path = os.path.join(folder, name)
            text = strip_comments(open(path, encoding="utf-8").read())
            checked += 1
            line_of = lambda pos: text.count("\n", 0, pos) + 1
            for m in CALL.finditer(text):
                if m.group(1) not in DISK_FUNCTIONS:
                    continue
                args = arguments(text, m.end() - 1)
                if m.group(1).endswith("directory_iterator") and args == [""]:
                    continue   # the end iterator
                if not any(ERROR_NAMES.match(a) for a in args):
                    problems.append(f"{path}:{line_of(m.start())}: fs::{m.group(1)} without an error_code")
            for m in MEMBER.finditer(text):
                problems.append(f"{path}:{line_of(m.start())}: .{m.group(1)}() without an error_code")
            for m in RANGE_FOR.finditer(text):
                problems.append(f"{path}:{line_of(m.start())}: range-for over a directory iterator (its ++ throws)")
    return problems, checked


def main():
    if sys.argv[1:] == ["--self-test"]:
        self_test()
        return
    problems, checked = scan(sys.argv[1])
    for problem in problems:
        print(problem)
    if checked == 0:
        print("no source files found under " + sys.argv[1])
        sys.exit(1)
    print(f"{checked} files checked, {len(problems)} throwing filesystem calls")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
