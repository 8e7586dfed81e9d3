# docker run: commands with arguments, -e, -w, -h, -u, --entrypoint, -i, --rm, exit codes.
docker rm -f $(docker ps -aq) >/dev/null 2>&1; true  # compare: none
docker run --rm busybox echo hello world
docker run --rm busybox sh -c 'echo out; echo err >&2'
docker run --rm busybox sh -c 'exit 3'
docker run --rm busybox false
docker run --rm -e GREETING=hi busybox sh -c 'echo $GREETING'
docker run --rm -e A=1 -e B=two busybox sh -c 'echo $A $B'
docker run --rm busybox sh -c 'echo $PATH'
docker run --rm busybox sh -c 'echo $HOME'
docker run --rm -w /tmp busybox pwd
docker run --rm -w /made/by/run busybox pwd
docker run --rm -h myhost busybox hostname
docker run --rm -u nobody busybox id
docker run --rm -u 1234 busybox id -u
docker run --rm --entrypoint echo busybox hi there
docker run --rm --entrypoint /bin/sh busybox -c 'echo via entrypoint'
docker run --rm -l team=dockyard busybox true
echo piped | docker run --rm -i busybox cat
docker run --rm busybox ls /
docker run --rm busybox cat /etc/passwd
docker run --rm busybox cat /nonexistent
docker run --rm busybox sh -c 'echo $((6 * 7))'
docker run --rm busybox sh -c 'nosuchcmd'
docker run --rm busybox nosuchcmd
docker run --rm busybox /bin/nosuch
docker ps -a -q | wc -l
