import { describe, expect, it } from "vitest";
import { completeLine, kindAt, wordsBefore, type CompletionSource } from "./complete.ts";
import { applyCompletion, formatCandidates } from "./completion.ts";
import { createSimulator } from "../simulator.ts";

const source: CompletionSource = {
  containers: async () => ["web", "db", "webby"],
  images: async () => ["nginx:latest", "nginx:1.27", "redis:7"],
  volumes: async () => ["data", "logs"],
  networks: async () => ["bridge", "host", "none", "backend"],
  listDir: async (dir) => {
    const tree: Record<string, string[]> = { ".": ["Dockerfile", "app/", "compose.yaml", ".env"], "app/": ["main.py", "static/"] };
    const entries = tree[dir];
    if (!entries) throw new Error("ENOENT");
    return entries;
  },
};

/** The line after one Tab, with `‸` marking the cursor. */
async function tab(text: string): Promise<string> {
  const cursor = text.indexOf("‸");
  const line = text.replace("‸", "");
  const result = applyCompletion(line, cursor, await completeLine(line, cursor, source));
  return result.list.length > 0 ? `LIST ${result.list.join(" ")}` : `${result.line.slice(0, result.cursor)}‸${result.line.slice(result.cursor)}`;
}

describe("tab completion", () => {
  it("completes docker subcommands and management commands from the registry", async () => {
    expect(await tab("docker ima‸")).toBe("docker image‸");
    expect(await tab("docker image‸")).toBe("LIST image images");
    expect(await tab("docker vol‸")).toBe("docker volume ‸");
    expect(await tab("docker net‸")).toBe("docker network ‸");
    expect(await tab("docker comp‸")).toBe("docker compose ‸");
    expect(await tab("docker sys‸")).toBe("docker system ‸");
    expect(await tab("docker buil‸")).toBe("docker build‸");
    expect(await tab("docker build‸")).toBe("LIST build buildx");
    expect(await tab("dock‸")).toBe("docker‸");
    expect(await tab("docker‸")).toBe("LIST docker docker-compose");
    expect(await tab("docker container ls‸")).toBe("docker container ls ‸");
    expect(await tab("docker volume c‸")).toBe("docker volume create ‸");
  });

  it("completes flags declared by the command", async () => {
    expect(await tab("docker run --rm --na‸")).toBe("docker run --rm --name ‸");
    expect(await tab("docker ps --no-t‸")).toBe("docker ps --no-trunc ‸");
    expect(await tab("docker logs --fo‸")).toBe("docker logs --follow ‸");
    const { candidates } = await completeLine("docker run --", 13, source);
    expect(candidates).toContain("--publish");
    expect(candidates).toContain("--detach");
    expect(candidates).toContain("--help");
  });

  it("completes names from the engine where the usage line expects them", async () => {
    expect(await tab("docker stop w‸")).toBe("docker stop web‸");
    expect(await tab("docker stop web‸")).toBe("LIST web webby");
    expect(await tab("docker logs -f d‸")).toBe("docker logs -f db ‸");
    expect(await tab("docker rmi re‸")).toBe("docker rmi redis:7 ‸");
    expect(await tab("docker run -d --name x ngi‸")).toBe("docker run -d --name x nginx:‸");
    expect(await tab("docker volume rm d‸")).toBe("docker volume rm data ‸");
    expect(await tab("docker network rm b‸")).toBe("LIST backend bridge");
    expect(await tab("docker network connect backend w‸")).toBe("docker network connect backend web‸");
    expect(await tab("docker run --network ba‸")).toBe("docker run --network backend ‸");
    expect(await tab("docker run -v da‸")).toBe("docker run -v data:‸");
  });

  it("completes file names after -f and for path arguments", async () => {
    expect(await tab("docker build -f Do‸")).toBe("docker build -f Dockerfile ‸");
    expect(await tab("docker compose -f co‸")).toBe("docker compose -f compose.yaml ‸");
    expect(await tab("docker build a‸")).toBe("docker build app/‸");
    expect(await tab("cat app/m‸")).toBe("cat app/main.py ‸");
    expect(await tab("cat .e‸")).toBe("cat .env ‸");
    expect(await tab("cat nothing/he‸")).toBe("cat nothing/he‸");
  });

  it("leaves a container's command alone after the image", async () => {
    expect(await tab("docker run nginx:latest ec‸")).toBe("docker run nginx:latest ec‸");
  });

  it("completes compose subcommands", async () => {
    expect(await tab("docker compose u‸")).toBe("LIST unpause up");
    expect(await tab("docker compose -f compose.yaml do‸")).toBe("docker compose -f compose.yaml down ‸");
  });

  it("starts a new command after a pipe", async () => {
    expect(await tab("echo x | docker‸")).toBe("LIST docker docker-compose");
    expect(wordsBefore("docker ps && docker st", 22)).toEqual({ words: ["docker"], current: "st", start: 20 });
  });

  it("reads the kind of a positional argument from the usage line", () => {
    expect(kindAt("[OPTIONS] CONTAINER [CONTAINER...]", 3)).toBe("container");
    expect(kindAt("[OPTIONS] IMAGE [COMMAND] [ARG...]", 0)).toBe("image");
    expect(kindAt("[OPTIONS] IMAGE [COMMAND] [ARG...]", 1)).toBeUndefined();
    expect(kindAt("[OPTIONS] NETWORK CONTAINER", 1)).toBe("container");
    expect(kindAt("SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]", 0)).toBe("image");
  });

  it("lays out a list in columns", () => {
    expect(formatCandidates(["alpha", "beta", "gamma", "delta"], 20)).toEqual(["alpha  gamma", "beta   delta"]);
    expect(formatCandidates(["app/main.py", "app/static/"], 80)).toEqual(["main.py  static/"]);
  });

  it("works on a simulator's real engine and files", async () => {
    // Interactive, as in the browser: `docker run -it` then attaches a container's shell.
    const sim = createSimulator({ interactive: true });
    await sim.exec("docker volume create pgdata && mkdir site && echo hi > site/index.html");
    await sim.exec("docker create --name web busybox");
    const at = async (line: string) => (await sim.complete(line, line.length)).candidates;
    expect(await at("docker volume inspect pg")).toEqual(["pgdata"]);
    expect(await at("docker start w")).toEqual(["web"]);
    expect(await at("docker rmi busy")).toEqual(["busybox:latest"]);
    expect(await at("cat site/")).toEqual(["site/index.html"]);
    expect(await at("ls si")).toEqual(["site/"]);
    await sim.exec("docker run -it --name inside busybox sh");
    expect(await at("ls si")).toEqual([]);
    await sim.exec("exit");
    expect(await at("ls si")).toEqual(["site/"]);
  });
});
