#!/usr/bin/env bash
# Differential check of the rouge port against rougify 3.30 on real files of this machine: for each lexer, up to N
# files (default 40) found by extension outside the repository, highlighted by both with the HTML formatter; counts
# the byte-identical outputs.      bench/rouge-differential.sh [N]      Needs: apt-get install ruby-rouge
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-40}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build -c Release "$repo/bench/Homepage.Benchmarks" -v quiet >/dev/null
ours="$repo/bench/Homepage.Benchmarks/bin/Release/net10.0/Homepage.Benchmarks"
total_same=0; total=0
for spec in ${LEXERS:-python:py ruby:rb shell:sh json:json yaml:yml javascript:js css:css html:html xml:xml c:c cpp:cpp \
            java:java sql:sql toml:toml ini:ini diff:diff tex:tex make:mk go:go typescript:ts csharp:cs r:R scss:scss rust:rs julia:jl}; do
  lang=${spec%%:*}; ext=${spec#*:}
  mkdir -p "$work/$lang"
  i=0
  while IFS= read -r -d '' f; do
    i=$((i+1)); cp "$f" "$work/$lang/$i.$ext"
  done < <(find / -xdev -type f -name "*.$ext" -size +200c -size -60k -not -path "$repo/*" -not -path '/proc/*' \
             -not -path '/tmp/*' -print0 2>/dev/null | head -z -n "$n")
  same=0; count=0
  for f in "$work/$lang"/*; do
    [ -e "$f" ] || continue
    grep -qP '[^\x00-\x7F]' "$f" 2>/dev/null && iconv -f utf-8 -t utf-8 "$f" >/dev/null 2>&1 || { grep -qP '[^\x00-\x7F]' "$f" 2>/dev/null && continue; }
    count=$((count+1))
    rougify highlight -l "$lang" -f html "$f" > "$f.ref" 2>/dev/null || { count=$((count-1)); continue; }
    "$ours" rouge "$lang" "$f" > "$f.our" 2>/dev/null || true
    if cmp -s "$f.ref" "$f.our"; then same=$((same+1)); else echo "differs: $lang $(basename "$f")" >&2; fi
  done
  echo "$lang: $same of $count identical"
  total_same=$((total_same+same)); total=$((total+count))
done
echo "all: $total_same of $total files identical"
