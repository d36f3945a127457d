#!/usr/bin/env bash
# Expected CSS for the samples, from Debian's sassc (libsass 3.6.5), in the compressed, compact, expanded and nested styles;
# and in maps/, each with its source map (sassc -m: the CSS with its sourceMappingURL line, and NAME.STYLE.css.map).
#   Needs: apt-get install -y sassc
set -euo pipefail
cd "$(dirname "$0")/Samples"
for sample in *.scss *.sass; do
  for style in compressed compact expanded nested; do
    sassc -t "$style" "$sample" > "${sample%.*}.$style.css"
    mkdir -p maps
    sassc -t "$style" -m "$sample" "maps/${sample%.*}.$style.css"
  done
done
