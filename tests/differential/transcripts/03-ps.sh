# docker ps: tables, -a, -q, -n, -l, --no-trunc, --format.
docker rm -f $(docker ps -aq) >/dev/null 2>&1; true  # compare: none
docker ps
docker run --name p1 busybox true
docker run --name p2 busybox sh -c 'exit 1'
docker ps
docker ps -a
docker ps -a -q | wc -l
docker ps -a -n 1 --format '{{.Names}}'
docker ps -l --format '{{.Names}}'
docker ps -a --format '{{.Names}}'
docker ps -a --no-trunc --format '{{.Command}}'
docker ps -a --format 'table {{.Names}}\t{{.Status}}'
docker ps -a --format '{{.ID}}' | awk '{ print length($0) }'
docker ps -a --no-trunc -q | awk '{ print length($0) }'
docker container ls -a --format '{{.Names}}'
docker run -d --name up1 busybox sleep 300  # compare: exit
docker ps --format '{{.Names}} {{.Status}}'
docker ps -a --filter status=exited --format '{{.Names}}'
docker rm -f up1 p1 p2
