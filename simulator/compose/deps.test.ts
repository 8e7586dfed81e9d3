import { describe, expect, it } from "vitest";
import { checkCycles, dependencyGraph, startOrder, stopOrder, withDependencies } from "./deps.ts";
import type { ServiceDependency } from "./model.ts";

const started = (required = true): ServiceDependency => ({ condition: "service_started", required });

describe("dependency graph", () => {
  it("orders services after their dependencies, ties by name", () => {
    const g = dependencyGraph({
      wordpress: { depends_on: { db: started(), cache: { condition: "service_healthy", required: true } } },
      db: {},
      cache: {},
      adminer: { depends_on: { db: started() } },
      migrate: { depends_on: { db: { condition: "service_healthy", required: true } } },
      app: { depends_on: { migrate: { condition: "service_completed_successfully", required: true } } },
    });
    expect(startOrder(g)).toEqual(["cache", "db", "adminer", "migrate", "app", "wordpress"]);
    expect(stopOrder(g)).toEqual(["wordpress", "app", "migrate", "adminer", "db", "cache"]);
    expect(g.dependencies["wordpress"]).toEqual([
      { service: "cache", condition: "service_healthy", required: true, restart: false },
      { service: "db", condition: "service_started", required: true, restart: false },
    ]);
    expect(g.dependents["db"]).toEqual(["adminer", "migrate", "wordpress"]);
    expect(withDependencies(g, ["app"])).toEqual(["db", "migrate", "app"]);
  });

  it("undefined services: required is an error, optional is dropped with a warning", () => {
    expect(() => dependencyGraph({ web: { depends_on: { db: started() } } })).toThrow(
      'service "web" depends on undefined service "db": invalid compose project',
    );
    const warnings: string[] = [];
    const g = dependencyGraph({ web: { depends_on: { db: started(false) } } }, (w) => warnings.push(w));
    expect(g.dependencies["web"]).toEqual([]);
    expect(warnings).toHaveLength(1);
  });

  it("cycles are reported from the first service by name, as compose-go does", () => {
    const g = dependencyGraph({
      service1: { depends_on: { service2: started() } },
      service2: { depends_on: { service3: started() } },
      service3: { depends_on: { service1: started() } },
    });
    expect(() => checkCycles(g)).toThrow("dependency cycle detected: service1 -> service2 -> service3 -> service1");
    expect(() => startOrder(g)).toThrow(/dependency cycle detected/);
    expect(() => checkCycles(dependencyGraph({ a: { depends_on: { a: started() } } }))).toThrow(
      "dependency cycle detected: a -> a",
    );
    expect(() =>
      checkCycles(dependencyGraph({ web: { depends_on: { db: started() } }, db: { depends_on: { web: started() } }, x: {} })),
    ).toThrow("dependency cycle detected: db -> web -> db");
  });

  it("handles a long chain without recursion trouble", () => {
    const services: Record<string, { depends_on?: Record<string, ServiceDependency> }> = {};
    for (let i = 0; i < 500; i++) services[`s${String(i).padStart(3, "0")}`] = i === 0 ? {} : { depends_on: { [`s${String(i - 1).padStart(3, "0")}`]: started() } };
    const order = startOrder(dependencyGraph(services));
    expect(order[0]).toBe("s000");
    expect(order[499]).toBe("s499");
  });
});
