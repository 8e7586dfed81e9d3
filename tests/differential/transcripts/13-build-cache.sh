# The build cache: a rebuild keeps the image ID, a changed COPY source rebuilds from that step on,
# --no-cache still gives the same content; .dockerignore, multi-stage builds with COPY --from and
# --target, ADD's tar archives and ONBUILD triggers. Compared: what the images print and whether IDs
# stayed the same (both builders cache; their progress output differs and is not compared). The legacy
# builder builds every stage, BuildKit only those the target needs, so no stage here fails.
docker rmi -f dyk-cache dyk-multi dyk-stage dyk-tar dyk-base dyk-child >/dev/null 2>&1; rm -rf /tmp/dyk-cache; mkdir -p /tmp/dyk-cache/src /tmp/dyk-cache/site/css; true  # compare: none
echo one > /tmp/dyk-cache/app.txt; echo 'debug' > /tmp/dyk-cache/debug.log; echo A > /tmp/dyk-cache/src/a.txt; echo B > /tmp/dyk-cache/src/b.txt  # compare: none
cat > /tmp/dyk-cache/Dockerfile <<'EOF'
FROM busybox
RUN echo "deps installed" > /deps.txt
COPY app.txt /app/
RUN cat /deps.txt /app/app.txt > /app/report.txt
CMD ["cat", "/app/report.txt"]
EOF
cd /tmp/dyk-cache && docker build -q -t dyk-cache . > /tmp/dyk-cache/id1  # compare: exit
docker run --rm dyk-cache
cd /tmp/dyk-cache && docker build -q -t dyk-cache . > /tmp/dyk-cache/id2  # compare: exit
[ "$(cat /tmp/dyk-cache/id1)" = "$(cat /tmp/dyk-cache/id2)" ] && echo same image ID after an identical rebuild
echo two > /tmp/dyk-cache/app.txt  # compare: none
cd /tmp/dyk-cache && docker build -q -t dyk-cache . > /tmp/dyk-cache/id3  # compare: exit
[ "$(cat /tmp/dyk-cache/id2)" != "$(cat /tmp/dyk-cache/id3)" ] && echo new image ID after app.txt changed
docker run --rm dyk-cache
docker images -q -f dangling=true | wc -l
cd /tmp/dyk-cache && docker build -q -t dyk-cache . > /tmp/dyk-cache/id4  # compare: exit
[ "$(cat /tmp/dyk-cache/id3)" = "$(cat /tmp/dyk-cache/id4)" ] && echo same image ID again
docker history -q dyk-cache | wc -l
printf '*.log\nid*\n' > /tmp/dyk-cache/.dockerignore  # compare: none
printf 'FROM busybox\nCOPY . /ctx/\nRUN ls -a /ctx | sort\n' > /tmp/dyk-cache/Dockerfile  # compare: none
cd /tmp/dyk-cache && docker build -q -t dyk-cache . >/dev/null  # compare: exit
docker run --rm dyk-cache ls -a /ctx
rm /tmp/dyk-cache/.dockerignore  # compare: none
cat > /tmp/dyk-cache/Dockerfile <<'EOF'
FROM busybox AS build
WORKDIR /src
COPY src/ ./
RUN cat a.txt b.txt > all.txt

FROM busybox AS other
RUN echo other > /other.txt

FROM busybox
COPY --from=build /src/all.txt /all.txt
CMD ["cat", "/all.txt"]
EOF
cd /tmp/dyk-cache && docker build -q -t dyk-multi . >/dev/null 2>&1; echo $?
docker run --rm dyk-multi
cd /tmp/dyk-cache && docker build -q --target build -t dyk-stage . >/dev/null  # compare: exit
docker run --rm dyk-stage ls /src
docker image inspect --format '{{.Config.WorkingDir}}' dyk-stage
cd /tmp/dyk-cache && docker build -q --target nosuchstage . >/dev/null 2>&1 || echo no such target
echo '<h1>hi</h1>' > /tmp/dyk-cache/site/index.html; echo 'body{}' > /tmp/dyk-cache/site/css/main.css  # compare: none
cd /tmp/dyk-cache && tar -cf site.tar site && tar -czf site.tar.gz site  # compare: none
cat > /tmp/dyk-cache/Dockerfile <<'EOF'
FROM busybox
ADD site.tar /plain/
ADD site.tar.gz /gz
COPY site.tar /copied/
EOF
cd /tmp/dyk-cache && docker build -q -t dyk-tar . >/dev/null  # compare: exit
docker run --rm dyk-tar cat /plain/site/index.html /gz/site/css/main.css
docker run --rm dyk-tar ls /copied
cat > /tmp/dyk-cache/Dockerfile <<'EOF'
FROM busybox
ONBUILD COPY app.txt /onbuild/
ONBUILD RUN echo triggered > /onbuild/trigger.txt
CMD ["sh", "-c", "ls /onbuild 2>/dev/null || echo no /onbuild yet"]
EOF
cd /tmp/dyk-cache && docker build -q -t dyk-base . >/dev/null  # compare: exit
docker run --rm dyk-base
docker image inspect --format '{{json .Config.OnBuild}}' dyk-base
printf 'FROM dyk-base\nRUN cat /onbuild/trigger.txt /onbuild/app.txt > /both.txt\n' > /tmp/dyk-cache/Dockerfile  # compare: none
cd /tmp/dyk-cache && docker build -q -t dyk-child . >/dev/null  # compare: exit
docker run --rm dyk-child
docker run --rm dyk-child cat /both.txt
docker image inspect --format '{{json .Config.OnBuild}}' dyk-child
docker rmi dyk-cache dyk-multi dyk-stage dyk-tar dyk-base dyk-child >/dev/null; rm -rf /tmp/dyk-cache  # compare: none
