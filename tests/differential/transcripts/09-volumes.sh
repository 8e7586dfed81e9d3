# Volumes: named data outliving containers, anonymous volumes, bind mounts from the host.
docker rm -f $(docker ps -aq) >/dev/null 2>&1; docker volume rm -f data >/dev/null 2>&1; rm -rf /tmp/dockyard-bind; true  # compare: none
docker volume create data
docker volume ls -q --filter name=data
docker run --name writer -v data:/data busybox sh -c 'echo kept > /data/file'
docker rm writer
docker run --rm -v data:/data busybox cat /data/file
docker volume inspect -f '{{.Name}} {{.Driver}} {{.Scope}} {{.Labels}}' data
docker run -d --name user -v data:/data busybox sleep 300  # compare: exit
docker volume rm data
docker rm -f user
docker volume rm data
docker volume inspect data
docker run --rm -v /scratch busybox sh -c 'echo anon > /scratch/x && cat /scratch/x'
docker run --name anon -v /scratch busybox true
docker inspect -f '{{range .Mounts}}{{.Type}} {{.Destination}} {{.RW}}{{end}}' anon
docker rm -v anon
mkdir -p /tmp/dockyard-bind && echo from-host > /tmp/dockyard-bind/in.txt
docker run --rm -v /tmp/dockyard-bind:/work busybox cat /work/in.txt
docker run --rm -v /tmp/dockyard-bind:/work busybox sh -c 'echo from-container > /work/out.txt'
cat /tmp/dockyard-bind/out.txt
docker run --rm -v /tmp/dockyard-bind:/work:ro busybox sh -c 'echo x > /work/y'  # compare: exit
docker run --rm --mount type=bind,source=/tmp/dockyard-bind,target=/w,readonly busybox cat /w/in.txt
docker inspect -f '{{range .Mounts}}{{.Type}} {{.Source}} {{.Destination}} {{.RW}}{{end}}' $(docker create -v /tmp/dockyard-bind:/work:ro busybox)
docker run --rm -v 'bad@name:/x' busybox true
rm -rf /tmp/dockyard-bind  # compare: none
