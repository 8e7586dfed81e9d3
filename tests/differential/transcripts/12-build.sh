# docker build with busybox: what built images print, their config (inspect), history, and failures.
# The reference engine builds with the legacy builder and the simulator with BuildKit: only what both
# agree on is compared (README: "Builds"). Files live in /tmp/dyk-build (the real side runs each line
# in a fresh bash, so every line that needs it starts with cd).
docker rmi -f dyk-hello dyk-meta dyk-entry dyk-args >/dev/null 2>&1; rm -rf /tmp/dyk-build; mkdir -p /tmp/dyk-build/site; true  # compare: none
echo 'hello from the context' > /tmp/dyk-build/hello.txt  # compare: none
cat > /tmp/dyk-build/Dockerfile <<'EOF'
FROM busybox
COPY hello.txt /srv/
RUN echo "built at build time" > /srv/built.txt
CMD ["cat", "/srv/hello.txt", "/srv/built.txt"]
EOF
cd /tmp/dyk-build && docker build -q -t dyk-hello .  # compare: stdout,exit
docker run --rm dyk-hello
docker run --rm dyk-hello ls /srv
docker image inspect --format '{{json .Config.Cmd}} {{json .Config.Entrypoint}} {{.Config.WorkingDir}}|{{.Config.User}}' dyk-hello
docker history --no-trunc --format '{{.CreatedBy}}' dyk-hello | head -n 2 | sed -e 's|^/bin/sh -c #(nop) *||' -e 's|^RUN ||' -e 's| # buildkit$||'
docker history dyk-hello | wc -l
cat > /tmp/dyk-build/Dockerfile <<'EOF'
FROM busybox
LABEL org.example.team="docs" org.example.tier=web
ENV APP_HOME=/srv/app GREETING="hi there"
WORKDIR $APP_HOME
COPY hello.txt .
RUN echo "$GREETING from $(pwd)" > greeting.txt
EXPOSE 8080 53/udp
USER nobody
STOPSIGNAL SIGINT
VOLUME /data
CMD ["cat", "greeting.txt", "hello.txt"]
EOF
cd /tmp/dyk-build && docker build -q -t dyk-meta .  # compare: stdout,exit
docker run --rm dyk-meta
docker run --rm dyk-meta id -un
docker image inspect --format '{{json .Config.Cmd}}|{{json .Config.Entrypoint}}|{{.Config.WorkingDir}}|{{.Config.User}}|{{.Config.StopSignal}}' dyk-meta
docker image inspect --format '{{json .Config.Env}}' dyk-meta
docker image inspect --format '{{json .Config.ExposedPorts}}' dyk-meta
docker image inspect --format '{{json .Config.Labels}}' dyk-meta
docker image inspect --format '{{json .Config.Volumes}}' dyk-meta
docker inspect --format '{{range $k, $v := .Config.Labels}}{{$k}}={{$v}};{{end}}' dyk-meta
docker history --no-trunc --format '{{.CreatedBy}}' dyk-meta | head -n 6 | sed -e 's|^/bin/sh -c #(nop) *||' -e 's| # buildkit$||' | grep -v -E '^(EXPOSE|RUN|/bin/sh -c )'
cat > /tmp/dyk-build/Dockerfile <<'EOF'
FROM busybox
ENTRYPOINT ["echo", "entry:"]
CMD ["default", "args"]
EOF
cd /tmp/dyk-build && docker build -q -t dyk-entry .  # compare: stdout,exit
docker run --rm dyk-entry
docker run --rm dyk-entry given
docker run --rm --entrypoint cat dyk-entry /etc/hostname >/dev/null; echo $?
docker image inspect --format '{{json .Config.Cmd}} {{json .Config.Entrypoint}}' dyk-entry
cat > /tmp/dyk-build/Dockerfile <<'EOF'
ARG BASE=busybox
FROM ${BASE}
ARG VERSION=1.0
ENV SHOWN=v${VERSION}
RUN echo "version $VERSION" > /version
CMD ["sh", "-c", "cat /version; echo $SHOWN"]
EOF
cd /tmp/dyk-build && docker build -q -t dyk-args .  # compare: stdout,exit
docker run --rm dyk-args
cd /tmp/dyk-build && docker build -q --build-arg VERSION=2.5 -t dyk-args .  # compare: stdout,exit
docker run --rm dyk-args
docker image inspect --format '{{json .Config.Env}}' dyk-args
printf 'FROM busybox\nRUN echo failing && exit 3\n' > /tmp/dyk-build/Dockerfile  # compare: none
cd /tmp/dyk-build && docker build -q . >/dev/null 2>&1 || echo build failed
printf 'FROM busybox\nCOPY missing.txt /\n' > /tmp/dyk-build/Dockerfile  # compare: none
cd /tmp/dyk-build && docker build -q . >/dev/null 2>&1 || echo build failed
cd /tmp/dyk-build && docker build -q -f Nope.Dockerfile . >/dev/null 2>&1 || echo build failed
docker images --format '{{.Repository}}' | grep '^dyk-' | sort
docker rmi dyk-hello dyk-meta dyk-entry dyk-args >/dev/null; rm -rf /tmp/dyk-build  # compare: none
