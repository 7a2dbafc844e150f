#!/usr/bin/env bash
# Usage: bench/snapshot.sh REPO_DIR OUT_DIR — the examples' findings (text and JSON) and their build (HTML + PDF), for before/after comparison.
# A refactoring that must not change behaviour: take a snapshot before and after, then `diff -r BEFORE AFTER`
# (only build.log differs: the output path and the PDF time).
set -euo pipefail
repo=$(cd "$1" && pwd); out=$2
rm -rf "$out"; mkdir -p "$out"
cd "$repo"
npx tsc -p tsconfig.json >/dev/null
cp -r examples "$out/examples"
export SOURCE_DATE_EPOCH=1545264000 NO_COLOR=1
(cd "$out/examples" && node "$repo/dist/cli.js" check . --format json > "$out/check.json" || true)
(cd "$out/examples" && node "$repo/dist/cli.js" check . > "$out/check.txt" 2>&1 || true)
(cd "$out/examples" && node "$repo/dist/cli.js" check . --format github > "$out/check-github.txt" 2>&1 || true)
(cd "$out/examples" && node "$repo/dist/cli.js" budget . --format json > "$out/budget.json" 2>&1 || true)
(cd "$out/examples" && node "$repo/dist/cli.js" build . --out "$out/site" --pdf > "$out/build.log" 2>&1 || true)
rm -rf "$out/examples"
(cd "$out/site" && find . -type f ! -name '.plan-cache.json' ! -name '.plan-build' | sort | xargs sha256sum) > "$out/site.sha256"
echo "snapshot in $out: $(wc -l < "$out/site.sha256") files"
