# stop, start, restart, pause/unpause, kill, wait, rename, create.
docker rm -f $(docker ps -aq) >/dev/null 2>&1; true  # compare: none
docker run -d --name web busybox sleep 300  # compare: exit
docker inspect -f '{{.State.Status}} {{.State.Running}}' web
docker stop -t 1 web
docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' web
docker ps -a --format '{{.Names}} {{.Status}}'
docker stop -t 1 web
docker start web
docker inspect -f '{{.State.Running}}' web
docker restart -t 1 web
docker inspect -f '{{.State.Status}} {{.RestartCount}}' web
docker pause web
docker inspect -f '{{.State.Status}} {{.State.Paused}}' web
docker ps --format '{{.Names}} {{.Status}}'
docker pause web
docker unpause web
docker unpause web
docker kill web
docker wait web
docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' web
docker kill web
docker rename web web2
docker ps -a --format '{{.Names}}'
docker rename web2 web2
docker start web2
docker kill -s KILL web2
docker wait web2
docker create --name made busybox echo created  # compare: exit
docker ps -a --format '{{.Names}} {{.Status}}'
docker start -a made
docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' made
docker start made
docker wait made
docker run -d --name quick busybox sh -c 'exit 7'  # compare: exit
docker wait quick
docker rm made web2 quick
docker run --rm busybox sh -c "trap 'echo cleanup' EXIT; trap 'echo int' INT; trap; echo work"
docker run -d --name polite busybox sh -c "trap 'echo bye; exit 0' TERM; echo started; while true; do sleep 1; done"  # compare: exit
sleep 1  # compare: none
docker stop -t 5 polite
docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' polite
docker logs polite
docker rm polite
