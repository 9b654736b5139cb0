#!/usr/bin/env bash
# Times `candor check` and `candor build` (release binary) on synthetic sites of 1,000, 10,000
# and 100,000 elements in /dev/shm, and Hugo on the equivalent Hugo site when `hugo` is
# installed; builds alternate candor/Hugo within one run, each into an empty folder, plus a
# candor rebuild over its previous output. Prints a Markdown table.
#
#   scripts/bench.sh                  # all sizes, 5 runs each
#   SIZES="1000 10000" RUNS=3 scripts/bench.sh
#   HUGO=0 scripts/bench.sh           # skip Hugo even when installed
#   CANDOR=/tmp/candor-old GEN=/tmp/gen_site scripts/bench.sh   # prebuilt binaries
#
# Wall time is the median of RUNS; peak RSS is the largest of the runs (GNU time's %M). The
# largest page is the biggest `.html` file of the output, the output its total size (apparent
# bytes, as GitHub Pages counts them; its limit is 1 GB).
set -euo pipefail

SIZES=${SIZES:-"1000 10000 100000"}
RUNS=${RUNS:-5}
TMP=${TMP_DIR:-/dev/shm/candor-bench}
TODAY=2026-11-29
cd "$(dirname "$0")/.."

# CANDOR and GEN may name prebuilt binaries (e.g. to compare two commits).
if [[ -z ${CANDOR:-} || -z ${GEN:-} ]]; then
  cargo build --quiet --release --bin candor --example gen_site
fi
CANDOR=${CANDOR:-$PWD/target/release/candor}
GEN=${GEN:-$PWD/target/release/examples/gen_site}
use_hugo=0
if [[ ${HUGO:-1} != 0 ]] && command -v hugo >/dev/null; then use_hugo=1; fi
mkdir -p "$TMP"

# time_run LABEL CMD... : appends "seconds kilobytes" to $TMP/LABEL.times
time_run() {
  local label=$1
  shift
  /usr/bin/time -f "%e %M" -o "$TMP/time.out" "$@" >/dev/null 2>"$TMP/stderr.out" || {
    echo "failed: $*" >&2
    cat "$TMP/stderr.out" >&2
    exit 1
  }
  cat "$TMP/time.out" >>"$TMP/$label.times"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
max_kb() { sort -n | tail -1; }
# stat LABEL : "median_seconds peak_mb"
stat() {
  local m k
  m=$(cut -d' ' -f1 "$TMP/$1.times" | median)
  k=$(cut -d' ' -f2 "$TMP/$1.times" | max_kb)
  echo "$m $((k / 1024))"
}

echo "candor $(git describe --always --dirty), $(nproc) cores, $(uname -r), $(date -u +%Y-%m-%dT%H:%MZ)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
[[ $use_hugo == 1 ]] && echo "hugo: $(hugo version | cut -d' ' -f1-2)"
echo
echo "| elements | pages | check (s) | check RSS (MB) | build (s) | pages/s | build RSS (MB) | µs/element | rebuild (s) | hugo (s) | candor/hugo | largest page (KB) | output (MB) |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in $SIZES; do
  site=$TMP/site-$n
  hsite=$TMP/hugo-site-$n
  rm -rf "$site" "$hsite" "$TMP"/*.times
  if [[ $use_hugo == 1 ]]; then "$GEN" "$n" "$site" --hugo "$hsite"; else "$GEN" "$n" "$site"; fi
  for _ in $(seq "$RUNS"); do
    time_run check "$CANDOR" check -r "$site" --today $TODAY --fail-on never
  done
  # Both tools build into an empty folder (as in CI), the old output removed untimed; the
  # rebuild column is candor building over its previous output, which it then removes.
  for _ in $(seq "$RUNS"); do
    rm -rf "$TMP/out-$n"
    time_run build "$CANDOR" build -r "$site" -o "$TMP/out-$n" --today $TODAY
    time_run rebuild "$CANDOR" build -r "$site" -o "$TMP/out-$n" --today $TODAY
    if [[ $use_hugo == 1 ]]; then
      rm -rf "$TMP/hugo-out-$n"
      time_run hugo hugo --quiet -s "$hsite" -d "$TMP/hugo-out-$n"
    fi
  done
  pages=$(find "$TMP/out-$n" -name '*.html' | wc -l)
  largest=$(find "$TMP/out-$n" -name '*.html' -printf '%s\n' | sort -n | tail -1)
  largest_kb=$(( ${largest:-0} / 1024 ))
  output_mb=$(( $(du -sb "$TMP/out-$n" | cut -f1) / 1000000 ))
  read -r cs cm <<<"$(stat check)"
  read -r bs bm <<<"$(stat build)"
  read -r rs rm_ <<<"$(stat rebuild)"
  [[ $rm_ -gt $bm ]] && bm=$rm_
  pps=$(awk -v p="$pages" -v s="$bs" 'BEGIN {printf "%.0f", p / s}')
  us=$(awk -v n="$n" -v s="$bs" 'BEGIN {printf "%.0f", s * 1e6 / n}')
  hs="–" ratio="–"
  if [[ $use_hugo == 1 ]]; then
    read -r hs _ <<<"$(stat hugo)"
    ratio=$(awk -v c="$bs" -v h="$hs" 'BEGIN {printf "%.2f", c / h}')
  fi
  echo "| $n | $pages | $cs | $cm | $bs | $pps | $bm | $us | $rs | $hs | $ratio | $largest_kb | $output_mb |"
  rm -rf "$TMP/out-$n" "$TMP/hugo-out-$n" "$site" "$hsite"
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
