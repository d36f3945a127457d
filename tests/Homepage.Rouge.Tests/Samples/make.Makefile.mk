# Build the site
SITE ?= _site
DOTNET := dotnet
export PATH
include config.mk

.PHONY: build serve clean

build: $(SITE)/index.html

$(SITE)/index.html: index.md _config.yml
	@echo "building $@ from $<"
	$(DOTNET) run --project src/Homepage.Cli -- build -d $(SITE)

serve:
	-$(DOTNET) run --project src/Homepage.Cli -- serve $(patsubst %.md,%.html,$(wildcard *.md))

ifeq ($(OS),Windows_NT)
	RM = del
else
	RM = rm -rf
endif

clean:
	$(RM) $(SITE) .jekyll-cache # remove outputs

# ---- the rest of the build: assets, checks, deploy ----
SASS_FILES := $(shell find _sass -name '*.scss')
POSTS      := $(wildcard _posts/*.md)
HTML       := $(POSTS:_posts/%.md=$(SITE)/%.html)
VERSION    ?= $(shell git describe --tags --always 2>/dev/null || echo dev)
JOBS       := $(or $(NUM_JOBS),4)
CFLAGS     += -O2 -Wall
empty      :=
space      := $(empty) $(empty)
comma      := ,
define banner
	@printf '%s\n' "==> $(1)"
endef

override PORT = 4000
unexport SECRET_TOKEN
vpath %.scss _sass

.DEFAULT_GOAL := build
.SUFFIXES:
.SUFFIXES: .md .html
.ONESHELL:
.DELETE_ON_ERROR:

$(SITE)/assets/css/main.css: assets/css/main.scss $(SASS_FILES) | $(SITE)/assets/css
	$(call banner,compiling $<)
	$(DOTNET) run --project src/Homepage.Cli -- sass $< --style compressed -I _sass > $@

$(SITE)/assets/css:
	mkdir -p $@

%.html: %.md
	pandoc --from gfm --to html5 -o $@ $<

check: build
	@for f in $(HTML); do \
	  test -s "$$f" || { echo "missing $$f"; exit 1; }; \
	done
	@echo "checked $(words $(HTML)) pages, version $(VERSION)"

deploy: check
ifdef DEPLOY_HOST
	rsync -az --delete $(SITE)/ $(DEPLOY_HOST):/var/www/homepage/
else
	$(warning DEPLOY_HOST is not set; nothing deployed)
endif

ifneq (,$(filter serve,$(MAKECMDGOALS)))
  $(info serving on port $(PORT))
endif

ifndef CI
lint:
	npx stylelint "_sass/**/*.scss" || true
endif

print-%:
	@echo '$* = $($*)'

docs/%.pdf: docs/%.tex
	cd $(@D) && latexmk -pdf -interaction=nonstopmode $(<F)

.PRECIOUS: docs/%.aux
-include $(HTML:.html=.d)
sinclude local.mk
export VERSION JOBS
all: build check ## everything
	$(MAKE) -C docs JOBS=$(JOBS) $(subst $(space),$(comma),$(strip a b c))

help: ## list the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | \
	  awk 'BEGIN {FS = ":.*?## "}; {printf "%-12s %s\n", $$1, $$2}'

distclean: clean
	$(RM) -r node_modules .sass-cache
	@echo "removed everything generated" # done
.PHONY: check deploy lint help distclean all
