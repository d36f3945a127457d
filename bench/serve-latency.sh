#!/usr/bin/env bash
# Save-to-reload latency of `homepage serve`: starts the server, listens on its live-reload event stream as a browser
# does, saves a file, and times from just before the save to the arrival of the reload event (the watcher's quiet
# period, the rebuild and the notification). Prints each site's median and range over RUNS saves.
#   bench/serve-latency.sh [RUNS]      default 10
# Sites: this repository's (an edit to _pages/about.md) and a synthetic 2,000-post site (an edit to one post).
# Needs: curl.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-10}
work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

dotnet publish "$repo/src/Homepage.Cli" -c Release -r linux-x64 -o "$work/tool" -v quiet >/dev/null
homepage="$work/tool/homepage"
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# measure NAME SOURCE FILE: RUNS saves of FILE (a line appended, then taken away again), one at a time.
measure() {
  local name=$1 src=$2 file=$3 port=$((4500 + RANDOM % 1000))
  "$homepage" serve -s "$src" -d "$work/site-$name" --port "$port" > "$work/serve-$name.log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do grep -q "Server running" "$work/serve-$name.log" && break; sleep 0.5; done
  grep -q "Server running" "$work/serve-$name.log" || { cat "$work/serve-$name.log" >&2; exit 1; }
  local events="$work/events-$name.log"
  : > "$events"
  (curl -sN "http://127.0.0.1:$port/__homepage/events" | while IFS= read -r line; do
     [ "$line" = "event: reload" ] && echo "$(( $(date +%s%N) / 1000000 ))" >> "$events"
   done) &
  local listener=$!
  sleep 1
  local original times=()
  original=$(cat "$src/$file")
  for i in $(seq 1 "$runs"); do
    local before seen started
    before=$(wc -l < "$events")
    started=$(now_ms)
    if (( i % 2 )); then printf '%s\n\nEdited %s.\n' "$original" "$i" > "$src/$file"; else printf '%s\n' "$original" > "$src/$file"; fi
    for _ in $(seq 1 400); do seen=$(wc -l < "$events"); (( seen > before )) && break; sleep 0.01; done
    (( seen > before )) || { echo "no reload after save $i" >&2; cat "$work/serve-$name.log" >&2; exit 1; }
    times+=($(( $(sed -n "$((before + 1))p" "$events") - started )))
    sleep 0.5
  done
  kill "$listener" 2>/dev/null || true
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
  local sorted
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  printf '%-28s median %4d ms   min %4d ms   max %4d ms   (%d saves of %s)\n' "$name" \
    "$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")" "$(echo "$sorted" | head -1)" "$(echo "$sorted" | tail -1)" "$runs" "$file"
}

mkdir -p "$work/homepage"
(cd "$repo" && tar --exclude=./.git --exclude=./src --exclude=./tests --exclude=./bench --exclude=./_site --exclude='*/bin' --exclude='*/obj' -cf - .) | tar -xf - -C "$work/homepage"
measure homepage "$work/homepage" _pages/about.md

bash "$repo/bench/generate-site.sh" 2000 "$work/posts-2000" >/dev/null
measure posts-2000 "$work/posts-2000" "_posts/$(ls "$work/posts-2000/_posts" | sed -n 1000p)"
