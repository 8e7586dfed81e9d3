# docker exec and docker top on a running container.
docker rm -f $(docker ps -aq) >/dev/null 2>&1; true  # compare: none
docker run -d --name box busybox sleep 300  # compare: exit
docker exec box echo inside
docker exec box sh -c 'echo $HOME; pwd; whoami'
docker exec -w /tmp box pwd
docker exec -e X=1 box sh -c 'echo $X'
docker exec -u nobody box id
docker exec box sh -c 'exit 5'
docker exec box nosuchcmd
docker exec box sh -c 'echo data > /tmp/f'
docker exec box cat /tmp/f
echo from-stdin | docker exec -i box cat
docker exec box ps -o comm
docker top box -o pid,comm | awk '{ print $2 }'
docker top box  # compare: exit
docker exec box
docker exec nosuch ls
docker stop -t 1 box
docker exec box echo hi
docker start box
docker exec box cat /tmp/f
docker rm -f box
