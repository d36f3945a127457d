#!/usr/bin/env bash
# Expected CSS for the samples, from Debian's sassc (libsass 3.6.5), in the compressed, compact and expanded styles.
#   Needs: apt-get install -y sassc
set -euo pipefail
cd "$(dirname "$0")/Samples"
for sample in *.scss *.sass; do
  for style in compressed compact expanded; do
    sassc -t "$style" "$sample" > "${sample%.*}.$style.css"
  done
done
