#!/usr/bin/env bash
# Start (or stop) a private Docker daemon for the differential suite, with busybox:latest made offline.
# Usage: .ci/dockerd.sh [start|stop|status]   (default: start)
# Prints `export DOCKER_HOST=...` on success; exits non-zero with a reason when no engine can run here.
set -euo pipefail

BASE="${DOCKYARD_DOCKERD_DIR:-/tmp/dockyard-dockerd}"
SOCK="$BASE/docker.sock"
PIDFILE="$BASE/pidfile"
LOG="$BASE/dockerd.log"
export DOCKER_HOST="unix://$SOCK"

say() { printf 'dockerd.sh: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

running() { [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }
answers() { docker info >/dev/null 2>&1; }

stop() {
  if running; then
    local pid; pid="$(cat "$PIDFILE")"
    say "stopping dockerd (pid $pid)"
    # Remove our containers first so their shims do not outlive the daemon.
    docker ps -aq 2>/dev/null | xargs -r docker rm -f >/dev/null 2>&1 || true
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && { say "dockerd did not exit, sending KILL"; kill -9 "$pid" 2>/dev/null || true; }
  else
    say "not running"
  fi
  rm -f "$PIDFILE" "$SOCK"
}

install_packages() {
  local missing=()
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  command -v busybox >/dev/null 2>&1 && busybox --list 2>/dev/null | grep -qx sh || missing+=(busybox-static)
  [ "${#missing[@]}" -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || die "need root to install ${missing[*]} (apt-get)"
  say "installing ${missing[*]} with apt"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null || die "apt-get update failed"
  # policy-rc.d keeps the package from starting the system-wide dockerd.
  local prc=/usr/sbin/policy-rc.d made_prc=0
  if [ ! -e "$prc" ]; then printf '#!/bin/sh\nexit 101\n' >"$prc"; chmod +x "$prc"; made_prc=1; fi
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || { [ $made_prc = 1 ] && rm -f "$prc"; die "apt-get install ${missing[*]} failed"; }
  [ $made_prc = 1 ] && rm -f "$prc"
  return 0
}

start_daemon() {
  mkdir -p "$BASE/data" "$BASE/exec"
  local extra=()
  # $1 = "fallback": no bridge and no iptables, for sandboxes without netfilter.
  [ "${1:-}" = fallback ] && extra=(--bridge=none --iptables=false --ip6tables=false)
  say "starting dockerd on $SOCK ${extra[*]:-}"
  # setsid: the daemon must not die with the shell that started it.
  setsid dockerd --host "unix://$SOCK" --data-root "$BASE/data" --exec-root "$BASE/exec" \
    --pidfile "$PIDFILE" "${extra[@]}" >"$LOG" 2>&1 </dev/null &
  local pid=$!
  for _ in $(seq 1 60); do
    answers && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  kill "$pid" 2>/dev/null || true; sleep 1
  rm -f "$PIDFILE" "$SOCK"
  return 1
}

# busybox:latest from Debian's static busybox, shaped like Docker Hub's busybox:latest
# (same top-level dirs, passwd/group, Env PATH and Cmd) so the simulator can be compared with it.
make_busybox() {
  docker image inspect busybox:latest >/dev/null 2>&1 && return 0
  local bb root applet
  bb="$(command -v busybox)"
  root="$(mktemp -d)"
  mkdir -p "$root"/{bin,dev,etc,home,lib,lib64,root,tmp,usr/sbin,var/spool/mail,var/www}
  cp "$bb" "$root/bin/busybox"
  for applet in $("$bb" --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
  done
  cat >"$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
bin:x:2:2:bin:/bin:/bin/false
sys:x:3:3:sys:/dev:/bin/false
sync:x:4:100:sync:/bin:/bin/sync
mail:x:8:8:mail:/var/spool/mail:/bin/false
www-data:x:33:33:www-data:/var/www:/bin/false
operator:x:37:37:Operator:/var:/bin/false
nobody:x:65534:65534:nobody:/home:/bin/false
PASSWD
  cat >"$root/etc/group" <<'GROUP'
root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mail:x:8:
kmem:x:9:
wheel:x:10:root
cdrom:x:11:
dialout:x:18:
floppy:x:19:
video:x:28:
audio:x:29:
tape:x:32:
www-data:x:33:
operator:x:37:
utmp:x:43:
plugdev:x:46:
staff:x:50:
lock:x:54:
netdev:x:82:
users:x:100:
nogroup:x:65534:
GROUP
  chmod 1777 "$root/tmp"
  chmod 700 "$root/root"
  tar --numeric-owner --owner=0 --group=0 -C "$root" -c . |
    docker import --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' --change 'CMD ["sh"]' - busybox:latest >/dev/null
  rm -rf "$root"
  say "created busybox:latest offline from $bb ($("$bb" 2>&1 | head -n 1 | cut -d' ' -f1-2))"
}

case "${1:-start}" in
  stop) stop; exit 0 ;;
  status) if running && answers; then echo "export DOCKER_HOST=$DOCKER_HOST"; exit 0; else exit 1; fi ;;
  start) ;;
  *) die "usage: $0 [start|stop|status]" ;;
esac

install_packages
command -v docker >/dev/null 2>&1 || die "no docker CLI on PATH"
if running && answers; then
  say "already running (pid $(cat "$PIDFILE"))"
else
  [ "$(id -u)" -eq 0 ] || die "need root to run dockerd"
  rm -f "$PIDFILE" "$SOCK"
  if ! start_daemon; then
    say "dockerd did not start with default networking (see $LOG); retrying without bridge/iptables"
    cp "$LOG" "$LOG.default" 2>/dev/null || true
    start_daemon fallback || { tail -n 20 "$LOG" >&2; die "dockerd cannot start here (see $LOG); skip the differential suite"; }
    say "NOTE: running with --bridge=none --iptables=false"
  fi
fi
make_busybox
echo "export DOCKER_HOST=$DOCKER_HOST"
