import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { lessonSchema } from "../../src/lessons/schema.ts";
import { checkGoals } from "../../src/lessons/goals.ts";
import type { SimulatedClock } from "xstate";
import type { Simulator } from "../../simulator/index.ts";
import { testSimulator } from "./helpers.ts";

const contentDir = new URL("../../content/", import.meta.url);
const lessons = readdirSync(contentDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

function frontmatter(path: URL): unknown {
  const text = readFileSync(path, "utf8");
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) throw new Error(`${path.pathname}: no frontmatter`);
  return parse(match[1]!);
}

/**
 * Run a line as a learner would: simulated time passes while it runs, so a command that waits
 * for a container to shut down (`docker compose down`, `docker stop`) finishes.
 */
async function execWhileTimePasses(sim: Simulator, clock: SimulatedClock, line: string) {
  let done = false;
  const result = sim.exec(line).finally(() => (done = true));
  for (let waited = 0; !done && waited < 120_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (!done) clock.increment(100);
  }
  return result;
}

describe.each(lessons)("lesson %s", (lesson) => {
  const data = Object.fromEntries(["en", "ko"].map((lang) => [lang, lessonSchema.parse(frontmatter(new URL(`${lesson}/${lang}.mdx`, contentDir)))]));

  it("has both languages with the same order and the same exercises", () => {
    expect(data["en"]!.order).toBe(data["ko"]!.order);
    const shape = (lang: string) => (data[lang]!.exercises ?? []).map((e) => ({ id: e.id, goals: e.goals, solution: e.solution }));
    expect(shape("ko")).toEqual(shape("en"));
    expect(Object.keys(data["ko"]!.files ?? {})).toEqual(Object.keys(data["en"]!.files ?? {}));
  });

  for (const lang of ["en", "ko"]) {
    for (const exercise of data[lang]!.exercises ?? []) {
      it(`${lang}: "${exercise.id}" is not met at the start, and its solution meets every goal`, async () => {
        const { sim, clock } = testSimulator();
        for (const [path, text] of Object.entries(data[lang]!.files ?? {})) await sim.files.write(path, text);
        expect((await checkGoals(sim.engine, exercise.goals)).every(Boolean)).toBe(false);
        for (const line of exercise.solution) {
          const r = await execWhileTimePasses(sim, clock, line);
          expect(r.exitCode, `${line}\n${r.stderr}`).toBe(0);
        }
        expect(await checkGoals(sim.engine, exercise.goals)).toEqual(exercise.goals.map(() => true));
      });
    }
  }
});
