import { describe, expect, it } from "vitest";
import { testSimulator } from "../../../tests/unit/helpers.ts";
import type { DockerEvent, TraceEvent } from "../../engine/events.ts";
import type { Simulator } from "../../simulator.ts";

const DIGEST = /sha256:[0-9a-f]{64}/;

/** A registry:2 container publishing its port 5000 on `hostPort`, made and started through the engine. */
async function startRegistry(sim: Simulator, hostPort = "5000"): Promise<string> {
  await sim.exec("docker pull registry:2");
  const { Id } = await sim.engine.containerCreate({ Image: "registry:2", HostConfig: { PortBindings: { "5000/tcp": [{ HostIp: "", HostPort: hostPort }] } } });
  await sim.engine.containerStart(Id);
  return Id;
}

describe("docker push to Docker Hub", () => {
  it("is denied while logged out, for another user's namespace and for official images", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker pull busybox");
    await sim.exec("docker tag busybox alice/tools:1.0");
    const r = await sim.exec("docker push alice/tools:1.0");
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/^The push refers to repository \[docker\.io\/alice\/tools\]\n[0-9a-f]{12}: Preparing\n$/);
    expect(r.stderr).toBe("denied: requested access to the resource is denied\n");
    await sim.exec("docker login -u bob -p secret");
    expect((await sim.exec("docker push alice/tools:1.0")).stderr).toBe("denied: requested access to the resource is denied\n");
    const official = await sim.exec("docker push busybox");
    expect(official.stdout).toMatch(/^Using default tag: latest\nThe push refers to repository \[docker\.io\/library\/busybox\]\n/);
    expect(official.stderr).toBe("denied: requested access to the resource is denied\n");
  });

  it("pushes to the namespace of the user logged in, mounting layers from the image's source", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker pull busybox");
    await sim.exec("docker tag busybox alice/tools:1.0");
    await sim.exec("docker login -u alice -p secret");
    const r = await sim.exec("docker push alice/tools:1.0");
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^The push refers to repository \[docker\.io\/alice\/tools\]\n([0-9a-f]{12}): Preparing\n\1: Mounted from library\/busybox\n1\.0: digest: sha256:[0-9a-f]{64} size: \d+\n$/);
    const again = await sim.exec("docker push alice/tools:1.0");
    expect(again.stdout).toMatch(/\n[0-9a-f]{12}: Layer already exists\n1\.0: digest: /);
  });

  it("uploads layers made here", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run --name box busybox sh -c 'echo hi > /greeting'");
    await sim.exec("docker commit box alice/greeter");
    await sim.exec("docker login -u alice -p secret");
    const r = await sim.exec("docker push alice/greeter");
    expect(r.stdout).toMatch(/^Using default tag: latest\nThe push refers to repository \[docker\.io\/alice\/greeter\]\n([0-9a-f]{12}): Preparing\n([0-9a-f]{12}): Preparing\n\1: Pushed\n\2: Mounted from library\/busybox\nlatest: digest: sha256:[0-9a-f]{64} size: \d+\n$/);
  });

  it("stores the image: search finds it, and after rmi a pull brings back the same image", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker pull busybox");
    await sim.exec("docker tag busybox alice/tools:1.0");
    await sim.exec("docker login -u alice -p secret");
    const pushed = await sim.exec("docker push alice/tools:1.0");
    const digest = DIGEST.exec(pushed.stdout.split("1.0: digest: ")[1]!)![0];
    const id = (await sim.exec("docker image inspect -f '{{.Id}}' alice/tools:1.0")).stdout;
    expect(JSON.parse((await sim.exec("docker image inspect -f '{{json .RepoDigests}}' alice/tools:1.0")).stdout)).toContain(`alice/tools@${digest}`);

    const search = await sim.exec("docker search --format '{{.Name}}|{{.Description}}|{{.StarCount}}|{{.IsOfficial}}' alice");
    expect(search.stdout).toBe("alice/tools||0|\n");

    await sim.exec("docker rmi alice/tools:1.0 busybox");
    expect((await sim.exec("docker images -q")).stdout).toBe("");
    await sim.exec("docker logout");
    const pulled = await sim.exec("docker pull alice/tools:1.0");
    expect(pulled.exitCode).toBe(0);
    expect(pulled.stdout).toContain(`1.0: Pulling from alice/tools\n`);
    expect(pulled.stdout).toContain(`Digest: ${digest}\nStatus: Downloaded newer image for alice/tools:1.0\ndocker.io/alice/tools:1.0\n`);
    expect((await sim.exec("docker image inspect -f '{{.Id}}' alice/tools:1.0")).stdout).toBe(id);
    expect((await sim.exec("docker run --rm alice/tools:1.0 echo still busybox")).stdout).toBe("still busybox\n");
    expect((await sim.exec("docker pull -q alice/tools@" + digest)).exitCode).toBe(0);
  });

  it("reports what is missing locally as the daemon streams it", async () => {
    const { sim } = testSimulator();
    expect(await sim.exec("docker push alice/tools")).toEqual({
      exitCode: 1,
      stdout: "Using default tag: latest\nThe push refers to repository [docker.io/alice/tools]\n",
      stderr: "An image does not exist locally with the tag: alice/tools\n",
    });
    expect(await sim.exec("docker push -q nosuchimage")).toEqual({ exitCode: 1, stdout: "", stderr: "An image does not exist locally with the tag: nosuchimage\n" });
    await sim.exec("docker pull busybox");
    await sim.exec("docker tag busybox alice/tools:1.0");
    expect((await sim.exec("docker push alice/tools:2.0")).stderr).toBe("tag does not exist: alice/tools:2.0\n");
    expect((await sim.exec("docker push -a alice/tools:1.0")).stderr).toBe("tag can't be used with --all-tags/-a\n");
    expect((await sim.exec(`docker push alice/tools@sha256:${"a".repeat(64)}`)).stderr).toBe("cannot push a digest reference\n");
  });

  it("pushes every tag with -a, and prints only the reference with -q", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker pull busybox");
    await sim.exec("docker tag busybox alice/tools:1.0");
    await sim.exec("docker tag busybox alice/tools:latest");
    await sim.exec("docker login -u alice -p secret");
    const r = await sim.exec("docker push --all-tags alice/tools");
    expect(r.stdout.match(/^The push refers to repository/gm)).toHaveLength(1);
    expect(r.stdout).toMatch(/\n1\.0: digest: sha256:[0-9a-f]{64} size: \d+\n[0-9a-f]{12}: Preparing\n[0-9a-f]{12}: Layer already exists\nlatest: digest: /);
    expect(await sim.exec("docker image push -q alice/tools:1.0")).toEqual({ exitCode: 0, stdout: "docker.io/alice/tools:1.0\n", stderr: "" });
    expect((await sim.exec("docker pull -a alice/tools")).stdout).toContain("Status: Image is up to date for alice/tools:latest\n");
  });

  it("emits a push event and registry traces for the architecture view", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run --name box busybox touch /new");
    await sim.exec("docker commit box alice/app:1");
    await sim.exec("docker login -u alice -p secret");
    const events: DockerEvent[] = [];
    const traces: TraceEvent[] = [];
    sim.engine.subscribe((e) => events.push(e));
    sim.traces.subscribe((t) => traces.push(t));
    await sim.exec("docker push alice/app:1");
    expect(events.map((e) => `${e.Type} ${e.Action} ${e.Actor.ID}`)).toEqual(["image push alice/app:1"]);
    const layers = traces.filter((t) => t.kind === "registry" && t.action === "layer").map((t) => (t.kind === "registry" ? t.status : ""));
    expect(layers).toEqual(["pushing", "pushed", "mounted"]);
    expect(traces).toContainEqual({ kind: "registry", from: "daemon", to: "registry", action: "manifest", ref: "alice/app:1", status: "pushed" });
    expect(traces).toContainEqual({ kind: "api", from: "client", to: "daemon", method: "POST", path: "/images/alice/app/push?tag=1" });
  });
});

