import { describe, expect, it } from "vitest";
import { containerCreateBody, defaultPolicy, dockerfileBaseImages, execBody, imageAllowed, PolicyError, volumeCreateBody } from "./policy.ts";
import { readTar, tarArchive } from "./tar.ts";

const ctx = {
  policy: defaultPolicy,
  names: { volume: (n: string) => `dyS_${n}`, network: (n: string) => `dyS_${n}` },
  labels: { "dockyard.session": "S", "dockyard.gateway": "default" },
  imageExposedPorts: ["80/tcp"],
};

describe("the gateway's policy", () => {
  it("sets limits, capabilities, no-new-privileges, the log cap and the labels on every container", () => {
    const body = containerCreateBody({ Image: "busybox", Cmd: ["true"], Labels: { team: "a" } }, ctx);
    expect(body["Labels"]).toEqual({ team: "a", "dockyard.session": "S", "dockyard.gateway": "default" });
    expect(body["HostConfig"]).toMatchObject({
      Memory: 268435456,
      MemorySwap: 268435456,
      NanoCpus: 500000000,
      PidsLimit: 128,
      CapDrop: ["ALL"],
      CapAdd: ["CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "SETGID", "SETUID", "NET_BIND_SERVICE"],
      SecurityOpt: ["no-new-privileges:true"],
      Privileged: false,
      LogConfig: { Type: "json-file", Config: { "max-size": "1m", "max-file": "1" } },
    });
  });

  it("maps named volumes and networks to the session, keeps anonymous volumes, and publishes on loopback", () => {
    const body = containerCreateBody({ Image: "nginx", HostConfig: { Binds: ["data:/data:ro", "/cache"], NetworkMode: "backend", PortBindings: { "80/tcp": [{ HostIp: "", HostPort: "8080" }] }, PublishAllPorts: true } }, ctx);
    expect(body["HostConfig"]).toMatchObject({ Binds: ["dyS_data:/data:ro", "/cache"], NetworkMode: "dyS_backend", PortBindings: { "80/tcp": [{ HostIp: "127.0.0.1", HostPort: "8080" }] } });
    const all = containerCreateBody({ Image: "nginx", HostConfig: { PublishAllPorts: true } }, ctx);
    expect((all["HostConfig"] as { PortBindings: unknown }).PortBindings).toEqual({ "80/tcp": [{ HostIp: "127.0.0.1", HostPort: "" }] });
  });

  it("lets the operator publish on every interface", () => {
    const body = containerCreateBody({ Image: "nginx", HostConfig: { PortBindings: { "80/tcp": [{ HostIp: "0.0.0.0", HostPort: "80" }] } } }, { ...ctx, policy: { ...defaultPolicy, allowPublicPorts: true } });
    expect((body["HostConfig"] as { PortBindings: unknown }).PortBindings).toEqual({ "80/tcp": [{ HostIp: "0.0.0.0", HostPort: "80" }] });
  });

  it("refuses with a message that names what was refused", () => {
    const refusal = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        expect(error).toBeInstanceOf(PolicyError);
        return (error as Error).message;
      }
      return "not refused";
    };
    expect(refusal(() => containerCreateBody({ Image: "busybox", HostConfig: { Privileged: true } }, ctx))).toBe("refused by the Dockyard gateway's policy: privileged containers (--privileged)");
    expect(refusal(() => containerCreateBody({ Image: "busybox", HostConfig: { Binds: ["/etc:/etc2"] } }, ctx))).toBe("refused by the Dockyard gateway's policy: host bind mounts (-v /etc:/etc2); use a named volume instead");
    expect(refusal(() => volumeCreateBody({ DriverOpts: { type: "none", o: "bind", device: "/" } }, "v", {}))).toBe("refused by the Dockyard gateway's policy: volume driver options (type, device, o can mount host paths)");
    expect(refusal(() => execBody({ Cmd: ["sh"], Privileged: true }))).toBe("refused by the Dockyard gateway's policy: privileged exec (--privileged)");
    // Zero values are what clients send when nothing was asked for.
    expect(refusal(() => containerCreateBody({ Image: "busybox", HostConfig: { Privileged: false, CapAdd: [], Sysctls: {} } }, ctx))).toBe("not refused");
  });

  it("reads the allowlist by repository, whatever the tag or spelling", () => {
    for (const ref of ["busybox", "busybox:1.36", "docker.io/library/nginx:alpine", "library/redis", "postgres@sha256:" + "a".repeat(64)]) expect(imageAllowed(defaultPolicy, ref), ref).toBe(true);
    for (const ref of ["evil/busybox", "ghcr.io/library/busybox", "busyboxx", "<none>:<none>"]) expect(imageAllowed(defaultPolicy, ref), ref).toBe(false);
  });

  it("finds a Dockerfile's base images, resolving ARGs before FROM and skipping stages", () => {
    expect(dockerfileBaseImages("ARG BASE=busybox\nFROM ${BASE} AS build\nFROM build\nFROM alpine:3.22\nCOPY --from=build /a /a\n")).toEqual(["busybox", "alpine:3.22"]);
    expect(dockerfileBaseImages("ARG BASE=busybox\nFROM $BASE\n", { BASE: "evil/x" })).toEqual(["evil/x"]);
  });
});

describe("build context tars", () => {
  it("round-trips files, folders, modes and links", () => {
    const entries = [
      { path: "site", type: "dir" as const, mode: 0o755 },
      { path: "site/index.html", type: "file" as const, content: "<h1>hi</h1>\n", mode: 0o644 },
      { path: "run.sh", type: "file" as const, content: "echo ✓\n", mode: 0o755 },
      { path: "latest", type: "symlink" as const, linkTarget: "site/index.html", mode: 0o777 },
    ];
    expect(readTar(tarArchive(entries))).toEqual(entries);
  });
});
