# A container's data is lost with it unless committed; rmi conflicts; container/image prune.
docker rm -f $(docker ps -aq) >/dev/null 2>&1; docker rmi saved:v1 saved:v2 >/dev/null 2>&1; true  # compare: none
docker run --name keep busybox sh -c 'echo saved > /data.txt'
docker run --rm busybox cat /data.txt
docker start -a keep
docker commit keep saved:v1  # compare: exit
docker run --rm saved:v1 cat /data.txt
docker history --format '{{.CreatedBy}}' saved:v1 | head -n 1
docker history -q saved:v1 | head -n 1 | awk '{ print length($0) }'
docker images --format '{{.Repository}}:{{.Tag}}' | sort
docker rmi busybox
docker rmi saved:v1
docker commit keep saved:v2  # compare: exit
docker commit keep saved:v2  # compare: exit
docker images --format '{{.Repository}}:{{.Tag}}' | sort
docker images -f dangling=true -q | wc -l
docker image prune -f | grep -c '^deleted: sha256:'
docker images -f dangling=true -q | wc -l
docker rmi saved:v2
docker run --name done1 busybox true
docker run --name done2 busybox true
docker run -d --name alive busybox sleep 300  # compare: exit
docker container prune -f | grep -c '^[0-9a-f]\{64\}$'
docker ps -a --format '{{.Names}}'
docker container prune -f
docker image prune -f
docker rm -f alive