describe("a private registry", () => {
  it("exists only while a registry container publishes the port", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker pull busybox");
    await sim.exec("docker tag busybox localhost:5000/app");
    const push = await sim.exec("docker push localhost:5000/app");
    expect(push).toEqual({
      exitCode: 1,
      stdout: "Using default tag: latest\nThe push refers to repository [localhost:5000/app]\n",
      stderr: 'Get "http://localhost:5000/v2/": dial tcp [::1]:5000: connect: connection refused\n',
    });
    expect((await sim.exec("docker pull localhost:5000/app")).stderr).toBe('Error response from daemon: Get "http://localhost:5000/v2/": dial tcp [::1]:5000: connect: connection refused\n');
    expect((await sim.exec("docker pull 127.0.0.1:5000/app")).stderr).toBe('Error response from daemon: Get "http://127.0.0.1:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused\n');
  });

  it("fails to resolve a registry host that does not exist", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker pull busybox");
    await sim.exec("docker tag busybox registry.example.com/team/app:1");
    const lookup = 'Get "https://registry.example.com/v2/": dial tcp: lookup registry.example.com on 127.0.0.53:53: no such host';
    expect((await sim.exec("docker push registry.example.com/team/app:1")).stderr).toBe(`${lookup}\n`);
    expect((await sim.exec("docker pull registry.example.com/team/app:1")).stderr).toBe(`Error response from daemon: ${lookup}\n`);
  });

  it("round-trips an image: tag, push, rmi, pull", async () => {
    const { sim } = testSimulator();
    await startRegistry(sim);
    await sim.exec("docker run --name box busybox sh -c 'echo v1 > /version'");
    await sim.exec("docker commit box app");
    await sim.exec("docker tag app localhost:5000/app");
    const id = (await sim.exec("docker image inspect -f '{{.Id}}' app")).stdout;
    const push = await sim.exec("docker push localhost:5000/app");
    expect(push.exitCode).toBe(0);
    expect(push.stdout).toMatch(/^Using default tag: latest\nThe push refers to repository \[localhost:5000\/app\]\n[0-9a-f]{12}: Preparing\n[0-9a-f]{12}: Preparing\n[0-9a-f]{12}: Pushed\n[0-9a-f]{12}: Pushed\nlatest: digest: sha256:[0-9a-f]{64} size: \d+\n$/);
    expect((await sim.exec("docker rmi localhost:5000/app")).stdout).toBe("Untagged: localhost:5000/app:latest\n");
    await sim.exec("docker rmi app");
    const pull = await sim.exec("docker pull localhost:5000/app");
    expect(pull.stdout).toMatch(/^Using default tag: latest\nlatest: Pulling from app\n/);
    expect(pull.stdout).toMatch(/\nStatus: Downloaded newer image for localhost:5000\/app:latest\nlocalhost:5000\/app:latest\n$/);
    expect((await sim.exec("docker image inspect -f '{{.Id}}' localhost:5000/app")).stdout).toBe(id);
    expect((await sim.exec("docker run --rm localhost:5000/app cat /version")).stdout).toBe("v1\n");
    expect((await sim.exec("docker image inspect -f '{{json .RepoDigests}}' localhost:5000/app")).stdout).toMatch(/^\["localhost:5000\/app@sha256:[0-9a-f]{64}"\]\n$/);
    expect((await sim.exec("docker pull 127.0.0.1:5000/app")).exitCode).toBe(0);
    expect((await sim.exec("docker pull localhost:5000/nope")).stderr).toBe("Error response from daemon: manifest for localhost:5000/nope:latest not found: manifest unknown: manifest unknown\n");
  });

  it("mounts layers between repositories of the same registry, and keeps nothing in Docker Hub", async () => {
    const { sim } = testSimulator();
    await startRegistry(sim);
    await sim.exec("docker pull busybox");
    await sim.exec("docker tag busybox localhost:5000/one");
    await sim.exec("docker tag busybox localhost:5000/two");
    expect((await sim.exec("docker push localhost:5000/one")).stdout).toMatch(/\n[0-9a-f]{12}: Pushed\n/);
    expect((await sim.exec("docker push localhost:5000/two")).stdout).toMatch(/\n[0-9a-f]{12}: Mounted from one\n/);
    expect((await sim.exec("docker search --format '{{.Name}}' one")).stdout).toBe("");
  });

  it("keeps each registry's storage in its container, gone when the container is removed", async () => {
    const { sim } = testSimulator();
    const first = await startRegistry(sim);
    await startRegistry(sim, "5001");
    await sim.exec("docker pull busybox");
    await sim.exec("docker tag busybox localhost:5000/app");
    await sim.exec("docker push localhost:5000/app");
    await sim.exec("docker rmi localhost:5000/app");
    expect((await sim.exec("docker pull localhost:5001/app")).stderr).toBe("Error response from daemon: manifest for localhost:5001/app:latest not found: manifest unknown: manifest unknown\n");
    await sim.engine.containerStop(first);
    expect((await sim.exec("docker pull localhost:5000/app")).stderr).toMatch(/connect: connection refused\n$/);
    await sim.engine.containerStart(first);
    expect((await sim.exec("docker pull localhost:5000/app")).exitCode).toBe(0);
    await sim.engine.containerRemove(first, { force: true });
    await startRegistry(sim);
    expect((await sim.exec("docker pull localhost:5000/app")).stderr).toMatch(/manifest unknown: manifest unknown\n$/);
  });

  it("is served by `docker run -p 5000:5000 registry:2`", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run -d --name registry -p 5000:5000 registry:2");
    await sim.exec("docker pull hello-world");
    await sim.exec("docker tag hello-world localhost:5000/hello");
    expect((await sim.exec("docker push localhost:5000/hello")).exitCode).toBe(0);
    await sim.exec("docker rmi hello-world localhost:5000/hello");
    expect((await sim.exec("docker run --rm localhost:5000/hello")).stdout).toContain("Hello from Docker!");
  });
});
