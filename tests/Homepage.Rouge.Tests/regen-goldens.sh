#!/usr/bin/env bash
# Expected outputs for the rouge samples, produced by Debian's rougify (rouge 3.30):
# for each Samples/LANG[.NAME].EXT, highlighted as LANG, the HTML formatter and the HTML table formatter into
# LANG[.NAME].expected.html and LANG[.NAME].expected.table.html.   Needs: apt-get install -y ruby-rouge
set -euo pipefail
cd "$(dirname "$0")/Samples"
rougify --version | grep -q '3\.30' || { echo "the reference is rouge 3.30" >&2; exit 1; }
for sample in *.*; do
  case "$sample" in *.expected.*) continue;; esac
  lang=${sample%%.*}
  base=${sample%.*}
  rougify highlight -l "$lang" -f html "$sample" > "$base.expected.html"
  rougify highlight -l "$lang" -f html-table "$sample" > "$base.expected.table.html"
done
ls
