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

  it("an image built with a label", async () => {
    const built = ["printf 'FROM busybox\\nLABEL org.opencontainers.image.authors=\"me@example.com\"\\n' > Dockerfile", "docker build -t labelled ."];
    expect(await check(built, { kind: "image", ref: "labelled", labels: { "org.opencontainers.image.authors": "me@example.com" } })).toBe(true);
    expect(await check(built, { kind: "image", ref: "labelled", labels: { "org.opencontainers.image.authors": "you@example.com" } })).toBe(false);
    expect(await check(["docker pull busybox"], { kind: "image", ref: "busybox", labels: { "org.opencontainers.image.authors": "me@example.com" } })).toBe(false);
  });

  it("an image whose history has build steps in a given order", async () => {
    const build = (lines: string) => ["echo flask > requirements.txt", "echo 'print(1)' > app.py", `printf '${lines}' > Dockerfile`, "docker build -t app ."];
    const goal: Goal = { kind: "image", ref: "app", steps: ["COPY requirements.txt", "pip install", "COPY . ."] };
    expect(await check(build("FROM python:3.13-slim\\nWORKDIR /app\\nCOPY requirements.txt .\\nRUN pip install -r requirements.txt\\nCOPY . .\\n"), goal)).toBe(true);
    expect(await check(build("FROM python:3.13-slim\\nWORKDIR /app\\nCOPY . .\\nRUN pip install -r requirements.txt\\n"), goal)).toBe(false);
    expect(await check(build("FROM python:3.13-slim\\nWORKDIR /app\\nCOPY . .\\nCOPY requirements.txt .\\nRUN pip install -r requirements.txt\\n"), goal)).toBe(false);
    expect(goalSchema.safeParse({ kind: "image", ref: "app", steps: [] }).success).toBe(false);
  });

  it("a volume and a network that are gone", async () => {
    expect(await check(["docker volume create data"], { kind: "volume", name: "data", present: false })).toBe(false);
    expect(await check(["docker volume create data", "docker volume rm data"], { kind: "volume", name: "data", present: false })).toBe(true);
    expect(await check(["docker volume create other"], { kind: "volume", present: false })).toBe(false);
    expect(await check(["docker network create shop"], { kind: "network", name: "shop", present: false })).toBe(false);
    expect(await check(["docker network create shop", "docker network rm shop"], { kind: "network", name: "shop", present: false })).toBe(true);
    expect(await check([], { kind: "network", name: "bridge", present: false })).toBe(false);
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
