# Renders bench/liquid's page inside its layout with Ruby Liquid 5.4 and Jekyll 4.3's tags and filters (the way
# Jekyll renders a page), RUNS times after a two-second warm-up; prints "<median ms> <output bytes>" and writes
# the output to OUT. Used by bench/liquid.sh.    ruby bench/liquid-render.rb DIR RUNS OUT
require "jekyll"
require "json"

dir, runs, out = ARGV[0], (ARGV[1] || 200).to_i, ARGV[2]
data = JSON.parse(File.read(File.join(dir, "data.json")))
site = Jekyll::Site.new(Jekyll.configuration(
  "source" => dir, "destination" => File.join(dir, "_site"), "quiet" => true,
  "baseurl" => data["site"]["baseurl"], "url" => data["site"]["url"]
))
page = Liquid::Template.parse(File.read(File.join(dir, "page.html")), line_numbers: true)
layout = Liquid::Template.parse(File.read(File.join(dir, "layout.html")), line_numbers: true)

render = lambda do
  info = { registers: { site: site, page: data["page"] } }
  content = page.render!(data, info)
  layout.render!(data.merge("content" => content), info)
end

html = render.call
start = Process.clock_gettime(Process::CLOCK_MONOTONIC)
html = render.call while Process.clock_gettime(Process::CLOCK_MONOTONIC) - start < 2
times = Array.new(runs) do
  t = Process.clock_gettime(Process::CLOCK_MONOTONIC)
  html = render.call
  (Process.clock_gettime(Process::CLOCK_MONOTONIC) - t) * 1000
end
File.write(out, html)
puts format("%.3f %d", times.sort[times.size / 2], html.bytesize)
