# docker run's limit and runtime options, docker cp both ways, docker events for one container, prune answers.
docker rm -f $(docker ps -aq) >/dev/null 2>&1; rm -rf /tmp/dyk-cp; true  # compare: none
docker run -d --name lim -m 256m --memory-swap 512m --pids-limit 100 --read-only busybox sleep 300  # compare: exit
docker inspect -f '{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}} {{.HostConfig.PidsLimit}} {{.HostConfig.ReadonlyRootfs}} {{.HostConfig.Privileged}}' lim
docker exec lim sh -c 'echo x > /x'
# just-bash's error sanitiser prints paths under /tmp, /usr, /etc... as <path>: compare the exit code only.
docker exec lim sh -c 'echo x > /tmp/x'  # compare: exit
docker rm -f lim  # compare: exit
docker run --rm -m abc busybox true
docker run --rm -m 1m busybox true
docker run --rm --cpus x busybox true
docker run --rm --add-host db.local:10.0.0.5 busybox grep db.local /etc/hosts
docker run --rm --dns 1.1.1.1 busybox cat /etc/resolv.conf
docker run --rm --stop-signal SIGINT busybox true
docker run -d --name stopper --stop-timeout 1 busybox sleep 300  # compare: exit
docker inspect -f '{{.Config.StopTimeout}}' stopper
docker stop stopper
docker inspect -f '{{.State.ExitCode}}' stopper
docker rm stopper
mkdir -p /tmp/dyk-cp/site && echo hello > /tmp/dyk-cp/site/index.html && echo note > /tmp/dyk-cp/note.txt
docker run -d --name box busybox sleep 300  # compare: exit
docker cp /tmp/dyk-cp/note.txt box:/tmp/
docker exec box cat /tmp/note.txt
docker cp /tmp/dyk-cp/site box:/srv
docker exec box ls /srv
docker cp /tmp/dyk-cp/site/. box:/tmp
docker exec box cat /tmp/index.html
docker cp box:/etc/hostname /tmp/dyk-cp/hostname
wc -l < /tmp/dyk-cp/hostname
docker cp box:/srv /tmp/dyk-cp/out
cat /tmp/dyk-cp/out/index.html
docker cp box:/nope /tmp/dyk-cp/
# the real CLI also logs its closed tar pipe here (level=error lines): compare the exit code.
docker cp /tmp/dyk-cp/site box:/etc/hostname  # compare: exit
docker cp /tmp/dyk-cp/missing box:/tmp
docker cp box:/etc/hostname /tmp/dyk-cp/no/such/dir/x
docker cp a b
docker cp box:/a other:/b
docker rm -f box  # compare: exit
date +%s > /tmp/dyk-cp/t0
docker run --name evbox busybox true
# dockerd looks up past events newest first and stops at the first older one, so another client's
# late event (the gateway suite's sweep) can hide these from the real engine: compare exit codes only.
docker events --since $(cat /tmp/dyk-cp/t0) --until 0s --filter container=evbox --format '{{.Type}} {{.Action}} {{.Actor.Attributes.name}}'  # compare: exit
docker events --since $(cat /tmp/dyk-cp/t0) --until 0s --filter container=evbox --filter event=die --format '{{.Actor.Attributes.exitCode}}'  # compare: exit
docker events --since $(cat /tmp/dyk-cp/t0) --until 0s --filter container=evbox --filter foo=bar --format "{{.Action}}"  # compare: exit
docker rm evbox
docker run --name stopped busybox true
echo n | docker container prune
docker ps -aq --filter name=stopped | wc -l
rm -rf /tmp/dyk-cp  # compare: none
