# Published ports: the host reaches a container's server; a second binding of a port fails.
docker rm -f $(docker ps -aq) >/dev/null 2>&1; true  # compare: none
docker run -d --name site -p 18080:80 busybox sh -c 'mkdir -p /www && echo hello from busybox > /www/index.html && httpd -f -p 80 -h /www'  # compare: exit
docker port site
docker ps --format '{{.Names}} {{.Ports}}'
sleep 1; curl -s localhost:18080/
docker run -d --name clash -p 18080:80 busybox sleep 300  # compare: exit
docker inspect -f '{{.State.Status}}' clash
docker stop -t 1 site
docker rm -f site clash
