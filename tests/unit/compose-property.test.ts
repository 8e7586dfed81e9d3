import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { composeScene } from "./compose-helpers.ts";

/** What a crash inside the simulator would print instead of a Docker-like message. */
const INTERNAL = /TypeError|ReferenceError|RangeError|Cannot read prop|is not a function|is not iterable|undefined \(reading|\[object Object\]/;

const word = fc.constantFrom("web", "db", "cache", "api", "x", "a-b", "UPPER", "9lives", "", " ", "é", "a".repeat(70));
const value = fc.oneof(
  fc.constantFrom("nginx", "redis", "busybox", "nope:latest", "sleep 5", "echo hi", "exit 3", "80:80", "8080:80", "3000", "data:/data", "./site:/usr/share/nginx/html", "/abs:/x:ro", "always", "on-failure:2", "no", "service_healthy", "service_completed_successfully", "true", "${VAR:-d}", "$$HOME", "1", "-1", "0"),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -2, max: 70000 }).map(String),
);

const pick = <T>(...values: T[]) => fc.constantFrom(...values);

/** A compose file from valid pieces: it comes up (or fails the way a real project can), exercising the runtime. */
const validish = fc.uniqueArray(
  fc.record({
    name: pick("web", "db", "cache", "api"),
    image: pick("nginx", "redis", "busybox", "busybox", "nope"),
    command: fc.option(pick("sleep 5", "echo hi", "exit 3", "sh -c 'sleep 2; exit 1'", "no-such-binary")),
    ports: fc.option(fc.uniqueArray(pick("80", "8080:80", "8081:80", "127.0.0.1:9000:9000/udp"), { maxLength: 2 })),
    volumes: fc.option(fc.uniqueArray(pick("data:/data", "./site:/srv", "/anon"), { maxLength: 2 })),
    restart: fc.option(pick("always", "no", "on-failure:2", "unless-stopped")),
    depends: fc.option(fc.array(pick("web", "db", "cache", "api"), { maxLength: 2 })),
    condition: fc.option(pick("service_started", "service_healthy", "service_completed_successfully")),
    replicas: fc.option(fc.integer({ min: 0, max: 3 })),
    healthcheck: fc.option(pick("exit 0", "exit 1", "true")),
  }),
  { minLength: 1, maxLength: 3, selector: (s) => s.name },
).map((services) => services.map((s) => ({ ...s, depends: s.depends ? [...new Set(s.depends)].filter((d) => d !== s.name && services.some((o) => o.name === d && services.indexOf(o) < services.indexOf(s))) : null })));

/** A compose file assembled from plausible pieces, some of them wrong. */
const wild = fc.array(
  fc.record({
    name: word,
    image: value,
    command: fc.option(value),
    ports: fc.option(fc.array(value, { maxLength: 2 })),
    volumes: fc.option(fc.array(value, { maxLength: 2 })),
    restart: fc.option(value),
    depends: fc.option(fc.array(word, { maxLength: 2 })),
    condition: fc.option(value),
    replicas: fc.option(fc.integer({ min: -1, max: 3 })),
    healthcheck: fc.option(value),
  }),
  { minLength: 1, maxLength: 3 },
);

const composeText = fc
  .oneof({ arbitrary: validish, weight: 3 }, { arbitrary: wild, weight: 1 })
  .map((services) => {
    let text = "services:\n";
    for (const s of services) {
      text += `  ${JSON.stringify(s.name)}:\n    image: ${JSON.stringify(s.image)}\n`;
      if (s.command !== null) text += `    command: ${JSON.stringify(s.command)}\n`;
      if (s.ports) text += `    ports: ${JSON.stringify(s.ports)}\n`;
      if (s.volumes) text += `    volumes: ${JSON.stringify(s.volumes)}\n`;
      if (s.restart !== null) text += `    restart: ${JSON.stringify(s.restart)}\n`;
      if (s.depends && s.depends.length > 0) {
        text += s.condition === null ? `    depends_on: ${JSON.stringify(s.depends)}\n` : `    depends_on:\n${s.depends.map((d) => `      ${JSON.stringify(d)}:\n        condition: ${JSON.stringify(s.condition)}\n`).join("")}`;
      }
      if (s.replicas !== null) text += `    deploy:\n      replicas: ${s.replicas}\n`;
      if (s.healthcheck !== null) text += `    healthcheck:\n      test: ${JSON.stringify(s.healthcheck)}\n      interval: 1s\n      retries: 1\n`;
    }
    return text + "volumes:\n  data:\n";
  });

/** Byte-level damage: a character dropped, doubled or swapped in. */
const mutated = fc.tuple(composeText, fc.nat(), fc.constantFrom("", ":", "-", " ", "\n", "  ", "{", "\t", "'")).map(([text, at, insert]) => {
  const i = at % (text.length + 1);
  return text.slice(0, i) + insert + text.slice(i + 1);
});

describe("docker compose with random and damaged files", () => {
  it("answers up and down with Docker-like output, never a crash", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(composeText, mutated), async (text) => {
        const scene = await composeScene(text);
        for (const line of ["docker compose up -d", "docker compose ps -a", "docker compose logs", "docker compose down -v"]) {
          // A dependency that never becomes healthy or never completes keeps compose waiting, as it would: Ctrl-C ends it.
          const r = await scene.run(line, { stepMs: 2_000, interruptAfter: 300 });
          expect(typeof r.exitCode).toBe("number");
          expect(r.stderr).not.toMatch(INTERNAL);
          expect(r.stdout).not.toMatch(INTERNAL);
        }
        // down leaves nothing of the project behind.
        expect((await scene.sim.exec("docker ps -aq --filter label=com.docker.compose.project=shop")).stdout).toBe("");
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
