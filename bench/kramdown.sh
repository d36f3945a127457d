#!/usr/bin/env bash
# Times kramdown (Debian's Jekyll 4.3.1 converter: kramdown 2.4, kramdown-parser-gfm, rouge) against our port side
# by side, each converting the same document repeatedly inside one warm process, and reports the median:
#   - 100 KB and 1 MB documents made of the realistic pages in tests/Homepage.Kramdown.Tests/Pages;
#   - pathological inputs (unclosed brackets and emphasis, deep quotes, a 10,000-row table).
# Writes the table to docs/kramdown-benchmarks.md.     bench/kramdown.sh     Needs: apt-get install jekyll
# KRAMDOWN_LIMIT=900: seconds kramdown may take for one case (over it, the row says so).
# bench/kramdown.sh CASE...: times only those cases (page-100k page-1m brackets-10k emphasis-10k quotes-1000-deep
# table-10k-rows); the table keeps the other rows as they were, so the header's date is that of the named ones.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$repo/tests/Homepage.Kramdown.Tests/Pages" "$work" <<'PY'
import glob, sys
pages = [open(f, encoding='utf-8').read() for f in sorted(glob.glob(sys.argv[1] + '/*.md'))]
doc, i = '', 0
while len(doc.encode()) < 100 * 1024:
    doc += pages[i % len(pages)] + '\n'; i += 1
