#!/usr/bin/env bash
# Writes the pathological inputs (the shapes bench/kramdown-pathological.sh times, at sizes the reference converts
# in seconds) and their expected HTML from the reference: Debian's Jekyll 4.3.1 and its kramdown 2.4 through Jekyll's
# own Markdown converter with Jekyll's default configuration. Needs: apt-get install jekyll
set -euo pipefail
cd "$(dirname "$0")"
python3 - <<'PY'
shapes = {
    'list-staircase-60': ''.join('  ' * k + '- x\n' for k in range(60)),
    'list-one-line-60': '- ' * 60 + 'x\n',
    'quote-staircase-60': ''.join('> ' * k + 'x\n' for k in range(1, 61)),
    'quote-one-line-200': '> ' * 200 + 'x\n',
    'emphasis-open-1000': ' '.join(['*a'] * 1000) + '\n',
    'emphasis-pairs-1000': ' '.join(['*a*'] * 1000) + '\n',
    'stars-2000': 'a' + '*' * 2000 + 'a\n',
    'brackets-open-2000': '[' * 2000 + '\n',
    'brackets-nested-100': '[' * 100 + 'a' + ']' * 100 + '\n',
    'table-rows-2000': '| a | b |\n|---|---|\n' + ''.join(f'| {i} | x{i} |\n' for i in range(2000)),
}
for name, text in shapes.items():
    open(name + '.md', 'w').write(text)
PY
for md in *.md; do
  timeout 600 ruby -e '
    require "jekyll"
    config = Jekyll::Configuration.from({})
    converter = Jekyll::Converters::Markdown.new(config)
    print converter.convert(File.read(ARGV[0], encoding: "UTF-8"))
  ' "$md" > "${md%.md}.html"
done
echo "regenerated $(ls *.md | wc -l) goldens"
