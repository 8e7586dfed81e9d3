/**
 * Escape attempts against the gateway: each is a distinct policy case, sent as raw JSON (a client
 * may send anything) or typed at the Dockyard CLI. Each must be refused with a clear message, and
 * nothing may reach dockerd: the session still has no containers, volumes or networks afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Gateway } from "../../server/gateway.ts";
import type { RemoteEngine } from "../../simulator/backend/remote-engine.ts";
import { createSimulator, type Simulator } from "../../simulator/simulator.ts";
import { connectEngine, engineUnavailable, testGateway } from "./harness.ts";

const unavailable = await engineUnavailable();
if (unavailable) console.warn(`gateway escape tests skipped: ${unavailable}`);

const base = { Image: "busybox", Cmd: ["true"] };
const host = (h: Record<string, unknown>) => ({ ...base, HostConfig: h });

/** [what, method, params, words the refusal must contain] */
const rawAttempts: [string, string, unknown[], string][] = [
  ["privileged", "containerCreate", [host({ Privileged: true })], "privileged"],
  ["cap-add SYS_ADMIN", "containerCreate", [host({ CapAdd: ["SYS_ADMIN"] })], "--cap-add"],
  ["cap-add ALL", "containerCreate", [host({ CapAdd: ["ALL"] })], "--cap-add"],
  ["cap-drop override", "containerCreate", [host({ CapDrop: ["CHOWN"] })], "--cap-drop"],
  ["device /dev/sda", "containerCreate", [host({ Devices: [{ PathOnHost: "/dev/sda", PathInContainer: "/dev/sda", CgroupPermissions: "rwm" }] })], "--device"],
  ["gpus", "containerCreate", [host({ DeviceRequests: [{ Count: -1, Capabilities: [["gpu"]] }] })], "--gpus"],
  ["device cgroup rule", "containerCreate", [host({ DeviceCgroupRules: ["c *:* rwm"] })], "--device-cgroup-rule"],
  ["seccomp unconfined", "containerCreate", [host({ SecurityOpt: ["seccomp=unconfined"] })], "--security-opt"],
  ["apparmor unconfined", "containerCreate", [host({ SecurityOpt: ["apparmor=unconfined"] })], "--security-opt"],
  ["sysctl", "containerCreate", [host({ Sysctls: { "kernel.shm_rmid_forced": "1" } })], "--sysctl"],
  ["runtime override", "containerCreate", [host({ Runtime: "io.containerd.runtime.v1.linux" })], "--runtime"],
  ["host pid namespace", "containerCreate", [host({ PidMode: "host" })], "--pid"],
  ["host ipc namespace", "containerCreate", [host({ IpcMode: "host" })], "--ipc"],
  ["host uts namespace", "containerCreate", [host({ UTSMode: "host" })], "--uts"],
  ["host user namespace", "containerCreate", [host({ UsernsMode: "host" })], "--userns"],
  ["host cgroup namespace", "containerCreate", [host({ CgroupnsMode: "host" })], "--cgroupns"],
  ["host network", "containerCreate", [host({ NetworkMode: "host" })], "--network host"],
  ["another container's network", "containerCreate", [host({ NetworkMode: "container:abc" })], "container:"],
  ["bind mount of /", "containerCreate", [host({ Binds: ["/:/host"] })], "host bind mounts"],
  ["bind mount of the docker socket", "containerCreate", [host({ Binds: ["/var/run/docker.sock:/var/run/docker.sock"] })], "host bind mounts"],
  ["relative bind mount", "containerCreate", [host({ Binds: ["./secrets:/s"] })], "host bind mounts"],
  ["--mount type=bind", "containerCreate", [host({ Mounts: [{ Type: "bind", Source: "/etc", Target: "/etc2" }] })], "type=bind"],
  ["volume mount with driver options", "containerCreate", [host({ Mounts: [{ Type: "volume", Source: "x", Target: "/x", VolumeOptions: { DriverConfig: { Name: "local", Options: { type: "none", o: "bind", device: "/" } } } }] })], "driver options"],
  ["volume driver", "containerCreate", [host({ VolumeDriver: "local-persist" })], "--volume-driver"],
  ["volumes-from", "containerCreate", [host({ VolumesFrom: ["other-session-db"] })], "--volumes-from"],
  ["cgroup parent", "containerCreate", [host({ CgroupParent: "/" })], "--cgroup-parent"],
  ["log driver override", "containerCreate", [host({ LogConfig: { Type: "syslog", Config: {} } })], "--log-driver"],
  ["memory above the limit", "containerCreate", [host({ Memory: 64 * 1024 ** 3 })], "a memory limit above 256 MiB (-m)"],
  ["unlimited swap", "containerCreate", [host({ MemorySwap: -1 })], "--memory-swap"],
  ["more CPUs than the limit", "containerCreate", [host({ NanoCpus: 8e9 })], "--cpus"],
  ["pids unlimited", "containerCreate", [host({ PidsLimit: -1 })], "--pids-limit"],
  ["oom killer off", "containerCreate", [host({ OomKillDisable: true })], "OOM"],
  ["unmasked /proc paths", "containerCreate", [host({ MaskedPaths: [] , ReadonlyPaths: ["/x"] })], "read-only path"],
  ["port on every interface", "containerCreate", [host({ PortBindings: { "80/tcp": [{ HostIp: "0.0.0.0", HostPort: "18080" }] } })], "0.0.0.0"],
  ["port on a public address", "containerCreate", [host({ PortBindings: { "80/tcp": [{ HostIp: "10.0.0.1", HostPort: "18080" }] } })], "10.0.0.1"],
  ["image outside the allowlist", "containerCreate", [{ Image: "evil/miner", Cmd: ["true"] }], "allowlist"],
  ["forged session label", "containerCreate", [{ ...base, Labels: { "dockyard.session": "someone-else" } }], "dockyard.session"],
  ["unknown top-level setting", "containerCreate", [{ ...base, Domainname: "x" }], "Domainname"],
  ["unknown host setting", "containerCreate", [host({ KernelMemoryTCP: 1 })], "KernelMemoryTCP"],
  ["pull outside the allowlist", "imagePull", ["docker.io/evil/miner:latest", {}], "allowlist"],
  ["volume with bind driver options", "volumeCreate", [{ Name: "hostroot", Driver: "local", DriverOpts: { type: "none", o: "bind", device: "/" } }], "driver options"],
  ["volume with another driver", "volumeCreate", [{ Name: "v", Driver: "sshfs" }], "volume driver"],
  ["macvlan network", "networkCreate", ["lan", { Driver: "macvlan" }], "network driver"],
  ["network driver options", "networkCreate", ["n", { Options: { "com.docker.network.bridge.name": "docker0" } }], "network driver options"],
  ["push to a registry", "imagePush", ["busybox", {}], "pushing"],
  ["registry login", "systemAuth", [{ serveraddress: "https://index.docker.io/v1/" }], "logins"],
  ["build from a disallowed image", "imageBuild", [[], { dockerfile: "FROM evil/miner\nRUN true\n", tags: ["x"] }], "allowlist"],
  ["build with RUN --mount", "imageBuild", [[], { dockerfile: "FROM busybox\nRUN --mount=type=bind,source=/,target=/h true\n", tags: ["x"] }], "RUN --mount"],
  ["a method that does not exist", "dockerRaw", [{ method: "POST", path: "/containers/create" }], "no method"],
];

