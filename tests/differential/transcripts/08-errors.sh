# Error texts and exit codes: unknown commands and flags, missing arguments, missing objects, conflicts.
docker rm -f $(docker ps -aq) >/dev/null 2>&1; true  # compare: none
docker frobnicate
docker run --nosuchflag busybox
docker ps --bogus
docker run
docker rm
docker logs
docker stop
docker exec onlyone
docker rename onlyone
docker tag busybox
docker rm nosuch
docker stop nosuch
docker start nosuch
docker restart nosuch
docker kill nosuch
docker pause nosuch
docker wait nosuch
docker logs nosuch
docker inspect nosuch
docker inspect -f '{{.Id}}' nosuch
docker rmi nosuchimage
docker rm nosuch1 nosuch2
docker run BusyBox
docker run busybox:Bad:tag
docker tag busybox 'Bad Name'
docker run -d --name busy busybox sleep 300  # compare: exit
docker run --name busy busybox true
docker rm busy
docker rmi busybox
docker rename busy ok2
docker run --rm busybox sh -c 'exit 42'
docker rm -f busy ok2 2>/dev/null  # compare: exit
docker rm -f nosuch
docker stop -t 1 nosuch
docker container frobnicate
