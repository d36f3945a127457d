#!/usr/bin/env bash
# Differential check of the kramdown port against the reference on any pile of Markdown: converts every *.md/*.markdown
# file under DIR (default: all of them on this machine outside the repository) with Debian's Jekyll 4.3.1 converter
# and with ours (Jekyll's kramdown defaults, syntax highlighting off so rouge lexers do not matter), and counts the
# byte-identical outputs.    bench/kramdown-differential.sh [DIR]      Needs: apt-get install jekyll
#                            bench/kramdown-differential.sh --random N  N random snippets of Markdown punctuation instead
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-/}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in" "$work/ref" "$work/our"
if [ "$dir" = "--random" ]; then
  python3 - "$work/in" "${2:-200}" <<'PY'
import random, sys
random.seed(20261124)
alphabet = list('*_[]`<>!() ab\n"\'-\\{:}~|#&;x1.$^=+') + ['\n', '    ', '> ', '- ', '1. ', '<div>', '</div>', '[^1]', '{: .c}', '&amp;']
for i in range(int(sys.argv[2])):
    text = ''.join(random.choice(alphabet) for _ in range(random.randint(20, 600)))
    open(f'{sys.argv[1]}/{i:05}.md', 'w').write(text + '\n')
PY
else
  i=0
  while IFS= read -r -d '' f; do
    i=$((i+1)); cp "$f" "$work/in/$(printf %05d $i).md"
  done < <(find "$dir" -xdev -type f \( -name '*.md' -o -name '*.markdown' \) -size +1k -size -300k \
             -not -path "$repo/*" -not -path '/proc/*' -not -path '/tmp/*' -print0 2>/dev/null)
fi
ruby -e '
  require "jekyll"
  config = Jekyll::Configuration.from({"kramdown" => {"syntax_highlighter" => "none"}})
  converter = Jekyll::Converters::Markdown.new(config)
  Dir[ARGV[0] + "/*.md"].each do |f|
    out = begin converter.convert(File.read(f, encoding: "UTF-8")) rescue "error: #{$!.class}" end
    File.write(ARGV[1] + "/" + File.basename(f, ".md") + ".html", out)
  end' "$work/in" "$work/ref"
dotnet run -c Release --project "$repo/bench/Homepage.Benchmarks" -- kramdown-dir "$work/in" "$work/our" >/dev/null
same=0; differ=0
for f in "$work/ref"/*.html; do
  if cmp -s "$f" "$work/our/$(basename "$f")"; then same=$((same+1)); else differ=$((differ+1)); echo "differs: $(basename "$f")"; fi
done
echo "identical: $same of $((same+differ)) documents ($(du -sh "$work/in" | cut -f1) of Markdown)"
