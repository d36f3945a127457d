#!/usr/bin/env bash
# Ruby Liquid (Debian's liquid 5.4 with Jekyll 4.3's tags and filters, as Jekyll renders a page) against Homepage's
# Liquid on the same templates and data: bench/liquid/ holds a layout with four includes and a blog index over 20
# posts (where, sort, group_by_exp, cycle, date filters, truncatewords...). Each side renders page-in-layout RUNS
# times after a two-second warm-up and reports the median; the two outputs must be identical. Writes the table to
# docs/liquid-benchmarks.md.       bench/liquid.sh [RUNS]       (default 500)
# Needs: apt-get install -y jekyll
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-500}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build "$repo/bench/Homepage.Benchmarks" -c Release -v quiet >/dev/null
dotnet build-server shutdown >/dev/null 2>&1 || true
bench="$repo/bench/Homepage.Benchmarks/bin/Release/net10.0/Homepage.Benchmarks.dll"

# Three processes per side, the median of their medians: this shared machine has slow and fast process runs.
median3() { sort -n | sed -n 2p; }
ruby_ms=$(for i in 1 2 3; do TZ=UTC ruby "$repo/bench/liquid-render.rb" "$repo/bench/liquid" "$runs" "$work/ruby.html" | cut -d' ' -f1; done | median3)
ours_ms=$(for i in 1 2 3; do TZ=UTC dotnet "$bench" liquid "$repo/bench/liquid" "$runs" "$work/ours.html" | cut -d' ' -f1; done | median3)
ruby_bytes=$(wc -c < "$work/ruby.html")
identical=yes
cmp -s "$work/ruby.html" "$work/ours.html" || identical=no
ratio=$(echo "scale=1; $ruby_ms / $ours_ms" | bc)
echo "ruby liquid ${ruby_ms} ms, homepage ${ours_ms} ms, ${ratio}x, identical: ${identical}"

cat > "$repo/docs/liquid-benchmarks.md" <<DOC
# Benchmark: Liquid rendering, Homepage vs Ruby Liquid

Measured on 2 cores, $(date -u +%Y-%m-%d), with \`bench/liquid.sh $runs\`: the blog index of \`bench/liquid/\` (a layout with
four includes, 20 posts through where, sort, group_by_exp, cycle, date and text filters) rendered inside its layout
$runs times after a two-second warm-up, median time per render (the median of three processes per side). Ruby side: Debian's Liquid 5.4 with Jekyll 4.3's tags
and filters (\`bench/liquid-render.rb\`, rendering as Jekyll does); Homepage side: \`Homepage.Benchmarks liquid\`.

| | Ruby Liquid 5.4 + Jekyll 4.3 | Homepage | speed-up | identical output |
|---|---|---|---|---|
| page in layout, 20 posts ($ruby_bytes bytes) | $ruby_ms ms | $ours_ms ms | ${ratio}x | $identical |
DOC
[ "$identical" = yes ] || { diff "$work/ruby.html" "$work/ours.html" | head -20; exit 1; }
