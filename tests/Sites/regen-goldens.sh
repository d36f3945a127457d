#!/usr/bin/env bash
# Rebuilds the whole-site goldens with the reference Jekyll (Debian's jekyll 4.3.1 and its packaged plugins):
# every tests/Sites/<name>/ holding a _config.yml, this repository's own site as "homepage", and as "new-site" the
# site `homepage new` writes (run from src/Homepage.Cli with SOURCE_DATE_EPOCH at the pinned instant; only the
# sources come from Homepage, the expected output is Jekyll's).
# Output trees go to tests/Sites/_expected/<name>/, replacing the old ones.
#
# Reproducible: each site is copied to a temporary folder, every source file's mtime is set to
# 2024-01-01 00:00:00 UTC, and Jekyll runs from inside the copy under a frozen clock:
#   TZ=UTC FAKETIME_DONT_FAKE_MONOTONIC=1 NO_FAKE_STAT=1 faketime -f '2024-01-01 00:00:00' jekyll build ...
# with JEKYLL_ENV unset and the flags of the site's .jekyll-args file, if any.
#
# Needs: apt-get install -y jekyll ruby-jekyll-redirect-from ruby-jekyll-seo-tag ruby-jekyll-sitemap \
#          ruby-jekyll-feed ruby-jekyll-paginate ruby-jekyll-gist ruby-jekyll-include-cache sassc faketime
#   tests/Sites/regen-goldens.sh [NAME...]     (default: every site)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
for tool in jekyll faketime; do
  command -v "$tool" >/dev/null || { echo "missing $tool: install the reference (see the header of this script)" >&2; exit 1; }
done
jekyll --version | grep -q '^jekyll 4\.3\.1$' || { echo "the reference is jekyll 4.3.1, found: $(jekyll --version)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

copy_site() { # NAME SOURCE DEST
  mkdir -p "$3"
  if [ "$1" = homepage ]; then
    # The repository's own site: everything but the engine, its tests and the build outputs.
    (cd "$2" && tar --exclude=./.git --exclude=./src --exclude=./tests --exclude=./bench --exclude=./_site \
        --exclude=./.jekyll-cache --exclude=./artifacts --exclude=./TestResults --exclude='*/bin' --exclude='*/obj' -cf - .) | tar -xf - -C "$3"
  else
    cp -a "$2/." "$3/"
  fi
  find "$3" -exec touch -h -d '2024-01-01 00:00:00 UTC' {} +
}

build() { # NAME SOURCE
  local name=$1 src=$2 copy="$work/$1/src" out="$work/$1/out" args=""
  copy_site "$name" "$src" "$copy"
  [ -f "$src/.jekyll-args" ] && args=$(cat "$src/.jekyll-args")
  # shellcheck disable=SC2086
  (cd "$copy" && env -u JEKYLL_ENV TZ=UTC FAKETIME_DONT_FAKE_MONOTONIC=1 NO_FAKE_STAT=1 \
      faketime -f '2024-01-01 00:00:00' jekyll build --quiet -s . -d "$out" $args)
  rm -rf "$here/_expected/$name"
  mkdir -p "$here/_expected"
  cp -a "$out" "$here/_expected/$name"
  echo "$name: $(find "$here/_expected/$name" -type f | wc -l) files"
}

names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  names=(homepage new-site)
  for dir in "$here"/*/; do
    name=$(basename "$dir")
    [ "$name" = _expected ] && continue
    [ -f "$dir/_config.yml" ] && names+=("$name")
  done
fi
for name in "${names[@]}"; do
  case "$name" in
    homepage) build homepage "$repo" ;;
    new-site)
      SOURCE_DATE_EPOCH=1704067200 TZ=UTC dotnet run --project "$repo/src/Homepage.Cli" -- new "$work/new-site-sources" >/dev/null
      build new-site "$work/new-site-sources" ;;
    *) build "$name" "$here/$name" ;;
  esac
done
