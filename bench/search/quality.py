#!/usr/bin/env python3
"""Scores a search engine on the evaluation sets (tests/data/search/sets/).

Each query is searched as a patient types it (no trailing space). What the
patient sees first is the confident answers ("results"), then the closest
questions ("related"); the figures are:

  top1        the first thing shown is a right answer
  recall@3    a right answer is among the first three shown
  confident   the first confident answer is right (closest questions aside)
  nothing     answerable queries that show nothing at all
  offtopic    off-topic queries given a confident answer (lower is better)

usage: quality.py [--engine carekiosk|fts5|minisearch] [--exe PATH] [--json] [--memory]
                  [--min-top1 X] [--min-recall3 X] [--min-question X]
                  [--min-paraphrase X] [--max-nothing X] [--max-offtopic X]
                  SET...
SET is a folder with content/ and queries.tsv, or CONTENT_DIR:QUERIES_TSV[:LANG].
With --min/--max options it exits 1 when a set misses a target.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def read_queries(path):
    queries = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) < 2:
                continue
            expected = fields[1].strip()
            kind = fields[2].strip() if len(fields) > 2 else ("offtopic" if expected == "none" else "any")
            queries.append((fields[0], set(expected.split("|")), kind))
    return queries


def lang_of(content_dir):
    with open(os.path.join(content_dir, "kiosk.json"), encoding="utf-8") as f:
        return json.load(f).get("default_language", "en")


def parse_set(spec):
    """(name, content dir, queries.tsv, language) of a SET argument; exits when one is missing."""
    lang = None
    if ":" in spec:
        content_dir, tsv, *rest = spec.split(":")
        lang = rest[0] if rest else None
    else:
        content_dir, tsv = os.path.join(spec, "content"), os.path.join(spec, "queries.tsv")
    name = os.path.basename(os.path.normpath(spec.split(":")[1] if ":" in spec else spec))
    if not os.path.isfile(tsv) or not os.path.isdir(content_dir):
        print(f"{name}: missing {tsv} or {content_dir}", file=sys.stderr)
        sys.exit(1)
    return name, content_dir, tsv, lang or lang_of(content_dir)


def run_carekiosk(exe, content_dir, lang, texts, memory):
    with tempfile.TemporaryDirectory() as cache:
        where = ["--no-cache"] if memory else ["--cache-dir", cache]
        out = subprocess.run([exe, "search", "--content", content_dir, "--lang", lang, *where,
                              "--max", "8", "--stdin"], input="\n".join(texts) + "\n",
                             capture_output=True, text=True, check=True).stdout
    answers = []
    for line in out.splitlines():
        data = json.loads(line)
        answers.append(([r["id"] for r in data["results"]], [r["id"] for r in data.get("related", [])],
                        data["latency_ms"]))
    return answers


def run_other(engine, exe, content_dir, lang, texts):
    script = os.path.join(HERE, "engines", engine + (".js" if engine == "minisearch" else ".py"))
    command = (["node", script] if engine == "minisearch" else [sys.executable, script])
    dump = subprocess.run([exe, "search", "--content", content_dir, "--lang", lang, "--documents"],
                          capture_output=True, text=True, check=True).stdout
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as docs:
        docs.write(dump)
    try:
        out = subprocess.run(command + [docs.name, lang], input="\n".join(texts) + "\n",
                             capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(docs.name)
    return [(json.loads(line)["results"], [], json.loads(line).get("latency_ms", 0.0)) for line in out.splitlines()]


def score(queries, answers):
    kinds = {}
    total = {"n": 0, "top1": 0, "recall3": 0, "confident": 0, "nothing": 0, "off": 0, "off_confident": 0}
    for (text, expected, kind), (results, related, _) in zip(queries, answers):
        if kind == "offtopic":
            total["off"] += 1
            total["off_confident"] += bool(results)
            continue
        shown = results + [r for r in related if r not in results]
        row = kinds.setdefault(kind, {"n": 0, "top1": 0})
        top1 = bool(shown) and shown[0] in expected
        for bucket in (row, total):
            bucket["n"] += 1
            bucket["top1"] += top1
        total["recall3"] += any(r in expected for r in shown[:3])
        total["confident"] += bool(results) and results[0] in expected
        total["nothing"] += not shown
    return total, kinds


def ratio(a, b):
    return a / b if b else 0.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("sets", nargs="+")
    parser.add_argument("--engine", default="carekiosk", choices=["carekiosk", "fts5", "minisearch"])
    parser.add_argument("--exe", default=os.path.join(HERE, "..", "..", "build", "carekiosk"))
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--memory", action="store_true", help="index in memory (no spelling table)")
    parser.add_argument("--misses", action="store_true", help="list the queries answered wrongly")
    for name in ("top1", "recall3", "question", "paraphrase"):
        parser.add_argument("--min-" + name, type=float)
    for name in ("nothing", "offtopic"):
        parser.add_argument("--max-" + name, type=float)
    args = parser.parse_args()

    failed = False
    for spec in args.sets:
        name, content_dir, tsv, lang = parse_set(spec)
        queries = read_queries(tsv)
        texts = [q[0] for q in queries]
        if args.engine == "carekiosk":
            answers = run_carekiosk(args.exe, content_dir, lang, texts, args.memory)
        else:
            answers = run_other(args.engine, args.exe, content_dir, lang, texts)
        total, kinds = score(queries, answers)
        figures = {
            "set": name, "engine": args.engine, "answerable": total["n"], "offtopic_queries": total["off"],
            "top1": ratio(total["top1"], total["n"]), "recall3": ratio(total["recall3"], total["n"]),
            "confident_top1": ratio(total["confident"], total["n"]),
            "nothing": ratio(total["nothing"], total["n"]),
            "offtopic": ratio(total["off_confident"], total["off"]),
            "kinds": {k: ratio(v["top1"], v["n"]) for k, v in sorted(kinds.items())},
        }
        if args.json:
            print(json.dumps(figures))
        else:
            kinds_text = " ".join(f"{k} {v:.2f}" for k, v in figures["kinds"].items())
            print(f"{name} [{args.engine}]: top1 {figures['top1']:.3f} recall@3 {figures['recall3']:.3f} "
                  f"confident {figures['confident_top1']:.3f} nothing {figures['nothing']:.3f} "
                  f"offtopic-confident {figures['offtopic']:.3f} ({total['n']} + {total['off']} queries) | {kinds_text}")
        if args.misses:
            for (text, expected, kind), (results, related, _) in zip(queries, answers):
                shown = results + [r for r in related if r not in results]
                wrong = (kind == "offtopic" and results) or (kind != "offtopic" and (not shown or shown[0] not in expected))
                if wrong:
                    print(f"  MISS [{kind}] {text!r}: want {'|'.join(sorted(expected))}; "
                          f"results {results[:3]} related {related[:3]}")
        checks = [("top1", args.min_top1, figures["top1"], 1), ("recall3", args.min_recall3, figures["recall3"], 1),
                  ("question", args.min_question, figures["kinds"].get("question"), 1),
                  ("paraphrase", args.min_paraphrase, figures["kinds"].get("paraphrase"), 1),
                  ("nothing", args.max_nothing, figures["nothing"], -1),
                  ("offtopic", args.max_offtopic, figures["offtopic"], -1)]
        for label, limit, value, sign in checks:
            if limit is None or value is None:
                continue
            if (value - limit) * sign < 0:
                print(f"FAIL {name}: {label} {value:.3f} misses the target {limit:.3f}", file=sys.stderr)
                failed = True
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
