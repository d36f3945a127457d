# syntax=docker/dockerfile:1.4
# A multi-stage build for a Jekyll-free homepage builder.
ARG DOTNET_VERSION=10.0
ARG NODE_VERSION="20"

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
LABEL maintainer="Ada Lovelace <ada@example.org>" \
      org.opencontainers.image.source="https://github.com/example/homepage"
WORKDIR /src

# Restore first, so the layer is cached between source changes
COPY Homepage.sln ./
COPY src/Homepage.Cli/Homepage.Cli.csproj src/Homepage.Cli/
COPY src/Homepage.Engine/*.csproj src/Homepage.Engine/
RUN dotnet restore src/Homepage.Cli/Homepage.Cli.csproj

COPY . .
RUN dotnet publish src/Homepage.Cli -c Release -o /out \
    --no-restore \
    -p:PublishSingleFile=true && \
    ls -la /out

RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends \
        ca-certificates \
        git \
        curl; \
    rm -rf /var/lib/apt/lists/*

run echo "lower-case instructions are fine too" > /tmp/note.txt
RUN for f in /out/*; do echo "built: $f"; done
RUN if [ -f /out/homepage ]; then chmod +x /out/homepage; else exit 1; fi
RUN VERSION=$(cat /src/VERSION 2>/dev/null || echo dev) && echo "version $VERSION"
RUN printf '%s\n' 'single quotes' "double \"quoted\" text" $HOME ${PATH}

FROM node:${NODE_VERSION}-alpine as assets
WORKDIR /assets
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY assets/ ./assets/
RUN npx sass assets/main.scss assets/main.css --style=compressed

FROM debian:bookworm-slim
ENV LANG=C.UTF-8 \
    TZ=UTC \
    HOMEPAGE_HOME=/srv/site
ENV PATH="/opt/homepage:${PATH}"
EXPOSE 4000/tcp
EXPOSE 35729
VOLUME ["/srv/site"]
USER 1000:1000
COPY --from=build /out/homepage /opt/homepage/homepage
COPY --from=assets --chown=1000:1000 /assets/assets/main.css /opt/homepage/theme/
ADD https://example.org/archive.tar.gz /tmp/archive.tar.gz
ADD ["local file.txt", "/opt/with space/"]

HEALTHCHECK --interval=30s --timeout=5s --retries=3 \
  CMD curl -fsS http://127.0.0.1:4000/ || exit 1

STOPSIGNAL SIGTERM
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "now in bash" | tee /tmp/shell.txt

ONBUILD COPY . /srv/site
ONBUILD RUN homepage build --source /srv/site
onbuild run echo "lower-case onbuild"

ENTRYPOINT ["/opt/homepage/homepage"]
CMD ["serve", "--host", "0.0.0.0", "--port", "4000"]

# Some lines that are not instructions at all
   # an indented comment
MAINTAINER Old Style <old@example.org>
unknownword with arguments = 42
RUN cat <<'HEREDOC' > /tmp/h.txt
not part of shell highlighting in rouge 3.30
HEREDOC

RUN python3 - <<EOF2
print("hello")
EOF2

RUN echo a \
  && echo b \
  # comment inside a continued RUN
  && echo c

RUN ["executable", "param1", "param2"]
RUN [ "spaced", "json" ]
COPY --link --chmod=755 scripts/*.sh /usr/local/bin/
WORKDIR $HOMEPAGE_HOME/build
ARG BUILD_DATE
LABEL build.date=$BUILD_DATE version=1.0 "quoted key"="quoted value"
EXPOSE 8080 8443
RUN echo "tab	separated" && \
	echo "tab-indented continuation"
RUN export X=1; echo $((X + 1)); echo ${X:-default} ${#X}
RUN test -d /srv || mkdir -p /srv && cd /srv && pwd
RUN echo 'unterminated quote continues
RUN echo "next line"
# the end
