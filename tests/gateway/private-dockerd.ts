/**
 * A dockerd of the test's own (socket, data-root, exec-root and pidfile under one folder), so a test
 * can restart it or load it heavily without disturbing the shared engine other suites use. It gets a
 * bridge of its own and no iptables: `--bridge=none` would make dockerd delete the host's docker0,
 * which the shared engine uses. busybox is copied from the shared engine.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { DockerClient, endpointFromEnv, readAll } from "../../server/docker-client.ts";
import { testDocker } from "./harness.ts";

export interface PrivateDockerd {
  host: string;
  docker: DockerClient;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stop, then remove its folder. */
  destroy(): Promise<void>;
}

/** Why a private dockerd cannot run here (not root, no dockerd), or undefined. */
export function privateDockerdUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return "a private dockerd needs root";
  const which = spawnSync("sh", ["-c", "command -v dockerd && command -v ip"], { encoding: "utf8" });
  if (which.status !== 0) return "dockerd or ip (iproute2) is not installed";
  return undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `bridge`: an interface name of at most 15 characters; `subnet`: its /24, e.g. 10.213.7.1/24. */
export function privateDockerd(dir: string, bridge: string, subnet: string): PrivateDockerd {
  const host = `unix://${dir}/docker.sock`;
  const docker = new DockerClient(endpointFromEnv({ DOCKER_HOST: host }));
  const pidfile = `${dir}/dockerd.pid`;
  const pid = () => (existsSync(pidfile) ? Number(readFileSync(pidfile, "utf8")) : undefined);
  const alive = (p: number | undefined) => {
    if (!p) return false;
    try {
      process.kill(p, 0);
      return true;
    } catch {
      return false;
    }
  };

  async function start(): Promise<void> {
    mkdirSync(`${dir}/data`, { recursive: true });
    mkdirSync(`${dir}/exec`, { recursive: true });
    if (spawnSync("ip", ["link", "show", bridge], { stdio: "ignore" }).status !== 0) {
      for (const args of [["link", "add", bridge, "type", "bridge"], ["addr", "add", subnet, "dev", bridge], ["link", "set", bridge, "up"]]) {
        const r = spawnSync("ip", args, { encoding: "utf8" });
        if (r.status !== 0) throw new Error(`ip ${args.join(" ")}: ${r.stderr}`);
      }
    }
    const child = spawn("dockerd", ["--host", host, "--data-root", `${dir}/data`, "--exec-root", `${dir}/exec`, "--pidfile", pidfile, `--bridge=${bridge}`, "--iptables=false", "--ip6tables=false", "--ip-forward=false", "--ip-masq=false", "--shutdown-timeout=1"], { detached: true, stdio: "ignore" });
    child.unref();
    for (let i = 0; i < 120; i++) {
      try {
        await docker.negotiate();
        break;
      } catch {
        if (child.exitCode !== null) throw new Error(`dockerd in ${dir} exited (${child.exitCode})`);
        await sleep(250);
      }
    }
    await docker.negotiate();
    const has = await docker.json("GET", "/images/busybox:latest/json").then(() => true, () => false);
    if (!has) {
      const shared = testDocker();
      await shared.negotiate();
      const tar = await shared.stream("GET", "/images/busybox:latest/get");
      const chunks: Buffer[] = [];
      for await (const c of tar as AsyncIterable<Buffer>) chunks.push(c);
      await readAll(await docker.stream("POST", "/images/load", { raw: Buffer.concat(chunks), query: { quiet: 1 } }));
    }
  }

  async function stop(): Promise<void> {
    const p = pid();
    if (!alive(p)) return;
    process.kill(p!, "SIGTERM");
    for (let i = 0; i < 120 && alive(p); i++) await sleep(250);
    if (alive(p)) process.kill(p!, "SIGKILL");
  }

  return {
    host,
    docker,
    start,
    stop,
    async destroy() {
      try {
        const list = await docker.json<{ Id: string }[]>("GET", "/containers/json", { query: { all: 1 } });
        await Promise.all(list.map((c) => docker.json("DELETE", `/containers/${c.Id}`, { query: { force: 1 } }).catch(() => {})));
        // Networks (each session's bridge) would leave their bridge interfaces and subnets on the host.
        const networks = await docker.json<{ Id: string; Name: string }[]>("GET", "/networks");
        for (const n of networks) if (!["bridge", "host", "none"].includes(n.Name)) await docker.json("DELETE", `/networks/${n.Id}`).catch(() => {});
      } catch {
        /* not running */
      }
      await stop();
      spawnSync("ip", ["link", "del", bridge], { stdio: "ignore" });
      spawnSync("umount", ["-R", `${dir}/exec`], { stdio: "ignore" });
      spawnSync("sh", ["-c", `grep -o ' ${dir}[^ ]*' /proc/mounts | sort -r | xargs -r -n1 umount -l`], { stdio: "ignore" });
      try {
        rmSync(dir, { recursive: true, force: true });
      } catch {
        /* a mount still busy: the folder is under /tmp */
      }
    },
  };
}
