/** The PORTS column, as docker/cli's DisplayablePorts writes it: grouped, ranges compacted. */
export interface ApiPort {
  IP?: string;
  PrivatePort: number;
  PublicPort?: number;
  Type: string;
}

/** `0.0.0.0:8080->80/tcp, [::]:8080->80/tcp`, `80-82/tcp`. */
export function displayablePorts(ports: ApiPort[]): string {
  type Group = { first: number; last: number; key: string; publicFirst?: number; publicLast?: number; ip?: string; proto: string };
  const groups: Group[] = [];
  const sorted = ports.slice().sort((a, b) => (a.PublicPort ?? 0) - (b.PublicPort ?? 0) || a.PrivatePort - b.PrivatePort);
  const order: string[] = [];
  const byKey = new Map<string, Group[]>();
  for (const p of sorted) {
    const ip = p.IP === "::" ? "[::]" : p.IP;
    const key = p.PublicPort !== undefined ? `${ip}/${p.Type}` : p.Type;
    if (!byKey.has(key)) {
      byKey.set(key, []);
      order.push(key);
    }
    const list = byKey.get(key)!;
    const last = list.at(-1);
    const contiguous = last && last.last + 1 === p.PrivatePort && (p.PublicPort === undefined || last.publicLast! + 1 === p.PublicPort);
    if (contiguous) {
      last.last = p.PrivatePort;
      if (p.PublicPort !== undefined) last.publicLast = p.PublicPort;
    } else {
      const group: Group = { first: p.PrivatePort, last: p.PrivatePort, key, proto: p.Type, ...(p.PublicPort !== undefined ? { publicFirst: p.PublicPort, publicLast: p.PublicPort, ip: ip ?? "" } : {}) };
      list.push(group);
    }
  }
  for (const key of order) groups.push(...byKey.get(key)!);
  const range = (a: number, b: number) => (a === b ? `${a}` : `${a}-${b}`);
  return groups
    .map((g) => (g.publicFirst !== undefined ? `${g.ip}:${range(g.publicFirst, g.publicLast!)}->${range(g.first, g.last)}/${g.proto}` : `${range(g.first, g.last)}/${g.proto}`))
    .join(", ");
}
