/**
 * Every lesson's exercise solutions, replayed unchanged on the real engine through the gateway. The
 * offline test engine has only busybox, so each session first gets busybox variants under the
 * lessons' image names (nginx:alpine, postgres, hello-world, ...: busybox committed with a command
 * that behaves alike); host ports move to free ones. Solutions that must pull or install from the
 * network cannot run offline and are listed, not run.
 */
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Gateway } from "../../server/gateway.ts";
import { checkGoals, type Goal } from "../../src/lessons/goals.ts";
import { createSimulator } from "../../simulator/simulator.ts";
import type { RemoteEngine } from "../../simulator/backend/remote-engine.ts";
import { connectEngine, engineUnavailable, testGateway } from "./harness.ts";

const unavailable = await engineUnavailable();
if (unavailable) console.warn(`gateway lesson replay skipped: ${unavailable}`);

interface Exercise {
  id: string;
  goals: Goal[];
  solution: string[];
}

const contentDir = new URL("../../content/", import.meta.url);
const lessons = readdirSync(contentDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

function lessonData(lesson: string): { exercises?: Exercise[]; files?: Record<string, string> } {
  const text = readFileSync(new URL(`${lesson}/en.mdx`, contentDir), "utf8");
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  return (match ? parse(match[1]!) : {}) as { exercises?: Exercise[]; files?: Record<string, string> };
}

/** Images the lessons use, with or without a tag: the offline engine has none of them. */
const lessonImages = /(?<![\w./-])(nginx|alpine|postgres|hello-world|httpd|redis|mysql|wordpress|python|node|ubuntu|debian)(:[\w.-]+)?(?![\w.:/-])/g;

/**
 * The stand-in for a lesson image: busybox committed in the session under the image's name, with a
 * command that behaves alike (a server keeps running and stops on SIGTERM; hello-world greets).
 */
function standInCmd(image: string): string[] | undefined {
  const name = image.split(":")[0]!;
  const serve = (program: string) => ["sh", "-c", `trap 'exit 0' TERM; ${program} & wait`];
  if (name === "hello-world") return ["echo", "Hello from Docker!"];
  if (name === "nginx" || name === "httpd") return serve("httpd -f -p 80");
  if (["postgres", "mysql", "redis", "wordpress"].includes(name)) return serve("sleep 3600");
  return undefined;
}

async function makeStandIns(engine: RemoteEngine, texts: string[]): Promise<void> {
  const wanted = new Set(texts.flatMap((t) => [...t.matchAll(lessonImages)].map((m) => m[0])));
  for (const image of wanted) {
    const { Id } = await engine.containerCreate({ Image: "busybox", Cmd: ["true"] });
    const cmd = standInCmd(image);
    await engine.containerCommit(Id, { reference: image, ...(cmd ? { changes: [`CMD ${JSON.stringify(cmd)}`] } : {}) });
    await engine.containerRemove(Id);
  }
}

/** Host ports of `-p 8080:80` and compose's `"8080:80"`, moved to free ones so runs do not collide. */
const remapPorts = (text: string, port: (p: number) => number) => text.replace(/(?<=(?:-p |["'\s-]))(\d{2,5}):(\d{1,5})(?=["'\s/\\]|$)/gm, (_m, host: string, target: string) => `${port(Number(host))}:${target}`);

const goalVariant = (goal: Goal, port: (p: number) => number): Goal => {
  const g = { ...goal } as Goal & { publishes?: number };
  if (g.publishes !== undefined) g.publishes = port(g.publishes);
  return g as Goal;
};

const cases = lessons.flatMap((lesson) => {
  const data = lessonData(lesson);
  return (data.exercises ?? []).map((e) => ({ lesson, files: data.files ?? {}, ...e }));
});
/** Pulls, and builds that install packages from the network, cannot run on the offline test engine. */
const needsNetwork = /\bdocker (image )?pull\b|apt-get|apk add|pip install|npm install/;
const offline = (e: Exercise & { files: Record<string, string> }) => {
  const dir = e.solution.map((l) => /^cd ~\/(\S+)/.exec(l)?.[1]).find(Boolean);
  const files = Object.entries(e.files).filter(([path]) => dir !== undefined && path.startsWith(`${dir}/`));
  return !e.solution.some((l) => needsNetwork.test(l)) && !files.some(([, text]) => needsNetwork.test(text));
};
// A removed shared image cannot be a goal on the real engine: the gateway keeps shared images.
const runnable = cases.filter((e) => offline(e) && !e.goals.some((g) => (g as { present?: boolean }).present === false));
const skipped = cases.filter((e) => !runnable.includes(e));
if (!unavailable && skipped.length) console.warn(`gateway lesson replay: not run offline (they pull or install from the network): ${skipped.map((e) => `${e.lesson}/${e.id}`).join(", ")}`);

describe.skipIf(unavailable !== undefined)("lesson solutions on the real engine (busybox variants)", () => {
  let gateway: Gateway;
  let nextPort = 18_100 + Math.floor(Math.random() * 500) * 10;

  beforeAll(async () => {
    gateway = await testGateway();
  });
  afterAll(async () => {
    await gateway?.registry.sweep();
    await gateway?.close();
  });

  it("has solutions to replay", () => {
    expect(runnable.length).toBeGreaterThan(5);
  });

  it.each(runnable.map((e) => [`${e.lesson}/${e.id}`, e] as const))("%s", async (_name, exercise) => {
    const ports = new Map<number, number>();
    const port = (p: number) => ports.get(p) ?? (ports.set(p, nextPort++), ports.get(p)!);
    const engine = await connectEngine(gateway);
    const sim = createSimulator({ engine });
    try {
      const goals = exercise.goals.map((g) => goalVariant(g, port));
      await makeStandIns(engine, [...exercise.solution, ...Object.values(exercise.files), ...exercise.goals.map((g) => JSON.stringify(g))]);
      for (const [path, text] of Object.entries(exercise.files)) await sim.files.write(path, remapPorts(text, port));
      for (const original of exercise.solution) {
        const line = remapPorts(original, port);
        const r = await sim.exec(line);
        expect(r.exitCode, `${line}\n${r.stdout}${r.stderr}`).toBe(0);
      }
      expect(await checkGoals(engine, goals), JSON.stringify(goals)).toEqual(goals.map(() => true));
    } finally {
      engine.close();
      await gateway.registry.removeObjects({ label: [`dockyard.session=${engine.session}`] }, `dockyard-${gateway.registry.scope}-${engine.session}`);
    }
  });
});
