/**
 * HTML for the architecture view: the picture's host area (ports, containers, images, networks,
 * volumes) and the text view of the same snapshot. Plain strings, escaped; the element swaps
 * them in after each command.
 */
import { buildMarks, shortId, type BuildStepView, type BuildView, type ContainerView, type ImageView, type Snapshot } from "./model.ts";

export type Strings = Record<string, string>;

/** `fmt(s, "arch.port", { host: 8080 })`: fills `{name}` placeholders; a missing key shows itself. */
export function fmt(strings: Strings, key: string, params: Record<string, string | number> = {}): string {
  return (strings[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => escapes[c]!);
}

export function stateWord(s: Strings, c: Pick<ContainerView, "state" | "exitCode">): string {
  return fmt(s, `arch.state.${c.state}`, { code: c.exitCode });
}

function layerCount(s: Strings, n: number): string {
  return n === 1 ? fmt(s, "arch.layer") : fmt(s, "arch.layers", { n });
}

/** A stable hue per layer, so one layer has one colour in every image. */
export function hue(id: string): number {
  let h = 0;
  for (let i = 7; i < Math.min(id.length, 23); i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return (h % 18) * 20;
}

function portText(p: { hostPort: string; containerPort: string; proto: string }, name: string): string {
  return `${p.hostPort || "?"} → ${name}:${p.containerPort}${p.proto === "tcp" ? "" : `/${p.proto}`}`;
}

function list(items: string[], cls: string, empty: string): string {
  return items.length > 0 ? `<ul class="${cls}">${items.join("")}</ul>` : `<p class="empty">${esc(empty)}</p>`;
}

function section(key: string, title: string, body: string, extra = ""): string {
  return `<section class="sec ${key}" aria-label="${esc(title)}"><h3>${esc(title)}${extra}</h3>${body}</section>`;
}

/** Why the last build cached or rebuilt a step, in words. */
export function whyText(s: Strings, step: BuildStepView): string {
  return fmt(s, `arch.why.${step.reason}`, { files: step.files.slice(0, 3).join(", ") + (step.files.length > 3 ? ", …" : "") });
}

/** `cached: [2/3] RUN make` or `rebuilt: [3/3] COPY . /app (copied files changed: app.py)`. */
export function markText(s: Strings, step: BuildStepView): string {
  return step.cached ? fmt(s, "arch.layerCached", { step: step.step }) : fmt(s, "arch.layerRebuilt", { step: step.step, why: whyText(s, step) });
}

/** The picture's host area. `data-key` names each object for animations and focus. */
export function renderHost(s: Strings, snap: Snapshot, build?: BuildView): string {
  const out: string[] = [];
  const ports = snap.containers.flatMap((c) => c.ports.filter((p) => p.active).map((p) => ({ c, p })));
  if (ports.length > 0) {
    out.push(
      section(
        "ports",
        fmt(s, "arch.ports"),
        `<ul class="portlist">${ports
          .map(
            ({ c, p }) =>
              `<li class="port" tabindex="0" data-key="p:${esc(p.hostPort)}" data-rel="c:${esc(c.id)}" aria-label="${esc(fmt(s, "arch.port", { host: p.hostPort, name: c.name, port: p.containerPort }))}"><span class="host-port">localhost:${esc(p.hostPort)}</span><span aria-hidden="true">→</span><span>${esc(c.name)}:${esc(p.containerPort)}</span></li>`,
          )
          .join("")}</ul>`,
      ),
    );
  }
  out.push(section("containers", fmt(s, "arch.containers"), list(snap.containers.map((c) => containerCard(s, snap, c)), "cards", fmt(s, "arch.noContainers"))));
  const shared = Object.values(snap.layerUse).some((users) => users.length > 1);
  const built = snap.images.some((i) => buildMarks(build, i).size > 0);
  const buildLegend = built
    ? `<p class="legend build-legend"><span class="bk cached">${esc(fmt(s, "arch.cached"))}</span> ${esc(fmt(s, "arch.cachedMeans"))} <span class="bk rebuilt">${esc(fmt(s, "arch.rebuilt"))}</span> ${esc(fmt(s, "arch.rebuiltMeans"))}</p>`
    : "";
  out.push(
    section(
      "images",
      fmt(s, "arch.images"),
      list(snap.images.map((i) => imageCard(s, snap, i, build)), "cards images-list", fmt(s, "arch.noImages")) + buildLegend + (shared ? `<p class="legend">${esc(fmt(s, "arch.legend"))}</p>` : ""),
    ),
  );
  const networks = snap.networks.map(
    (n) =>
      `<li class="item net" tabindex="0" data-key="n:${esc(n.name)}" data-rel="${esc(n.members.map((m) => `c:${idOf(snap, m)}`).join(" "))}" aria-label="${esc(`${fmt(s, "arch.network", { name: n.name, driver: n.driver })}: ${n.members.join(", ") || fmt(s, "arch.unused")}`)}"><span class="item-name">${esc(n.name)}${n.driver !== n.name ? ` <small>${esc(n.driver)}</small>` : ""}</span>${members(snap, n.members, fmt(s, "arch.unused"))}</li>`,
  );
  const volumes = snap.volumes.map(
    (v) =>
      `<li class="item vol" tabindex="0" data-key="v:${esc(v.name)}" data-rel="${esc(v.users.map((u) => `c:${idOf(snap, u.name)}`).join(" "))}" aria-label="${esc(`${fmt(s, "arch.volume", { name: v.label })}: ${v.users.map((u) => fmt(s, "arch.mountedAt", { name: u.name, dest: u.dest })).join(", ") || fmt(s, "arch.notMounted")}`)}"><span class="item-name"><svg class="cyl" viewBox="0 0 12 14" aria-hidden="true"><ellipse cx="6" cy="3" rx="5" ry="2"/><path d="M1 3v8c0 1.1 2.2 2 5 2s5-.9 5-2V3"/></svg>${esc(v.label)}</span>${
        v.users.length > 0
          ? `<ul class="members">${v.users.map((u) => `<li class="member" data-state="${esc(stateOf(snap, u.name))}">${esc(u.name)} <small>${esc(u.dest)}</small></li>`).join("")}</ul>`
          : `<p class="empty">${esc(fmt(s, "arch.notMounted"))}</p>`
      }</li>`,
  );
  out.push(`<div class="pair">${section("networks", fmt(s, "arch.networks"), list(networks, "items", ""))}${section("volumes", fmt(s, "arch.volumes"), list(volumes, "items", fmt(s, "arch.noVolumes")))}</div>`);
  return out.join("");
}

function idOf(snap: Snapshot, name: string): string {
  return snap.containers.find((c) => c.name === name)?.id ?? "";
}

function stateOf(snap: Snapshot, name: string): string {
  return snap.containers.find((c) => c.name === name)?.state ?? "";
}

function members(snap: Snapshot, names: string[], empty: string): string {
  if (names.length === 0) return `<p class="empty">${esc(empty)}</p>`;
  return `<ul class="members">${names.map((n) => `<li class="member" data-state="${esc(stateOf(snap, n))}">${esc(n)}</li>`).join("")}</ul>`;
}

function containerCard(s: Strings, snap: Snapshot, c: ContainerView): string {
  const image = snap.images.find((i) => i.id === c.imageId);
  const rel = [`i:${c.imageId}`, ...c.networks.map((n) => `n:${n}`), ...c.mounts.filter((m) => m.type === "volume").map((m) => `v:${m.source}`), ...c.ports.map((p) => `p:${p.hostPort}`)];
  const word = stateWord(s, c);
  const label = fmt(s, "arch.container", { name: c.name, image: c.image, state: word });
  const ports = c.ports.map(
    (p) => `<li class="chip port-chip${p.active ? "" : " inactive"}">${esc(portText(p, c.name))}${p.active ? "" : ` <small>(${esc(fmt(s, "arch.portInactive"))})</small>`}</li>`,
  );
  const nets = c.networks.map((n) => `<li class="chip net-chip">${esc(n)}</li>`);
  const mounts = c.mounts.map((m) => `<li class="chip mount-chip">${esc(m.type === "volume" && /^[0-9a-f]{64}$/.test(m.source) ? shortId(m.source) : m.source)} → ${esc(m.dest)}</li>`);
  return `<li class="card container" tabindex="0" data-key="c:${esc(c.id)}" data-name="${esc(c.name)}" data-state="${esc(c.state)}"${c.state === "exited" && c.exitCode !== 0 ? ` data-failed` : ""} data-rel="${esc(rel.join(" "))}" aria-label="${esc(label)}">
<div class="card-head"><span class="name">${esc(c.name)}</span><span class="state"><i aria-hidden="true"></i>${esc(word)}</span></div>
<div class="rw" aria-hidden="true">${esc(fmt(s, "arch.writable"))}</div>
<div class="base" aria-hidden="true"><span class="img-name">${esc(c.image)}</span>${image ? `<span class="mini">${image.layers.map((l) => layerBar(snap, l, true)).join("")}</span>` : ""}</div>
${ports.length + nets.length + mounts.length > 0 ? `<ul class="chips" aria-hidden="true">${ports.join("")}${nets.join("")}${mounts.join("")}</ul>` : ""}
</li>`;
}

function layerBar(snap: Snapshot, layer: string, mini = false, mark?: { step: BuildStepView; s: Strings }): string {
  const users = snap.layerUse[layer] ?? [];
  const shared = users.length > 1;
  const style = shared ? ` style="--h:${hue(layer)}"` : "";
  if (mini) return `<i class="l${shared ? " shared" : ""}" data-key="l:${esc(layer)}"${style}></i>`;
  const kind = mark ? (mark.step.cached ? "cached" : "rebuilt") : "";
  const badge = mark ? `<span class="bk ${kind}">${esc(fmt(mark.s, `arch.${kind}`))}</span>` : "";
  const title = mark ? ` title="${esc(markText(mark.s, mark.step))}"` : "";
  return `<li class="layer${shared ? " shared" : ""}${kind ? ` ${kind}` : ""}" data-key="l:${esc(layer)}"${style}${title}><span class="lid">${esc(shortId(layer).slice(0, 7))}</span><span class="tags">${badge}${shared ? `<span class="mark">×${users.length}</span>` : ""}</span></li>`;
}

/** `Last build: 2 cached, 1 rebuilt`, for the image the last build made. */
function buildSummary(s: Strings, marks: Map<string, BuildStepView>): string {
  const steps = [...marks.values()];
  return fmt(s, "arch.lastBuild", { cached: steps.filter((m) => m.cached).length, rebuilt: steps.filter((m) => !m.cached).length });
}

function imageCard(s: Strings, snap: Snapshot, image: ImageView, build?: BuildView): string {
  const others = (layer: string) => (snap.layerUse[layer] ?? []).filter((n) => n !== image.name);
  const sharedWith = [...new Set(image.layers.flatMap(others))];
  const marks = buildMarks(build, image);
  const label = [
    fmt(s, "arch.image", { name: image.tags.join(", ") || shortId(image.id), layers: layerCount(s, image.layers.length) }),
    sharedWith.length > 0 ? fmt(s, "arch.sharedWith", { images: sharedWith.join(", ") }) : "",
    image.users.length > 0 ? fmt(s, "arch.usedBy", { names: image.users.join(", ") }) : "",
    marks.size > 0 ? buildSummary(s, marks) : "",
  ].filter(Boolean);
  const rel = [...image.layers.map((l) => `l:${l}`), ...image.users.map((u) => `c:${idOf(snap, u)}`)];
  return `<li class="card image" tabindex="0" data-key="i:${esc(image.id)}" data-names="${esc(image.tags.join(" "))}" data-rel="${esc(rel.join(" "))}" aria-label="${esc(label.join(". "))}">
<div class="card-head"><span class="name">${esc(image.name)}</span>${image.tags.length > 1 ? `<small class="more">+${image.tags.length - 1}</small>` : ""}</div>
<ol class="stack" aria-hidden="true">${image.layers.map((l) => layerBar(snap, l, false, marks.has(l) ? { step: marks.get(l)!, s } : undefined)).join("")}</ol>
<p class="foot" aria-hidden="true">${esc(layerCount(s, image.layers.length))}${image.users.length > 0 ? ` · ${esc(fmt(s, "arch.usedBy", { names: image.users.join(", ") }))}` : ""}</p>${marks.size > 0 ? `<p class="foot build-foot" aria-hidden="true">${esc(buildSummary(s, marks))}</p>` : ""}
</li>`;
}

/** The same snapshot as nested lists, for screen readers and anyone who prefers text. */
export function renderText(s: Strings, snap: Snapshot, last: { api: string; registry: string }, build?: BuildView): string {
  const li = (text: string, sub: string[] = []) => `<li><span>${esc(text)}</span>${sub.length > 0 ? `<ul>${sub.map((t) => `<li>${esc(t)}</li>`).join("")}</ul>` : ""}</li>`;
  const parts: string[] = [];
  parts.push(
    `<h3>${esc(fmt(s, "arch.parts"))}</h3><ul>${li(`${fmt(s, "arch.client")}: ${fmt(s, "arch.clientSub")}`, last.api ? [`${fmt(s, "arch.wireApi")}: ${last.api}`] : [])}${li(`${fmt(s, "arch.daemon")}: ${fmt(s, "arch.daemonSub")}`, last.registry ? [`${fmt(s, "arch.wireRegistry")}: ${last.registry}`] : [])}${li(
      `${fmt(s, "arch.registry")}: ${[fmt(s, "arch.hub"), ...snap.registries.map((r) => fmt(s, "arch.localRegistry", { host: r.host, name: r.container }))].join(", ")}`,
    )}</ul>`,
  );
  const ports = snap.containers.flatMap((c) => c.ports.filter((p) => p.active).map((p) => portText(p, c.name)));
  if (ports.length > 0) parts.push(`<h3>${esc(fmt(s, "arch.ports"))}</h3><ul>${ports.map((p) => li(`localhost:${p}`)).join("")}</ul>`);
  const block = (title: string, items: string[], empty: string) => `<h3>${esc(title)}</h3>${items.length > 0 ? `<ul>${items.join("")}</ul>` : `<p>${esc(empty)}</p>`}`;
  parts.push(
    block(
      fmt(s, "arch.containers"),
      snap.containers.map((c) =>
        li(`${c.name}: ${stateWord(s, c)}`, [
          fmt(s, "arch.from", { image: c.image }),
          ...c.ports.map((p) => portText(p, c.name) + (p.active ? "" : ` (${fmt(s, "arch.portInactive")})`)),
          ...(c.networks.length > 0 ? [`${fmt(s, "arch.networks")}: ${c.networks.join(", ")}`] : []),
          ...c.mounts.map((m) => `${m.source} → ${m.dest}`),
        ]),
      ),
      fmt(s, "arch.noContainers"),
    ),
  );
  parts.push(
    block(
      fmt(s, "arch.images"),
      snap.images.map((i) => {
        const marks = buildMarks(build, i);
        const layers = i.layers.map((l) => {
          const others = (snap.layerUse[l] ?? []).filter((n) => n !== i.name);
          const mark = marks.get(l);
          const notes = [others.length > 0 ? fmt(s, "arch.sharedWith", { images: others.join(", ") }) : "", mark ? markText(s, mark) : ""].filter(Boolean);
          return `${shortId(l).slice(0, 7)}${notes.length > 0 ? ` (${notes.join("; ")})` : ""}`;
        });
        return li(`${i.tags.join(", ") || shortId(i.id)}: ${layerCount(s, i.layers.length)}${i.users.length > 0 ? `; ${fmt(s, "arch.usedBy", { names: i.users.join(", ") })}` : ""}${marks.size > 0 ? `; ${buildSummary(s, marks)}` : ""}`, layers);
      }),
      fmt(s, "arch.noImages"),
    ),
  );
  parts.push(block(fmt(s, "arch.networks"), snap.networks.map((n) => li(`${n.name} (${n.driver}): ${n.members.join(", ") || fmt(s, "arch.unused")}`)), ""));
  parts.push(
    block(
      fmt(s, "arch.volumes"),
      snap.volumes.map((v) => li(`${v.label}: ${v.users.map((u) => fmt(s, "arch.mountedAt", { name: u.name, dest: u.dest })).join(", ") || fmt(s, "arch.notMounted")}`)),
      fmt(s, "arch.noVolumes"),
    ),
  );
  return parts.join("");
}

/** The registry box's entries: Docker Hub, then registries served by containers here. */
export function renderRegistries(s: Strings, snap: Snapshot): string {
  return [
    `<li data-key="r:hub">${esc(fmt(s, "arch.hub"))}</li>`,
    ...snap.registries.map((r) => `<li data-key="r:${esc(r.host)}" title="${esc(fmt(s, "arch.localRegistry", { host: r.host, name: r.container }))}">${esc(r.host)}</li>`),
  ].join("");
}