open(sys.argv[2] + '/page-100k.md', 'w').write(doc)
open(sys.argv[2] + '/page-1m.md', 'w').write(doc * 10)
open(sys.argv[2] + '/brackets-10k.md', 'w').write('[' * 10000 + '\n')
open(sys.argv[2] + '/emphasis-10k.md', 'w').write(' '.join(['*a'] * 10000) + '\n')
open(sys.argv[2] + '/quotes-1000-deep.md', 'w').write('> ' * 1000 + 'deep\n')
open(sys.argv[2] + '/table-10k-rows.md', 'w').write('| a | b |\n|---|---|\n' + ''.join(f'| {i} | x{i} |\n' for i in range(10000)))
PY
cat > "$work/kramdown.rb" <<'RB'
require "jekyll"
conv = Jekyll::Converters::Markdown.new(Jekyll::Configuration.from({}))
conv.setup
parser = conv.instance_variable_get(:@parser)   # Jekyll's KramdownParser, without Jekyll's conversion cache
src = File.read(ARGV[0], encoding: "UTF-8")
runs = ARGV[1].to_i
parser.convert(src)
times = (1..runs).map { t = Process.clock_gettime(Process::CLOCK_MONOTONIC); parser.convert(src); (Process.clock_gettime(Process::CLOCK_MONOTONIC) - t) * 1000 }.sort
printf("%.1f\n", times[times.size / 2])
RB
# no build servers left behind to share the CPU with the timings (and none of anyone else's stopped)
dotnet build -c Release --disable-build-servers "$repo/bench/Homepage.Benchmarks" -v quiet >/dev/null
ours="$repo/bench/Homepage.Benchmarks/bin/Release/net10.0/Homepage.Benchmarks"
# Methods are compiled fully optimised at once (no tiering): the benchmark warms up for two seconds of wall time, and on
# a loaded machine the background compiler does not get through its queue in that time, so timings caught code still
# in its first, unoptimised tier. This only ever makes ours slower than the default steady state (no profile-guided
# recompilation), never faster.
export DOTNET_TieredCompilation=0
limit=${KRAMDOWN_LIMIT:-900}
least() { python3 -c "import sys; v = [float(x) for x in sys.argv[1:] if x not in ('', 'nan')]; print(f'{min(v):.1f}' if v else 'nan')" "$@"; }
rows=()
all_cases=(page-100k page-1m brackets-10k emphasis-10k quotes-1000-deep table-10k-rows)
cases=("${@:-${all_cases[@]}}")   # bench/kramdown.sh page-100k page-1m: only those; the other rows stay as they were
for case in "${cases[@]}"; do
  f="$work/$case.md"
  size=$(du -h --apparent-size "$f" | cut -f1)
  case $case in page-1m) kr=3 ;; brackets-10k|emphasis-10k) kr=1 ;; *) kr=5 ;; esac
  # Rounds of one kramdown process then one of ours, each printing its median run; of the rounds, the least of each
  # side is kept (on a shared machine what other work adds is never negative, and both sides get the same treatment).
  # A case kramdown takes minutes over gets one round.
  rounds=3; case $case in brackets-10k|emphasis-10k) rounds=1 ;; esac
  ks=(); hs=(); over=false
  for round in $(seq "$rounds"); do
    if ! $over; then
      if k=$(timeout "$limit" ruby "$work/kramdown.rb" "$f" "$kr" 2>/dev/null); then ks+=("$k"); else over=true; fi
    fi
    hs+=("$("$ours" kramdown "$f" 15 | cut -d' ' -f1)")
  done
  h=$(least "${hs[@]}")
  if [ ${#ks[@]} -gt 0 ]; then k=$(least "${ks[@]}"); else k="over $((limit * 1000))"; fi
  ratio=$(python3 -c "print(f'{float(\"$k\") / float(\"$h\"):.1f}x')" 2>/dev/null || echo "-")
  rows+=("| $case | $size | $k ms | $h ms | $ratio |")
  echo "${rows[-1]}"
done
# Growth: does ten times the input take at most twelve times as long? Both pages converted in turns inside each of
# three processes (ten of page-100k, then one page-1m, fifteen times; medians), so both see the same machine: across
# processes a shared machine's speed drifts by a third, which the least-of-rounds columns above cannot tell from growth.
growth=
if [[ " ${cases[*]} " == *" page-1m "* ]]; then
  ratios=()
  for round in 1 2 3; do ratios+=("$("$ours" kramdown-growth "$work/page-100k.md" "$work/page-1m.md" 15 | cut -d' ' -f3)"); done
  growth="page-1m takes $(python3 -c "import statistics, sys; print(f'{statistics.median(float(x) for x in sys.argv[1:]):.1f}')" "${ratios[@]}") times as long as page-100k (median of the three processes: ${ratios[*]})."
  echo "$growth"
fi
doc="$repo/docs/kramdown-benchmarks.md"
keep=$(mktemp)
# bench/kramdown-pathological.sh writes its tables below this heading: they stay
if [ -f "$doc" ] && grep -q '^## Pathological inputs' "$doc"; then sed -n '/^## Pathological inputs/,$p' "$doc" > "$keep"; fi
{
  echo "# kramdown: the port against kramdown 2.4, side by side"
  echo
  echo "Generated by \`bench/kramdown.sh\` on $(date -u +%Y-%m-%d) ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg) when it ended). Time of one"
  echo "conversion in a warm process, the median of several runs; of three such processes per side (one for the cases kramdown takes minutes over), taken in turns, the"
  echo "least: Jekyll's own kramdown converter (Ruby $(ruby -e 'print RUBY_VERSION')) and ours (.NET $(dotnet --version))."
  if [ ${#cases[@]} -lt ${#all_cases[@]} ]; then echo "Timed this time: ${cases[*]}; the other rows are from an earlier run of the script."; fi
  echo
  echo "| input | size | kramdown | homepage | speed-up |"
  echo "|---|---|---|---|---|"
  for case in "${all_cases[@]}"; do
    row=
    for r in "${rows[@]}"; do [[ "$r" == "| $case |"* ]] && row=$r; done
    [ -z "$row" ] && [ -f "$doc" ] && row=$(grep -m1 "^| $case |" "$doc" || true)
    [ -n "$row" ] && echo "$row"
  done
  if [ -n "$growth" ]; then echo; echo "Growth (10 times the input, converted in turns in one process): $growth"
  elif [ -f "$doc" ] && grep -q '^Growth ' "$doc"; then echo; grep -m1 '^Growth ' "$doc"; fi
  if [ -s "$keep" ]; then echo; cat "$keep"; fi
} > "$doc.new"
mv "$doc.new" "$doc"
rm -f "$keep"
echo "wrote docs/kramdown-benchmarks.md"
