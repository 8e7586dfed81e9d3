/**
 * Images for one session. Images pulled from the allowlist are shared by every session (read-only
 * for them); images a session makes (tag, commit, build) live under its own repository namespace,
 * `dockyard-<scope>-<session>/<name>`, and are shown without it.
 */
import { EngineError } from "../simulator/backend/errors.ts";
import type { BuildContextEntry, BuildEvent, BuildOptions, BuildResult, CommitOptions, ImageDeleteItem, ImageInspect, ImageSummary, ProgressMessage, PullResult } from "../simulator/backend/api-types.ts";
import { DockerApiError, jsonLines, type DockerClient } from "./docker-client.ts";
import { checkImage, dockerfileBaseImages, imageAllowed, PolicyError, repositoryOf, type Policy } from "./policy.ts";
import { sessionLabel, type Session, type SessionRegistry } from "./sessions.ts";
import type { CallContext } from "./session-engine.ts";
import { parseReference } from "../simulator/engine/reference.ts";
import { decodeBuildContext, tarArchive } from "./tar.ts";

/** Image labels the gateway adds to builds and commits (they stay on the object; views leave them out). */
const withoutGatewayLabels = (labels: Record<string, string> | null | undefined): Record<string, string> | null => {
  if (!labels) return labels ?? null;
  const kept = Object.entries(labels).filter(([k]) => !k.startsWith("dockyard."));
  return kept.length ? Object.fromEntries(kept) : null;
};

const idPattern = /^(sha256:)?[0-9a-f]{4,64}$/;

export class ImageService {
  constructor(readonly docker: DockerClient, readonly session: Session, readonly registry: SessionRegistry, readonly policy: Policy) {}

  /** `myapp:v1` -> `dockyard-<scope>-<id>/myapp:v1` (what dockerd stores for this session). */
  ownRef(ref: string): string {
    const parsed = parseReference(ref);
    if (parsed.domain !== "docker.io") throw new PolicyError(`images for another registry (${parsed.domain}); pushing is not available through the gateway`);
    const path = parsed.path.replace(/^library\//, "");
    return `${this.session.imageNamespace}/${path}:${parsed.tag ?? "latest"}`;
  }

  #visible(tags: string[] | null | undefined, labels?: Record<string, string> | null): boolean {
    if (labels?.[sessionLabel] === this.session.id) return true;
    return (tags ?? []).some((t) => this.#shownTag(t));
  }

  /** A tag the session sees: its own, or an allowlisted shared one (never another session's, never `<none>`). */
  #shownTag(tag: string): boolean {
    return tag.startsWith(`${this.session.imageNamespace}/`) || (!tag.startsWith("dockyard-") && imageAllowed(this.policy, tag));
  }

