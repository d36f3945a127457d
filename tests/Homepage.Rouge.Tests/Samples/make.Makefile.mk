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
