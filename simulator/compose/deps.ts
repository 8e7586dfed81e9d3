// The service dependency graph: depends_on (short and long form), start order, cycles.
import { ComposeError, INVALID_PROJECT } from "./errors.ts";
import type { DependsOnCondition, ServiceConfig } from "./model.ts";

export interface DependencyEdge {
  /** The service that must be started first. */
  service: string;
  condition: DependsOnCondition;
  required: boolean;
  restart: boolean;
}

export interface DependencyGraph {
  /** Service names, sorted. */
  services: string[];
  /** For each service, the services it depends on (sorted by name). */
  dependencies: Record<string, DependencyEdge[]>;
  /** For each service, the services that depend on it (sorted by name). */
  dependents: Record<string, string[]>;
}

type ServiceMap = Record<string, Pick<ServiceConfig, "depends_on">>;

/**
 * Build the graph of normalised services. An optional dependency (`required: false`)
 * on a service that is not defined is dropped; a required one is compose's error
 * `service "web" depends on undefined service "db": invalid compose project`.
 */
export function dependencyGraph(services: ServiceMap, warn: (m: string) => void = () => {}): DependencyGraph {
  const names = Object.keys(services).sort();
  const dependencies: Record<string, DependencyEdge[]> = {};
  const dependents: Record<string, string[]> = {};
  for (const n of names) dependents[n] = [];
  for (const name of names) {
    const edges: DependencyEdge[] = [];
    for (const [dep, cfg] of Object.entries(services[name]!.depends_on ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (!(dep in services)) {
        if (cfg.required) {
          throw new ComposeError("dependency", `service "${name}" depends on undefined service "${dep}": ${INVALID_PROJECT}`);
        }
        warn(`service "${name}" depends on undefined service "${dep}", ignoring`);
        continue;
      }
      edges.push({ service: dep, condition: cfg.condition, required: cfg.required, restart: cfg.restart === true });
      dependents[dep]!.push(name);
    }
    dependencies[name] = edges;
  }
  for (const n of names) dependents[n]!.sort();
  return { services: names, dependencies, dependents };
}

/**
 * Throw compose's `dependency cycle detected: a -> b -> a` if there is a cycle
 * (searched from services in name order, dependencies in name order, as compose-go does).
 */
export function checkCycles(graph: DependencyGraph): void {
  const done = new Set<string>();
  const search = (path: string[]): void => {
    const current = path[path.length - 1]!;
    for (const edge of graph.dependencies[current] ?? []) {
      const i = path.indexOf(edge.service);
      if (i >= 0) {
        throw new ComposeError("dependency", `dependency cycle detected: ${[...path.slice(i), edge.service].join(" -> ")}`);
      }
      if (done.has(edge.service)) continue;
      search([...path, edge.service]);
    }
    done.add(current);
  };
  for (const s of graph.services) if (!done.has(s)) search([s]);
}

/**
 * Start order: every service after the services it depends on; services with no order
 * between them in name order. Throws on a cycle.
 */
export function startOrder(graph: DependencyGraph): string[] {
  checkCycles(graph);
  const remaining = new Map<string, number>();
  for (const s of graph.services) remaining.set(s, graph.dependencies[s]!.length);
  const order: string[] = [];
  const ready = graph.services.filter((s) => remaining.get(s) === 0);
  while (ready.length > 0) {
    ready.sort();
    const s = ready.shift()!;
    order.push(s);
    for (const d of graph.dependents[s]!) {
      const left = remaining.get(d)! - 1;
      remaining.set(d, left);
      if (left === 0) ready.push(d);
    }
  }
  return order;
}

/** Stop order (`docker compose down`): the reverse of the start order. */
export function stopOrder(graph: DependencyGraph): string[] {
  return startOrder(graph).reverse();
}

/** The services to start for `up SERVICE...`: the named ones plus everything they depend on, in start order. */
export function withDependencies(graph: DependencyGraph, selected: string[]): string[] {
  const want = new Set<string>();
  const add = (s: string): void => {
    if (want.has(s)) return;
    want.add(s);
    for (const e of graph.dependencies[s] ?? []) add(e.service);
  };
  for (const s of selected) {
    if (!graph.services.includes(s)) throw new ComposeError("project", `no such service: ${s}`);
    add(s);
  }
  return startOrder(graph).filter((s) => want.has(s));
}
