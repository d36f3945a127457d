#!/usr/bin/env bash
# Regenerates NAME.html for every NAME.md here with the reference: Debian's Jekyll 4.3.1 and its kramdown 2.4,
# kramdown-parser-gfm and rouge, through Jekyll's own Markdown converter with Jekyll's default configuration
# (the path every .md page of a Jekyll site takes). Needs: apt-get install jekyll
set -euo pipefail
cd "$(dirname "$0")"
for md in *.md; do
  ruby -e '
    require "jekyll"
    config = Jekyll::Configuration.from({})
    converter = Jekyll::Converters::Markdown.new(config)
    print converter.convert(File.read(ARGV[0], encoding: "UTF-8"))
  ' "$md" > "${md%.md}.html"
done
echo "regenerated $(ls *.md | wc -l) goldens"