  async #exists(ref: string): Promise<ImageInspect | undefined> {
    try {
      return await this.docker.json<ImageInspect>("GET", `/images/${encodeURIComponent(ref)}/json`);
    } catch (error) {
      if (error instanceof DockerApiError && error.statusCode === 404) return undefined;
      throw error;
    }
  }

  /** The dockerd reference for what the session calls `ref`, or "No such image". */
  async resolve(ref: string): Promise<string> {
    if (typeof ref !== "string" || ref === "") throw new EngineError(404, `No such image: ${String(ref)}`);
    const noSuch = () => new EngineError(404, `No such image: ${ref.includes(":") || idPattern.test(ref) ? ref : `${ref}:latest`}`);
    if (idPattern.test(ref)) {
      const info = await this.#exists(ref);
      if (info && this.#visible(info.RepoTags, info.Config?.Labels)) return info.Id;
    }
    let own: string | undefined;
    try {
      own = this.ownRef(ref);
    } catch {
      own = undefined;
    }
    if (own && this.session.images.has(own)) return own;
    if (imageAllowed(this.policy, ref)) return ref;
    throw noSuch();
  }

  /** The image a new container runs: the session's own, or an allowlisted one (which dockerd may still have to pull). */
  async resolveForRun(ref: string): Promise<string> {
    try {
      return await this.resolve(ref);
    } catch (error) {
      if (error instanceof EngineError && error.statusCode === 404 && !idPattern.test(ref)) checkImage(this.policy, ref);
      throw error;
    }
  }

  async exposedPorts(dockerRef: string): Promise<string[]> {
    const info = await this.#exists(dockerRef);
    return Object.keys(info?.Config.ExposedPorts ?? {});
  }

  async pull(ref: string, options: { allTags?: boolean }, ctx: CallContext): Promise<PullResult> {
    checkImage(this.policy, ref);
    const parsed = parseReference(ref);
    const fromImage = parsed.domain === "docker.io" ? parsed.path.replace(/^library\//, "") : `${parsed.domain}/${parsed.path}`;
    const tag = parsed.digest ?? (options?.allTags ? undefined : parsed.tag ?? "latest");
    const res = await this.docker.stream("POST", "/images/create", { query: { fromImage, tag }, signal: ctx.signal });
    let digest = "";
    let status = "";
    for await (const message of jsonLines(res)) {
      if (typeof message["error"] === "string") throw new EngineError(500, message["error"]);
      const text = String(message["status"] ?? "");
      if (text.startsWith("Digest: ")) digest = text.slice("Digest: ".length);
      else if (text.startsWith("Status: ")) status = text.slice("Status: ".length);
      else ctx.emit({ ...(typeof message["id"] === "string" ? { id: message["id"] } : {}), status: text, ...(message["progressDetail"] ? { progressDetail: message["progressDetail"] } : {}) } satisfies ProgressMessage);
    }
    const shown = parsed.domain === "docker.io" ? `docker.io/${parsed.path}` : `${parsed.domain}/${parsed.path}`;
    return { reference: `${shown}${parsed.digest ? `@${parsed.digest}` : `:${parsed.tag ?? "latest"}`}`, digest, status };
  }

  async list(): Promise<ImageSummary[]> {
    const all = await this.docker.json<ImageSummary[]>("GET", "/images/json");
    return all
      .filter((i) => this.#visible(i.RepoTags, i.Labels))
      .map((i) => ({ ...i, RepoTags: (i.RepoTags ?? []).filter((t) => this.#shownTag(t)), RepoDigests: (i.RepoDigests ?? []).filter((d) => d !== "<none>@<none>"), Labels: withoutGatewayLabels(i.Labels) ?? {}, ContentSize: i.ContentSize ?? i.Size, Containers: i.Containers ?? -1 }));
  }

  async inspect(ref: string): Promise<ImageInspect> {
    const dockerRef = await this.resolve(ref);
    const info = await this.#exists(dockerRef);
    if (!info) throw new EngineError(404, `No such image: ${ref.includes(":") ? ref : `${ref}:latest`}`);
    const config = info.Config ? { ...info.Config, Labels: withoutGatewayLabels(info.Config.Labels) } : info.Config;
    return { ...info, Config: config, RepoTags: (info.RepoTags ?? []).filter((t) => this.#shownTag(t)), RepoDigests: (info.RepoDigests ?? []).filter((d) => d !== "<none>@<none>") };
  }

  async remove(ref: string, options: { force?: boolean; noprune?: boolean } = {}): Promise<ImageDeleteItem[]> {
    const dockerRef = await this.resolve(ref);
    if (!dockerRef.startsWith(`${this.session.imageNamespace}/`)) {
      throw new PolicyError(`${ref} is shared by every session on this gateway, so it stays; remove the images you made (tag, commit, build)`);
    }
    const result = await this.docker.json<ImageDeleteItem[]>("DELETE", `/images/${encodeURIComponent(dockerRef)}`, { query: { force: options?.force ? 1 : undefined, noprune: options?.noprune ? 1 : undefined } });
    this.session.images.delete(dockerRef);
    return result;
  }

  async tag(source: string, target: string): Promise<void> {
    const src = await this.resolve(source);
    const own = this.ownRef(target);
    if (!this.session.images.has(own)) await this.registry.checkQuota(this.session, "images");
    const colon = own.lastIndexOf(":");
    await this.docker.json("POST", `/images/${encodeURIComponent(src)}/tag`, { query: { repo: own.slice(0, colon), tag: own.slice(colon + 1) } });
    this.session.images.add(own);
  }

  /** The image's history, without the LABEL steps the gateway's build labels add. */
  async history(ref: string): Promise<unknown> {
    const items = await this.docker.json<{ CreatedBy: string }[]>("GET", `/images/${encodeURIComponent(await this.resolve(ref))}/history`);
    return items.filter((h) => !/^\/bin\/sh -c #\(nop\) +LABEL dockyard\./.test(h.CreatedBy));
  }

  async prune(options: { all?: boolean } = {}): Promise<{ ImagesDeleted: ImageDeleteItem[]; SpaceReclaimed: number }> {
    const deleted: ImageDeleteItem[] = [];
    // Dangling images of this session's builds and commits carry its label.
    const pruned = await this.docker.json<{ ImagesDeleted: ImageDeleteItem[] | null; SpaceReclaimed: number }>("POST", "/images/prune", { query: { filters: JSON.stringify({ label: [`${sessionLabel}=${this.session.id}`] }) } });
    deleted.push(...(pruned.ImagesDeleted ?? []));
    if (options?.all) {
      for (const ref of [...this.session.images]) {
        try {
          deleted.push(...(await this.docker.json<ImageDeleteItem[]>("DELETE", `/images/${encodeURIComponent(ref)}`)));
          this.session.images.delete(ref);
        } catch (error) {
          if (!(error instanceof DockerApiError && (error.statusCode === 409 || error.statusCode === 404))) throw error;
        }
      }
    }
    return { ImagesDeleted: deleted, SpaceReclaimed: pruned.SpaceReclaimed ?? 0 };
  }

  async commit(containerId: string, options: CommitOptions = {}): Promise<{ Id: string }> {
    const own = options?.reference ? this.ownRef(options.reference) : undefined;
    if (own && !this.session.images.has(own)) await this.registry.checkQuota(this.session, "images");
    const changes = Array.isArray(options?.changes) ? options.changes.filter((c): c is string => typeof c === "string") : [];
    if (changes.some((c) => /^\s*(ONBUILD|FROM)\b/i.test(c))) throw new PolicyError("FROM and ONBUILD changes in a commit");
    const colon = own ? own.lastIndexOf(":") : -1;
    changes.push(`LABEL ${sessionLabel}=${this.session.id}`);
    const r = await this.docker.json<{ Id: string }>("POST", "/commit", {
      query: {
        container: containerId,
        ...(own ? { repo: own.slice(0, colon), tag: own.slice(colon + 1) } : {}),
        comment: options?.comment || undefined,
        author: options?.author || undefined,
        pause: options?.pause === false ? 0 : 1,
        changes,
      },
    });
    if (own) this.session.images.add(own);
    return r;
  }

  /** The classic builder on the real engine: FROM images checked, limits and labels set, progress mapped to build events. */
  async build(context: BuildContextEntry[], options: BuildOptions, ctx: CallContext): Promise<BuildResult> {
    if (options?.check) throw new EngineError(400, "docker build --check is not available on the real engine through the gateway");
    if (typeof options?.dockerfile !== "string") throw new EngineError(400, `failed to read dockerfile: open ${options?.dockerfileName ?? "Dockerfile"}: no such file or directory`);
    const files = decodeBuildContext(context);
    for (const base of dockerfileBaseImages(options.dockerfile, options.buildArgs ?? {})) {
      const own = (() => {
        try {
          return this.ownRef(base);
        } catch {
          return undefined;
        }
      })();
      if (!(own && this.session.images.has(own))) checkImage(this.policy, base);
    }
    const tags = (options.tags ?? []).map((t) => this.ownRef(t));
    if (tags.some((t) => !this.session.images.has(t))) await this.registry.checkQuota(this.session, "images");
    // The Dockerfile travels under a name of the gateway's; .dockerignore keeps it (and an ignore file made here) out of COPY.
    const dockerfileName = ".dockyard.Dockerfile";
    const entries = files.filter((e) => e.path !== dockerfileName && e.path !== ".dockerignore");
    const ignore = files.find((e) => e.path === ".dockerignore" && e.type === "file");
    const ignoreText = ignore ? `${ignore.bytes ? Buffer.from(ignore.bytes).toString("utf8") : ignore.content ?? ""}\n${dockerfileName}\n` : `${dockerfileName}\n.dockerignore\n`;
    const dockerfile = this.#ownBases(options.dockerfile);
    const tar = tarArchive([...entries, { path: ".dockerignore", type: "file", content: ignoreText }, { path: dockerfileName, type: "file", content: dockerfile }]);
    const res = await this.docker.stream("POST", "/build", {
      raw: tar,
      signal: ctx.signal,
      query: {
        t: tags,
        dockerfile: dockerfileName,
        buildargs: JSON.stringify(options.buildArgs ?? {}),
        target: options.target || undefined,
        nocache: options.noCache ? 1 : undefined,
        rm: 1,
        forcerm: 1,
        labels: JSON.stringify(this.session.labels),
        memory: this.policy.memoryBytes,
        memswap: this.policy.memoryBytes,
        cpuperiod: 100_000,
        cpuquota: Math.round((this.policy.nanoCpus / 1e9) * 100_000),
      },
    });
    let step = 0;
    const started = Date.now();
    let id: string | undefined;
    const emit = (event: BuildEvent) => ctx.emit(event);
    for await (const message of jsonLines(res)) {
      if (typeof message["error"] === "string") {
        if (step) emit({ kind: "error", id: step, message: message["error"] });
        return { error: { message: message["error"], ...(step ? { step: `${step}` } : {}) }, warnings: [] };
      }
      const aux = message["aux"] as { ID?: string } | undefined;
      if (aux?.ID) id = aux.ID;
      const text = typeof message["stream"] === "string" ? message["stream"] : "";
      const stepLine = /^Step (\d+)\/(\d+) : (.*)\n?$/.exec(text);
      if (stepLine) {
        if (step) emit({ kind: "done", id: step, cached: false, seconds: (Date.now() - started) / 1000 });
        step = Number(stepLine[1]);
        emit({ kind: "start", id: step, name: `[${stepLine[1]}/${stepLine[2]}] ${stepLine[3]}` });
      } else if (text && step && !/^ ---> /.test(text) && !/^Successfully (built|tagged)/.test(text) && !/^Removing intermediate/.test(text)) {
        emit({ kind: "log", id: step, text, seconds: (Date.now() - started) / 1000 });
      }
    }
    if (step) emit({ kind: "done", id: step, cached: false, seconds: (Date.now() - started) / 1000 });
    for (const t of tags) this.session.images.add(t);
    return id ? { Id: id, warnings: [] } : { error: { message: "the build ended without an image" }, warnings: [] };
  }

  /** `FROM myimage` names the session's image as dockerd stores it. */
  #ownBases(dockerfile: string): string {
    return dockerfile.replace(/^(\s*FROM\s+(?:--\S+\s+)*)(\S+)/gim, (line, head: string, image: string) => {
      try {
        const own = this.ownRef(image);
        return this.session.images.has(own) ? `${head}${own}` : line;
      } catch {
        return line;
      }
    });
  }

  /** Repository of an image reference, for messages. */
  repository(ref: string): string {
    return repositoryOf(ref);
  }
}
