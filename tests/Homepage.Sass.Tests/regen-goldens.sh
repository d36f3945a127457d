#!/usr/bin/env bash
# Expected CSS for the samples, from Debian's sassc (libsass 3.6.5), compressed style.
#   Needs: apt-get install -y sassc
set -euo pipefail
cd "$(dirname "$0")/Samples"
for sample in *.scss; do
  sassc -t compressed "$sample" > "${sample%.scss}.compressed.css"
done
ls
