# User-defined networks: names and aliases through the embedded DNS; none on the default bridge.
docker rm -f $(docker ps -aq) >/dev/null 2>&1; docker network rm shop lab >/dev/null 2>&1; true  # compare: none
docker network create shop  # compare: exit
docker network ls --filter name=shop --format '{{.Name}} {{.Driver}} {{.Scope}}'
docker run -d --name web --network shop --network-alias store busybox sleep 300  # compare: exit
docker run --rm --network shop busybox ping -c 1 web | grep -c 'bytes from'
docker run --rm --network shop busybox ping -c 1 store | grep -c 'bytes from'
docker run --rm busybox ping -c 1 web
docker run -d --name plain busybox sleep 300  # compare: exit
docker run --rm busybox ping -c 1 $(docker inspect -f '{{.NetworkSettings.IPAddress}}' plain) | grep -c 'bytes from'
docker network create --subnet 10.123.0.0/24 lab  # compare: exit
docker run --rm --network lab --ip 10.123.0.50 busybox hostname -i
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}}{{end}}' lab
docker network connect lab plain
docker inspect -f '{{.NetworkSettings.Networks.lab.IPAddress}}' plain
docker network disconnect lab plain
docker network rm shop  # compare: exit
docker network rm bridge
docker run --network nope busybox true  # compare: exit
docker rm -f web plain  # compare: exit
docker network rm shop lab
