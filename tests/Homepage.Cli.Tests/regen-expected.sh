#!/usr/bin/env bash
# Expected outputs of `doctor` and `--profile`, from the reference Jekyll (Debian's jekyll 4.3.1):
#   Doctor/NAME/            -> Doctor/NAME.stdout, NAME.stderr, NAME.status  (`jekyll doctor` run inside a copy)
#   Profile/site/           -> Profile/expected.txt                           (`jekyll build --profile`, render stats)
# The copy's path is replaced by SOURCE and terminal colours are removed; nothing else is changed.
# Needs: apt-get install -y jekyll ruby-jekyll-redirect-from
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jekyll --version | grep -q '^jekyll 4\.3\.1$' || { echo "the reference is jekyll 4.3.1" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
clean() { sed -e 's/\x1b\[[0-9;]*m//g' -e "s|$1|SOURCE|g"; }

for dir in "$here"/Doctor/*/; do
  name=$(basename "$dir")
  copy="$work/doctor-$name"
  cp -a "$dir" "$copy"
  status=0
  (cd "$copy" && jekyll doctor > "$work/out" 2> "$work/err") || status=$?
  clean "$copy" < "$work/out" > "$here/Doctor/$name.stdout"
  clean "$copy" < "$work/err" > "$here/Doctor/$name.stderr"
  echo "$status" > "$here/Doctor/$name.status"
  echo "doctor $name: exit $status"
done

copy="$work/profile"
cp -a "$here/Profile/site" "$copy"
(cd "$copy" && jekyll build --profile -d "$work/profile-out") | clean "$copy" | sed -n '/Site Render Stats:/,/^TOTAL\|^| TOTAL/p' > "$here/Profile/expected.txt"
echo "profile: $(wc -l < "$here/Profile/expected.txt") lines"
