#!/usr/bin/env bash
# Generates a synthetic Jekyll site of N documents (posts) for the benchmark:
# front matter with categories and tags, Markdown with lists, tables, code and footnotes,
# includes with parameters, a two-level layout chain, pagination, a feed, a sitemap and a stylesheet.
#   bench/generate-site.sh N OUTDIR
set -euo pipefail
n=${1:?number of documents}
out=${2:?output folder}
rm -rf "$out"
mkdir -p "$out"/{_posts,_layouts,_includes,_sass,assets/css,_data}

cat > "$out/_config.yml" <<CFG
title: Benchmark site
description: A synthetic site of $n posts
url: https://bench.example.org
baseurl: ""
permalink: /:categories/:year/:month/:day/:title/
paginate: 10
paginate_path: /blog/page:num/
markdown: kramdown
sass:
  style: compressed
plugins: [jekyll-feed, jekyll-sitemap, jekyll-paginate]
CFG

cat > "$out/_data/authors.yml" <<'DATA'
alice: {name: Alice Example, email: alice@example.org}
bob: {name: Bob Example, email: bob@example.org}
DATA

cat > "$out/_layouts/base.html" <<'L'
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{% if page.title %}{{ page.title | escape }} | {% endif %}{{ site.title }}</title>
<link rel="stylesheet" href="{{ '/assets/css/main.css' | relative_url }}">
</head>
<body>
{% include nav.html current=page.url %}
<main>{{ content }}</main>
<footer>{{ site.time | date: "%Y" }} {{ site.title }}</footer>
</body>
</html>
L
cat > "$out/_layouts/post.html" <<'L'
---
layout: base
---
<article>
<h1>{{ page.title }}</h1>
{% include meta.html date=page.date author=page.author tags=page.tags %}
{{ content }}
{% if page.previous %}<a href="{{ page.previous.url | relative_url }}">Previous</a>{% endif %}
{% if page.next %}<a href="{{ page.next.url | relative_url }}">Next</a>{% endif %}
</article>
L
cat > "$out/_includes/nav.html" <<'L'
<nav>{% for item in site.data.nav %}<a href="{{ item.url }}"{% if include.current == item.url %} class="active"{% endif %}>{{ item.title }}</a>{% endfor %}</nav>
L
cat > "$out/_data/nav.yml" <<'L'
- {title: Home, url: /}
- {title: Blog, url: /blog/}
L
cat > "$out/_includes/meta.html" <<'L'
<p class="meta">{{ include.date | date_to_long_string }}{% assign a = site.data.authors[include.author] %}{% if a %} by {{ a.name }}{% endif %}{% for t in include.tags %} <span class="tag">{{ t | downcase }}</span>{% endfor %}</p>
L
cat > "$out/index.html" <<'L'
---
layout: base
title: Home
---
<ul>{% for post in site.posts limit:20 %}<li><a href="{{ post.url | relative_url }}">{{ post.title }}</a> {{ post.excerpt | strip_html | truncatewords: 12 }}</li>{% endfor %}</ul>
L
mkdir -p "$out/blog"
cat > "$out/blog/index.html" <<'L'
---
layout: base
title: Blog
---
{% for post in paginator.posts %}<h2><a href="{{ post.url | relative_url }}">{{ post.title }}</a></h2>{{ post.excerpt }}{% endfor %}
<p>Page {{ paginator.page }} of {{ paginator.total_pages }}{% if paginator.next_page %} <a href="{{ paginator.next_page_path | relative_url }}">Older</a>{% endif %}</p>
L
cat > "$out/_sass/_base.scss" <<'L'
$accent: #2a7ae2;
$sizes: (small: 0.8rem, normal: 1rem, large: 1.4rem);
@mixin bp($w) { @media (min-width: $w) { @content; } }
body { color: darken($accent, 20%); @include bp(40em) { font-size: map-get($sizes, large); } }
@each $name, $size in $sizes { .text-#{$name} { font-size: $size; } }
.meta { color: lighten($accent, 10%); .tag { background: rgba($accent, .1); } }
L
printf -- '---\n---\n@import "base";\n' > "$out/assets/css/main.scss"

cats=(research teaching news notes)
tags=(Python Jekyll Liquid Markdown Sass Ruby DotNet)
authors=(alice bob)
for ((i = 1; i <= n; i++)); do
  y=$((2000 + i % 24)); m=$((1 + i % 12)); d=$((1 + i % 28))
  date=$(printf '%04d-%02d-%02d' "$y" "$m" "$d")
  cat > "$out/_posts/$date-post-number-$i.md" <<POST
---
layout: post
title: "Post number $i"
categories: [${cats[$((i % 4))]}]
tags: [${tags[$((i % 7))]}, ${tags[$(((i + 3) % 7))]}]
author: ${authors[$((i % 2))]}
---
This is post **$i**, with *emphasis*, a [link](https://example.org/$i) and a footnote.[^1]

## A list

- first item of $i
- second item with \`code\`
  - nested item

| key | value |
|-----|-------|
| id  | $i    |
| sq  | $((i * i)) |

\`\`\`python
def post_$i(x):
    return x * $i  # comment
\`\`\`

{% include meta.html date=page.date author=page.author tags=page.tags %}

[^1]: The footnote of post $i.
POST
done
echo "generated $n posts in $out"
