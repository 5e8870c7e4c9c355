#!/usr/bin/env python3
"""SQLite FTS5 as a patient search, for the side-by-side benchmark.

Reads the documents (`carekiosk search --documents` output) and answers one
query per stdin line with a JSON line {"results": [ids], "latency_ms": x}.
The plain set-up most projects would start from: every word OR-ed, the last
one also as a prefix, BM25 with the title weighted 3, the body 1; the Porter
stemmer for English, accent folding for every language.
usage: fts5.py DOCUMENTS.jsonl LANG
"""
import json
import re
import sqlite3
import sys
import time


def main():
    docs_path, lang = sys.argv[1], sys.argv[2]
    tokenizer = "porter unicode61 remove_diacritics 2" if lang.startswith("en") else "unicode61 remove_diacritics 2"
    db = sqlite3.connect(":memory:")
    db.execute(f"CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, extra, body, tokenize='{tokenizer}')")
    with open(docs_path, encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            db.execute("INSERT INTO docs VALUES (?, ?, ?, ?)", (doc["id"], doc["title"], doc["extra"], doc["body"]))
    for line in sys.stdin:
        query = line.rstrip("\n")
        start = time.perf_counter()
        words = re.findall(r"\w+", query.lower())
        ids = []
        if words:
            terms = ['"' + w + '"' for w in words[:-1]]
            last = '"' + words[-1] + '"'
            terms.append(last + " OR " + last + "*" if not query.endswith(" ") else last)
            match = " OR ".join(terms)
            rows = db.execute("SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 0, 3.0, 2.0, 1.0) LIMIT 8",
                              (match,)).fetchall()
            ids = [r[0] for r in rows]
        print(json.dumps({"results": ids, "latency_ms": (time.perf_counter() - start) * 1000}), flush=True)


if __name__ == "__main__":
    main()
