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
__END__
data after end
