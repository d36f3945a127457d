#!/usr/bin/env bash
# Growth of the kramdown port on pathological inputs: each shape at sizes n, 2n, 4n and 8n, converted in a warm
# process (the median of several runs; of three such processes the fastest), with the growth from one size to the next. Linear time means the time grows as the
# input does (the last column, the exponent k in time ~ input^k, near 1). Where the HTML itself grows faster than the
# input (kramdown indents every nesting level, so n levels on one line print n^2 spaces), the output growth is printed
# too: no converter can beat it. kramdown's own time is printed beside ours for the sizes it finishes within the limit.
# Writes the tables to the end of docs/kramdown-benchmarks.md (below the marker line), or prints them only with --print.
#
#   bench/kramdown-pathological.sh [--print] [SHAPE...]      Needs: apt-get install jekyll (for the kramdown column)
#   KRAMDOWN_LIMIT=60 (seconds kramdown may take for one size; larger sizes of that shape are skipped after it fails)
#   KRAMDOWN=0 leaves kramdown out (ours only)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
print_only=false
if [ "${1:-}" = "--print" ]; then print_only=true; shift; fi
limit=${KRAMDOWN_LIMIT:-60}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shape name, base size n, what n counts
shapes=(
  "list-staircase 100 levels, one item per line, each indented two more"
  "list-one-line 250 levels on one line (- - - ... x)"
  "quote-staircase 100 levels, one line each (> x, > > x, ...)"
  "quote-one-line 500 levels on one line (> > > ... x)"
  "emphasis-open 5000 unclosed *a"
  "emphasis-pairs 5000 *a* pairs"
  "stars 10000 stars in a word"
  "brackets-open 5000 unclosed ["
  "brackets-nested 250 nested [[[ ... ]]]"
  "table-rows 1250 rows"
)
if [ $# -gt 0 ]; then
  selected=()
  for s in "${shapes[@]}"; do for want in "$@"; do [ "${s%% *}" = "$want" ] && selected+=("$s"); done; done
  shapes=("${selected[@]}")
fi
cat > "$work/gen.py" <<'PY'
import sys
shape, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
text = {
    'list-staircase': lambda: ''.join('  ' * k + '- x\n' for k in range(n)),
    'list-one-line': lambda: '- ' * n + 'x\n',
    'quote-staircase': lambda: ''.join('> ' * k + 'x\n' for k in range(1, n + 1)),
    'quote-one-line': lambda: '> ' * n + 'x\n',
    'emphasis-open': lambda: ' '.join(['*a'] * n) + '\n',
    'emphasis-pairs': lambda: ' '.join(['*a*'] * n) + '\n',
    'stars': lambda: 'a' + '*' * n + 'a\n',
    'brackets-open': lambda: '[' * n + '\n',
    'brackets-nested': lambda: '[' * n + 'a' + ']' * n + '\n',
    'table-rows': lambda: '| a | b |\n|---|---|\n' + ''.join(f'| {i} | x{i} |\n' for i in range(n)),
}[shape]()
open(path, 'w').write(text)
PY
cat > "$work/kramdown.rb" <<'RB'
require "jekyll"
conv = Jekyll::Converters::Markdown.new(Jekyll::Configuration.from({}))
conv.setup
parser = conv.instance_variable_get(:@parser)   # Jekyll's KramdownParser, without Jekyll's conversion cache
src = File.read(ARGV[0], encoding: "UTF-8")
runs = ARGV[1].to_i
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
have_ruby=false
[ "${KRAMDOWN:-1}" != 0 ] && ruby -e 'require "jekyll"' 2>/dev/null && have_ruby=true
out="$work/tables.md"
{
  echo "| shape | n | input | output | homepage | time growth | input growth | output growth | exponent | kramdown |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
} > "$out"
cat "$out"
for s in "${shapes[@]}"; do
  read -r name base what <<<"$s"
  prev_t=; prev_in=; prev_out=; kramdown_ok=$have_ruby
  for m in 1 2 4 8; do
    n=$((base * m)); f="$work/$name-$n.md"
    python3 "$work/gen.py" "$name" "$n" "$f"
    in_bytes=$(wc -c <"$f")
    runs=9; [ "$in_bytes" -gt 300000 ] && runs=5
    # three processes, each printing its median run; the smallest of the three is kept (the machine is shared: what
    # other work adds to a timing is never negative)
    t=; out_bytes=0
    for round in 1 2 3; do
      read -r r out_bytes < <(timeout 600 "$ours" kramdown "$f" "$runs" || echo "nan 0")
      t=$(python3 -c "
import math
v = [x for x in (float('$r'), float('${t:-inf}')) if not math.isnan(x) and not math.isinf(x)]
print(min(v) if v else 'inf')")
    done
    k="-"
    if $kramdown_ok; then
      if k=$(timeout "$limit" ruby "$work/kramdown.rb" "$f" 1 2>/dev/null); then k="$k ms"; else k="over ${limit} s or failed"; kramdown_ok=false; fi
    fi
    growth=("" "" "" "")
    if [ -n "$prev_t" ]; then
      growth=($(python3 -c "
import math
try:
    t, pt, i, pi, o, po = float('$t'), float('$prev_t'), $in_bytes, $prev_in, $out_bytes, $prev_out
    print(f'{t/pt:.1f}x {i/pi:.1f}x {o/po:.1f}x {math.log(t/pt)/math.log(i/pi):.2f}')
except Exception:
    print('- - - -')"))
    fi
    row="| $name | $n $what | $in_bytes | $out_bytes | $t ms | ${growth[0]:-} | ${growth[1]:-} | ${growth[2]:-} | ${growth[3]:-} | $k |"
    echo "$row" | tee -a "$out"
    prev_t=$t; prev_in=$in_bytes; prev_out=$out_bytes
  done
done
if ! $print_only; then
  doc="$repo/docs/kramdown-benchmarks.md"
  marker="## Pathological inputs"
  tmp="$work/doc.md"
  if grep -q "^$marker" "$doc"; then sed "/^$marker/,\$d" "$doc" > "$tmp"; else cp "$doc" "$tmp"; echo >> "$tmp"; fi
  {
    echo "$marker"
    echo
    echo "Generated by \`bench/kramdown-pathological.sh\` on $(date -u +%Y-%m-%d) ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg) when it ended)."
    echo "Each shape at n, 2n, 4n, 8n; median of one conversion in a warm process, the least of three processes; growth from the size above; exponent:"
    echo "k in time ~ input^k between the two sizes (1 is linear). kramdown: one conversion (Ruby $(ruby -e 'print RUBY_VERSION' 2>/dev/null || echo '-'))."
    echo
    cat "$out"
  } >> "$tmp"
  cp "$tmp" "$doc"
  echo "wrote docs/kramdown-benchmarks.md"
fi
