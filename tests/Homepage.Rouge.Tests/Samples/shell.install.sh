#!/bin/bash
# Install the site's dependencies
set -euo pipefail
export SITE_DIR="${HOME}/site"
cd "$SITE_DIR" && git pull --rebase origin main
for f in *.md; do
  echo "converting $f -> ${f%.md}.html"; pandoc -s "$f" -o "${f%.md}.html" 2>/dev/null || true
done
if [ -d _site ]; then rm -rf _site; fi
case "$1" in
  serve) bundle exec jekyll serve --livereload ;;
  *) echo "usage: $0 serve" >&2; exit 1 ;;
esac
count=$(( $(ls | wc -l) + 1 ))
cat <<EOF2
Built $count files at `date`
EOF2
ls -la | grep '^d' | awk '{print $9}'

# ---- deploy helpers ----
readonly DEST=${DEST:-/var/www/homepage}
declare -a FILES=()
declare -A SIZES=([index]=0 [about]=0)
LOG_FILE=$(mktemp -t deploy.XXXXXX)
trap 'rm -f "$LOG_FILE"; echo "cleaned up" >&2' EXIT INT TERM

log() {
  local level=$1; shift
  printf '%s [%-5s] %s\n' "$(date +%H:%M:%S)" "$level" "$*" | tee -a "$LOG_FILE"
}

die() { log ERROR "$@"; exit 2; }

function check_tools {
  local tool missing=0
  for tool in rsync ssh "${EXTRA_TOOLS[@]:-}"; do
    command -v "$tool" >/dev/null 2>&1 || { log WARN "missing $tool"; ((missing++)); }
  done
  return $(( missing > 0 ))
}

collect() {
  while IFS= read -r -d '' file; do
    FILES+=("$file")
    SIZES[${file##*/}]=$(stat -c %s "$file")
  done < <(find _site -type f -name '*.html' -print0)
  log INFO "collected ${#FILES[@]} files (first: ${FILES[0]:-none})"
}

upload() {
  local host=${1:?host required} port=${2:-22}
  rsync -az --delete -e "ssh -p $port" _site/ "$host:$DEST/" \
    --exclude '.git*' \
    --exclude "*.map" || die "rsync to $host failed with $?"
}

if ! check_tools; then
  die "install the missing tools first"
elif [[ ${CI:-false} == true && -z ${DEPLOY_HOST+x} ]]; then
  log WARN 'CI without DEPLOY_HOST: skipping upload'
  exit 0
else
  collect
fi

until [[ -f _site/index.html ]]; do sleep 1; done
select choice in deploy abort; do
  [[ $choice == deploy ]] && break || exit 1
done

version=$(git describe --tags --always 2>/dev/null)
name="${version//[^a-zA-Z0-9.]/-}"
upper=${name^^}; lower=${name,,}
echo "${#name} ${name:0:7} ${name/-/_} ${upper} ${lower}"
total=0
for ((i = 0; i < ${#FILES[@]}; i++)); do
  total=$((total + ${SIZES[${FILES[i]##*/}]:-0}))
done
echo "total: $((total / 1024)) KiB, octal $((8#755)), hex $((16#ff))"
exec 3> >(logger -t deploy)
echo "deploying $version" >&3
upload "${DEPLOY_HOST:-localhost}" 2222 &
wait $! && log INFO "done" || log ERROR "failed"
cat > "$DEST/VERSION" <<-'TXT'
	version: $version (not expanded)
	TXT
[ -n "$version" ] && [ "$version" != "unknown" ] && echo ok
getopts "hv:" opt && echo "$opt $OPTARG"
echo $'escaped\ttab' "$(( RANDOM % 6 + 1 ))" ~/site ./relative ../up *.txt {a,b,c}.log {1..3}

# ---- arithmetic, tests and traps in one place ----
if (( total > 1024 )) && [[ "$name" =~ ^v[0-9]+\.[0-9]+ ]]; then
  echo "release ${BASH_REMATCH[0]}"
fi
case "${version:-}" in
  v*.*.*) kind=release ;;
  *-dirty|*-g[0-9a-f]*) kind=dev ;;
  "") kind=unknown ;;
esac
printf -v padded '%08d' "$total"
IFS=: read -r user _ uid gid _ home shell < <(getent passwd "$USER")
echo "$kind $padded $user $uid $gid $home $shell" | sed -e 's/ /\t/g' -e "s|$HOME|~|"
# end of file
