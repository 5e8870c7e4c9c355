// MiniSearch as a patient search, for the side-by-side benchmark: the
// library a static kiosk site would use. Reads the documents
// (`carekiosk search --documents` output) and answers one query per stdin
// line with a JSON line {"results": [ids], "latency_ms": x}. Its usual
// options: OR of words, prefix and fuzzy (0.2) matching, title boosted 3x.
// usage: node minisearch.js DOCUMENTS.jsonl LANG
'use strict';
const fs = require('fs');
const readline = require('readline');
const MiniSearch = require('minisearch');

const docs = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map(JSON.parse);
const fold = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const search = new MiniSearch({
    idField: 'id',
    fields: ['title', 'extra', 'body'],
    processTerm: (term) => fold(term),
    searchOptions: { boost: { title: 3, extra: 2 }, prefix: true, fuzzy: 0.2, combineWith: 'OR' },
});
search.addAll(docs);
const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (query) => {
    const start = process.hrtime.bigint();
    const ids = search.search(query).slice(0, 8).map((r) => r.id);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    process.stdout.write(JSON.stringify({ results: ids, latency_ms: ms }) + '\n');
});
