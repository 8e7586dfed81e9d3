import { describe, expect, it } from "vitest";
import { checkGoal, type Goal } from "./goals.ts";
import { goalSchema } from "./goal-schema.ts";
import { testSimulator } from "../../tests/unit/helpers.ts";

const check = async (lines: string[], goal: Goal) => {
  const { sim } = testSimulator();
  for (const line of lines) await sim.exec(line);
  return checkGoal(sim.engine, goalSchema.parse(goal));
};

describe("exercise goals read the engine's state", () => {
  it("a running container from an image publishing a port", async () => {
    const goal: Goal = { kind: "container", image: "nginx", state: "running", publishes: 8080 };
    expect(await check(["docker run -d -p 8080:80 nginx"], goal)).toBe(true);
    expect(await check(["docker run -d -p 8081:80 nginx"], goal)).toBe(false);
    expect(await check(["docker run -d --name web -p 8080:80 nginx", "docker stop web"], goal)).toBe(false);
  });

  it("an image with a given CMD, and an image that is gone", async () => {
    const made = ["docker run --name c1 busybox true", "docker commit -c 'CMD [\"app.py\"]' c1 myapp:1.0"];
    expect(await check(made, { kind: "image", ref: "myapp:1.0", cmd: ["app.py"] })).toBe(true);
    expect(await check(made, { kind: "image", ref: "myapp:1.0", cmd: ["other"] })).toBe(false);
    expect(await check(["docker pull busybox", "docker rmi busybox"], { kind: "image", ref: "busybox", present: false })).toBe(true);
  });

  it("a volume that outlived its container", async () => {
    const goal: Goal = { kind: "volume", name: "data", unused: true };
    expect(await check(["docker run --name writer -v data:/data busybox true"], goal)).toBe(false);
    expect(await check(["docker run --name writer -v data:/data busybox true", "docker rm writer"], goal)).toBe(true);
  });

  it("no containers left, and a network with its members", async () => {
    expect(await check([], { kind: "containers", count: 0 })).toBe(true);
    expect(await check(["docker run hello-world"], { kind: "containers", count: 0 })).toBe(false);
    const net = ["docker network create shop", "docker run -d --name web --network shop nginx"];
    expect(await check(net, { kind: "network", name: "shop", members: ["web"] })).toBe(true);
    expect(await check(net, { kind: "network", name: "shop", members: ["db"] })).toBe(false);
  });

  it("rejects goals it does not know", () => {
    expect(goalSchema.safeParse({ kind: "container", colour: "blue" }).success).toBe(false);
    expect(goalSchema.safeParse({ kind: "typed", text: "docker ps" }).success).toBe(false);
  });
});
