# docker images, tag, image inspect, history, rmi.
docker rm -f $(docker ps -aq) >/dev/null 2>&1; docker rmi bb:one bb:two myorg/tool:1.0 >/dev/null 2>&1; true  # compare: none
docker images
docker images -q | wc -l
docker images --format '{{.Repository}}:{{.Tag}}'
docker images --format 'table {{.Repository}}\t{{.Tag}}'
docker image ls busybox --format '{{.Repository}}'
docker tag busybox bb:one
docker tag busybox:latest bb:two
docker tag busybox myorg/tool:1.0
docker images --format '{{.Repository}}:{{.Tag}}' | sort
docker images -q | sort -u | wc -l
docker images bb --format '{{.Tag}}' | sort
docker image inspect -f '{{.Config.Cmd}} {{.Config.Env}}' bb:one
docker inspect -f '{{.Os}} {{.Architecture}}' busybox
docker image inspect -f '{{json .Config.Cmd}}' busybox
docker history busybox  # compare: exit
docker history --format '{{.ID}}' busybox | head -n 1 | awk '{ print length($0) }'
docker rmi bb:one
docker rmi bb:two myorg/tool:1.0
docker rmi bb:one
docker images --format '{{.Repository}}:{{.Tag}}'
docker tag nosuchimage:1 x:1
docker image inspect nosuchimage
