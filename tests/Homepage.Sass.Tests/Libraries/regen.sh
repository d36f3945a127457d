#!/usr/bin/env bash
# Real Sass libraries from npm and the CSS Debian's sassc 3.6.5 (libsass, as Jekyll uses it) makes of them, in the
# expanded, compressed and nested styles: fetches each package at its pinned version into sources/, then writes
# expected/ENTRY.STYLE.css for every line of entries.txt, and expected/maps/ENTRY.compressed.css with its source map.
#   Needs: npm (to fetch) and apt-get install -y sassc
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fetch() { # NAME PACKAGE@VERSION FOLDER... (the package's Sass folders to keep, with its licence files)
  local name=$1 spec=$2; shift 2
  (cd "$work" && npm pack --silent "$spec" > /dev/null && mkdir -p "$name" && tar xzf ./*.tgz -C "$name" && rm ./*.tgz)
  rm -rf "sources/$name"
  mkdir -p "sources/$name"
  for folder in "$@"; do cp -r "$work/$name/package/$folder" "sources/$name/"; done
  cp "$work/$name"/package/LICENSE* "$work/$name/package/package.json" "sources/$name/" 2>/dev/null || true
}
fetch bootstrap bootstrap@4.6.2 scss
fetch fontawesome @fortawesome/fontawesome-free@5.15.4 scss
fetch foundation foundation-sites@6.7.5 scss _vendor
fetch susy2 susy@2.2.14 sass
fetch susy3 susy@3.0.8 sass
fetch bourbon bourbon@7.3.0 core
fetch breakpoint breakpoint-sass@2.7.1 stylesheets

mkdir -p expected/maps
rm -f expected/*.css expected/maps/*
grep -v '^#' entries.txt | while read -r entry loadpath; do
  [ -n "$entry" ] || continue
  name=$(basename "${entry%.scss}")
  for style in expanded compressed nested; do
    if [ "$loadpath" = "-" ]; then sassc -t "$style" "$entry" > "expected/$name.$style.css"
    else sassc -t "$style" -I "$loadpath" "$entry" > "expected/$name.$style.css"; fi
  done
  # and the compressed CSS with its source map (sassc -m writes NAME.compressed.css.map beside it)
  if [ "$loadpath" = "-" ]; then sassc -t compressed -m "$entry" "expected/maps/$name.compressed.css"
  else sassc -t compressed -I "$loadpath" -m "$entry" "expected/maps/$name.compressed.css"; fi
  rm "expected/maps/$name.compressed.css" # the same CSS as expected/, but for its sourceMappingURL line
done
