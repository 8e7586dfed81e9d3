# Named containers, name conflicts, docker logs.
docker rm -f $(docker ps -aq) >/dev/null 2>&1; true  # compare: none
docker run --name hello busybox echo hi
docker ps -a --format '{{.Names}} {{.Image}} {{.Command}} {{.Status}}'
docker run --name hello busybox echo again
docker logs hello
docker run --name lg busybox sh -c 'echo one; echo two; echo three'
docker logs lg
docker logs --tail 1 lg
docker logs -n 2 lg
docker logs -t lg
docker run --name lgerr busybox sh -c 'echo to-stderr >&2'
docker logs lgerr
docker logs lgerr 2>/dev/null
docker rm hello lg lgerr
docker ps -a -q | wc -l
docker run --name a busybox true
docker run --name 'bad name' busybox true
docker run -d --name bg busybox sleep 300  # compare: exit
docker ps --format '{{.Names}} {{.Command}} {{.Status}}'
docker inspect -f '{{.Name}} {{.State.Status}} {{.Config.Cmd}}' bg
docker inspect -f '{{.Config.Hostname}}' bg
docker stop -t 1 bg
docker ps -a --format '{{.Names}} {{.Status}}'
docker rm bg
