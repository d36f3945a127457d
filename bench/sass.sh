#!/usr/bin/env bash
# Times Debian's sassc 3.6.5 against `homepage sass` (the native linux-x64 executable) side by side on the real
# libraries of tests/Homepage.Sass.Tests/Libraries, compressed style, whole process each (hyperfine), and checks
# whether each output is identical to sassc's.
#   bench/sass.sh          Needs: apt-get install -y sassc hyperfine
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet publish "$repo/src/Homepage.Cli" -p:PublishProfile=linux-x64 -o "$work/tool" -v quiet > /dev/null
cd "$repo/tests/Homepage.Sass.Tests/Libraries"
grep -v '^#' entries.txt | while read -r entry loadpath; do
  [ -n "$entry" ] || continue
  include=""; [ "$loadpath" = "-" ] || include="-I $loadpath"
  name=$(basename "${entry%.scss}")
  hyperfine -N --warmup 2 --runs "${RUNS:-10}" --export-json "$work/$name.json" \
    -n sassc "sassc -t compressed $include $entry" -n homepage "$work/tool/homepage sass --style compressed $include $entry" > /dev/null 2>&1
  sassc -t compressed $include "$entry" > "$work/$name.sassc.css"
  "$work/tool/homepage" sass --style compressed $include "$entry" > "$work/$name.ours.css"
  same=$(cmp -s "$work/$name.sassc.css" "$work/$name.ours.css" && echo identical || echo differs)
  s=$(jq '.results[0].mean * 1000' "$work/$name.json"); h=$(jq '.results[1].mean * 1000' "$work/$name.json")
  printf '%-16s sassc %7.1f ms   homepage %7.1f ms   sassc/homepage %.2f   %s\n' "$name" "$s" "$h" "$(echo "$s / $h" | bc -l)" "$same"
done
