#!/usr/bin/env bash
# A folder of search queries is frozen: every file matches SHA256SUMS, and
# no file was added beside them. An edit shows up here, in review.
set -euo pipefail
sets=$1
cd "$sets"
sha256sum --check --quiet SHA256SUMS
listed=$(awk '{print $2}' SHA256SUMS | sort)
present=$(find . -type f ! -name SHA256SUMS ! -name README.md | sort)
if [ "$listed" != "$present" ]; then
    echo "files differ from SHA256SUMS:" >&2
    diff <(echo "$listed") <(echo "$present") >&2 || true
    exit 1
fi
echo "$(echo "$listed" | wc -l) frozen files match"
