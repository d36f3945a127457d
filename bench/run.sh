#!/usr/bin/env bash
# Times `jekyll build` (the Debian reference) against `homepage build` side by side on this repository's site and
# on synthetic sites of 100, 1,000 and 10,000 posts; checks the outputs are identical; prints wall time (hyperfine),
# the ratio and peak memory (/usr/bin/time -v), and writes the table to docs/benchmarks.md.
#   bench/run.sh [SIZES...]        default sizes: 100 1000 10000
#   CHECK_ONLY=1 bench/run.sh ...  builds each site once with each tool and only checks the outputs are identical
#                                  (no timing; docs/benchmarks.md is left as it is)
# Needs: apt-get install -y jekyll ruby-jekyll-feed ruby-jekyll-sitemap ruby-jekyll-paginate ruby-jekyll-redirect-from faketime hyperfine time
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(100 1000 10000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet publish "$repo/src/Homepage.Cli" -c Release -r linux-x64 -o "$work/tool" -v quiet >/dev/null
homepage="$work/tool/homepage"
pin() { find "$1" -exec touch -h -d '2024-01-01 00:00:00 UTC' {} +; }
jekyll_cmd() { echo "cd $1 && TZ=UTC FAKETIME_DONT_FAKE_MONOTONIC=1 NO_FAKE_STAT=1 faketime -f '2024-01-01 00:00:00' jekyll build -q -s $1 -d $2"; }
homepage_cmd() { echo "cd $1 && TZ=UTC SOURCE_DATE_EPOCH=1704067200 $homepage build -q -s $1 -d $2"; }
peak_kb() { /usr/bin/time -v bash -c "$1" 2>&1 >/dev/null | awk -F: '/Maximum resident/ {gsub(/ /,"",$2); print $2}'; }

rows=()
measure() {
  local name=$1 src=$2
  pin "$src"
  local jcmd hcmd
  jcmd=$(jekyll_cmd "$src" "$work/out-j-$name")
  hcmd=$(homepage_cmd "$src" "$work/out-h-$name")
  if [ -n "${CHECK_ONLY:-}" ]; then
    bash -c "$jcmd" && bash -c "$hcmd"
    if diff -r -q "$work/out-j-$name" "$work/out-h-$name" > "$work/$name.diff"; then rows+=("| $name | identical ($(find "$work/out-h-$name" -type f | wc -l) files) |")
    else rows+=("| $name | $(wc -l < "$work/$name.diff") files differ: $(head -3 "$work/$name.diff" | tr '\n' ' ') |"); fi
    return
  fi
  hyperfine --warmup 1 --runs "${RUNS:-3}" --export-json "$work/$name.json" -n jekyll "$jcmd" -n homepage "$hcmd" >&2
  local identical="yes"
  diff -r -q "$work/out-j-$name" "$work/out-h-$name" > "$work/$name.diff" || identical="no ($(wc -l < "$work/$name.diff") files differ)"
  local jt ht jm hm
  jt=$(jq '.results[0].mean' "$work/$name.json"); ht=$(jq '.results[1].mean' "$work/$name.json")
  jm=$(peak_kb "$jcmd"); hm=$(peak_kb "$hcmd")
  rows+=("| $name | $(printf '%.3f' "$jt") s | $(printf '%.3f' "$ht") s | $(echo "$jt / $ht" | bc -l | xargs printf '%.1f')x | $((jm / 1024)) MiB | $((hm / 1024)) MiB | $identical |")
}

# This repository's site: only what the site's _config.yml does not exclude matters; copy the tree without the engine.
mkdir -p "$work/homepage"
(cd "$repo" && tar --exclude=./.git --exclude=./src --exclude=./tests --exclude=./bench --exclude=./_site --exclude='*/bin' --exclude='*/obj' -cf - .) | tar -xf - -C "$work/homepage"
measure homepage "$work/homepage"
for n in "${sizes[@]}"; do
  "$repo/bench/generate-site.sh" "$n" "$work/site-$n" >/dev/null
  measure "posts-$n" "$work/site-$n"
done

if [ -n "${CHECK_ONLY:-}" ]; then
  printf '%s\n' "| site | output of homepage build vs jekyll build |" "|---|---|" "${rows[@]}"
  exit 0
fi
table=$(printf '%s\n' "| site | jekyll build | homepage build | speed-up | jekyll peak RSS | homepage peak RSS | identical output |" \
  "|---|---|---|---|---|---|---|" "${rows[@]}")
echo "$table"
mkdir -p "$repo/docs"
cat > "$repo/docs/benchmarks.md" <<MD
# Benchmarks: homepage build vs jekyll build

Measured on $(nproc) cores, $(date -u +%Y-%m-%d), with \`bench/run.sh ${sizes[*]}\` (hyperfine, mean of ${RUNS:-3} runs after
one warm-up; peak memory from \`/usr/bin/time -v\`). Both tools build the same copy of each site with the clock pinned
(Jekyll under faketime, Homepage with SOURCE_DATE_EPOCH); "identical output" is \`diff -r\` of the two \`_site\` folders.

$table
MD
