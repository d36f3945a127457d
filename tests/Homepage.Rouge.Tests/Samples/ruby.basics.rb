# frozen_string_literal: true
require 'jekyll'
require_relative "lib/helper"

module Homepage
  module Plugins
    class PaperTag < Liquid::Tag
      VERSION = "1.0.#{2 + 3}"
      attr_reader :name, :year

      def initialize(tag_name, markup, tokens)
        super
        @name, @year = markup.strip.split(/\s+/, 2)
        @@count ||= 0
        @@count += 1
        $stderr.puts "loaded #{@name} (#$0)" if $DEBUG
      end

      def render(context)
        site = context.registers[:site]
        papers = site.data.fetch("papers", []).select { |p| p["year"].to_i >= 2020 }
        list = %w[alpha beta gamma] + %i(one two) + %q{single 'quoted'} .split
        text = <<~HTML
          <ul class="papers">
          #{papers.map { |p| "<li>#{p['title']}</li>" }.join("\n")}
          </ul>
        HTML
        ok = list.empty? ? :none : :some
        return nil unless ok == :some && !text.nil?
        x = 0x1f + 0b1010 + 017 + 1_000 + 3.14 + 2e10
        y = x > 10 ? 'big' : "small"
        text.gsub!(%r{</?ul[^>]*>}i, '') if y =~ /big/
        [x, y, ?a, :"quoted sym", :+, @name&.upcase]
      end

      private

      def self.helper(a, *rest, key: 1, **opts, &block) = block&.call(a)
    end
  end
end

Liquid::Template.register_tag('paper', Homepage::Plugins::PaperTag)
x = Class.new
puts "hello #{x}"
def greet(name = "world") = "Hi, #{name}!"

# --- a generator and a filter, as a Jekyll site's _plugins would have them --------------------------------------
module Jekyll
  class TagPageGenerator < Generator
    safe true
    priority :low

    def generate(site)
      return unless site.layouts.key?("tag")

      site.tags.each_pair do |tag, posts|
        dir = File.join("tags", Utils.slugify(tag))
        site.pages << TagPage.new(site, site.source, dir, tag, posts.sort_by(&:date).reverse)
      end
    rescue StandardError => e
      Jekyll.logger.warn "TagPage:", "#{e.class}: #{e.message}"
      raise if ENV.fetch("STRICT", "0") == "1"
    ensure
      @generated = true
    end
  end

  module ReadingTime
    WORDS_PER_MINUTE = 200.0
    PATTERN = /\b[\w'-]+\b/u

    def reading_time(input, wpm = WORDS_PER_MINUTE)
      words = input.to_s.scan(PATTERN).size
      minutes = (words / wpm).ceil
      case minutes
      when 0, 1 then "1 minute"
      when 2..59 then format("%d minutes", minutes)
      else
        hours, rest = minutes.divmod(60)
        "#{hours}h #{rest.zero? ? '' : "#{rest}m"}".strip
      end
    end

    def shout(input) = input.upcase.tr("aeiou", "*")
  end
end

Liquid::Template.register_filter(Jekyll::ReadingTime)

sql = <<-SQL.gsub(/\s+/, " ")
  SELECT * FROM papers WHERE year > #{Time.now.year - 5}
SQL
raw = <<~'RAW'
  No #{interpolation} here, \n stays.
RAW
lambda_ = ->(a, b = 2) { a**b }
proc_ = proc { |x, (y, z)| x + y * z }
hash = { "key" => 1, sym: 2, "quoted": 3, nil => nil, 1.5r => 3i }
puts hash.map { |k, v| "#{k.inspect}=#{v}" }.join("&") unless hash.frozen?
printf("%05.1f %s\n", 3.14159, 'pi') while false
BEGIN { $VERBOSE = nil }
__END__
data after end
