import { describe, expect, it } from "vitest";
import { createSimulator, type TraceEvent } from "../../simulator/index.ts";
import { changes, emptySnapshot, readSnapshot, type Quiet } from "./model.ts";
import { renderHost, renderText } from "./render.ts";
import { en } from "../i18n/en.ts";

async function simWith(...lines: string[]) {
  const sim = createSimulator();
  for (const line of lines) {
    const result = await sim.exec(line);
    expect(result.exitCode, `${line}: ${result.stderr}`).toBe(0);
  }
  return sim;
}

describe("architecture snapshot", () => {
  it("reads containers with state, ports, networks and mounts; networks and volumes with their members", async () => {
    const sim = await simWith(
      "docker network create shop",
      "docker run -d --name web -p 8080:80 nginx:alpine",
      "docker run -d --network shop --name app -v data:/data busybox sleep 100",
      "docker run --name hello hello-world",
    );
    const snap = await readSnapshot(sim.engine);
    const byName = Object.fromEntries(snap.containers.map((c) => [c.name, c]));
    expect(byName["web"]).toMatchObject({ state: "running", image: "nginx:alpine", ports: [{ hostPort: "8080", containerPort: "80", proto: "tcp", active: true }], networks: ["bridge"] });
    expect(byName["app"]).toMatchObject({ state: "running", networks: ["shop"], mounts: [{ type: "volume", source: "data", dest: "/data" }] });
    expect(byName["hello"]).toMatchObject({ state: "exited", exitCode: 0 });
    expect(snap.networks.map((n) => n.name)).toEqual(["bridge", "shop"]);
    expect(snap.networks[0]!.members.slice().sort()).toEqual(["hello", "web"]);
    expect(snap.networks[1]!.members).toEqual(["app"]);
    expect(snap.volumes).toEqual([{ name: "data", label: "data", users: [{ name: "app", dest: "/data" }] }]);

    await sim.exec("docker stop web");
    const stopped = await readSnapshot(sim.engine);
    const web = stopped.containers.find((c) => c.name === "web")!;
    expect(web.state).toBe("exited");
    expect(web.ports).toEqual([{ hostPort: "8080", containerPort: "80", proto: "tcp", active: false }]);
  });

  it("finds the layers images share, newest first", async () => {
    const sim = await simWith("docker pull alpine", "docker pull nginx:alpine");
    const snap = await readSnapshot(sim.engine);
    const alpine = snap.images.find((i) => i.name === "alpine:latest")!;
    const nginx = snap.images.find((i) => i.name === "nginx:alpine")!;
    const base = alpine.layers[0]!;
    expect(nginx.layers.at(-1)).toBe(base);
    expect(snap.layerUse[base]!.sort()).toEqual(["alpine:latest", "nginx:alpine"]);
    const html = renderHost(en, snap);
    expect(html.match(new RegExp(`class="layer shared" data-key="l:${base}"`, "g"))).toHaveLength(2);
    expect(renderText(en, snap, { api: "", registry: "" })).toContain("(shared with nginx:alpine)");
  });

  it("shows a registry container as a second registry", async () => {
    const sim = await simWith("docker run -d --name reg -p 5000:5000 registry:2");
    const snap = await readSnapshot(sim.engine);
    expect(snap.registries).toEqual([{ host: "localhost:5000", container: "reg" }]);
  });

  it("reads quietly: its own API calls can be told apart from the learner's", async () => {
    const sim = await simWith("docker run -d --name web busybox sleep 100", "docker volume create vol");
    const seen: TraceEvent[] = [];
    let muted = false;
    sim.traces.subscribe((t) => {
      if (t.kind === "api" && !muted) seen.push(t);
    });
    const quiet: Quiet = (call) => {
      muted = true;
      try {
        return call();
      } finally {
        muted = false;
      }
    };
    await readSnapshot(sim.engine, quiet);
    expect(seen).toEqual([]);
  });

  it("lists what changed, for screen readers", async () => {
    const sim = await simWith("docker run -d --name web busybox sleep 100");
    const before = await readSnapshot(sim.engine);
    expect(changes(emptySnapshot, before)).toEqual([
      { type: "container", name: "web", state: "running", exitCode: 0, isNew: true },
      { type: "image", name: "busybox:latest", gone: false },
    ]);
    await sim.exec("docker kill web");
    await sim.exec("docker network create shop");
    const after = await readSnapshot(sim.engine);
    expect(changes(before, after)).toEqual([
      { type: "container", name: "web", state: "exited", exitCode: 137, isNew: false },
      { type: "network", name: "shop", gone: false },
    ]);
    await sim.exec("docker rm web");
    expect(changes(after, await readSnapshot(sim.engine))).toEqual([{ type: "container", name: "web", state: "removed", exitCode: 0, isNew: false }]);
  });
});