describe.skipIf(unavailable !== undefined)("the gateway refuses escapes and never forwards them", () => {
  let gateway: Gateway;
  let engine: RemoteEngine;
  let sim: Simulator;

  beforeAll(async () => {
    gateway = await testGateway();
    engine = await connectEngine(gateway);
    sim = createSimulator({ engine });
  });
  afterAll(async () => {
    engine?.close();
    await gateway?.registry.sweep();
    await gateway?.close();
  });

  it(`has at least 30 distinct cases (${rawAttempts.length})`, () => {
    expect(new Set(rawAttempts.map((a) => a[0])).size).toBeGreaterThanOrEqual(30);
  });

  it.each(rawAttempts)("refuses %s", async (_what, method, params, words) => {
    const error = await engine.raw(method, params).then(() => undefined, (e: unknown) => e as Error);
    expect(error, "the call should have failed").toBeInstanceOf(Error);
    expect(error!.message).toContain(words);
    if (method !== "dockerRaw") expect(error!.message).toMatch(/^refused by the Dockyard gateway's policy: /);
  });

  it("an exec cannot be privileged", async () => {
    const { Id } = await engine.containerCreate({ Image: "busybox", Cmd: ["sleep", "60"] }, { name: "target" });
    await engine.containerStart(Id);
    const error = await engine.raw("containerExec", [Id, { Cmd: ["id"], Privileged: true }, {}]).then(() => undefined, (e: unknown) => e as Error);
    expect(error?.message).toBe("refused by the Dockyard gateway's policy: privileged exec (--privileged)");
    await engine.containerRemove(Id, { force: true });
  });

  it("typed at the terminal, escapes get Docker's error shape and exit code", async () => {
    const bind = await sim.exec("docker run --rm -v /:/host busybox ls /host");
    expect(bind.exitCode).toBe(125);
    expect(bind.stderr).toContain("docker: Error response from daemon: refused by the Dockyard gateway's policy: host bind mounts (-v /:/host); use a named volume instead");
    const mount = await sim.exec("docker run --rm --mount type=bind,source=/etc,target=/x busybox true");
    expect(mount.stderr).toContain("host bind mounts (--mount type=bind,source=/etc)");
    const net = await sim.exec("docker run --rm --network host busybox true");
    expect(net.stderr).toContain("the host's network namespace (--network host)");
    const port = await sim.exec("docker run -d -p 0.0.0.0:18081:80 busybox true");
    expect(port.stderr).toContain("publishing a port on 0.0.0.0");
    const image = await sim.exec("docker pull someone/cryptominer");
    expect(image.exitCode).toBe(1);
    expect(image.stderr).toContain('the image "someone/cryptominer" is not on this gateway\'s allowlist');
  });

  it("nothing refused reached the engine", async () => {
    expect(await engine.containerList({ all: true })).toEqual([]);
    expect(await engine.volumeList()).toEqual([]);
    expect((await engine.networkList()).map((n) => n.Name).sort()).toEqual(["bridge", "host", "none"]);
  });
});
