/** Docker image references (distribution/reference): parsing and the familiar forms the CLI prints. */
/** A malformed image reference; the docker CLI reports it itself, before asking the daemon. */
export class InvalidReferenceError extends Error {
  constructor(message = "invalid reference format") {
    super(message);
    this.name = "InvalidReferenceError";
  }
}
const invalidParameter = (message: string) => new InvalidReferenceError(message);

export interface Reference {
  /** Registry host, `docker.io` for Docker Hub. */
  domain: string;
  /** Repository path on the registry, `library/nginx` for official images. */
  path: string;
  tag?: string;
  digest?: string;
}

const component = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
const domainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const domainPattern = new RegExp(`^(?:${domainComponent}(?:\\.${domainComponent})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?$`);
const pathPattern = new RegExp(`^${component}(?:/${component})*$`);
const tagPattern = /^[\w][\w.-]{0,127}$/;
const digestPattern = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;

/** Parse `name[:tag][@digest]` as the docker CLI does, normalising to Docker Hub. */
export function parseReference(input: string): Reference {
  if (input === "" || input.length > 255) throw invalidParameter("invalid reference format");
  // As ParseNormalizedNamed: the repository (up to a tag's colon) must be lowercase, checked first.
  const slashAt = input.indexOf("/");
  const first = slashAt < 0 ? "" : input.slice(0, slashAt);
  const hasDomain = slashAt >= 0 && (first.includes(".") || first.includes(":") || first === "localhost");
  const remainder = hasDomain ? input.slice(slashAt + 1) : slashAt < 0 ? `library/${input}` : input;
  const remoteName = remainder.split(":")[0]!.split("@")[0]!;
  if (remoteName.toLowerCase() !== remoteName) throw invalidParameter(`invalid reference format: repository name (${remoteName}) must be lowercase`);
  let rest = input;
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!digestPattern.test(digest)) throw invalidParameter("invalid reference format");
  }
  let tag: string | undefined;
  const lastColon = rest.lastIndexOf(":");
  if (lastColon > rest.lastIndexOf("/")) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
    if (!tagPattern.test(tag)) throw invalidParameter("invalid reference format");
  }
  let domain = "docker.io";
  let path = rest;
  const slash = rest.indexOf("/");
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    if (first.includes(".") || first.includes(":") || first === "localhost" || first.toLowerCase() !== first) {
      if (!domainPattern.test(first)) throw invalidParameter("invalid reference format");
      domain = first === "index.docker.io" ? "docker.io" : first;
      path = rest.slice(slash + 1);
    }
  }
  if (!pathPattern.test(path)) {
    if (path.toLowerCase() !== path && pathPattern.test(path.toLowerCase())) {
      throw invalidParameter(`invalid reference format: repository name (${domain === "docker.io" && !path.includes("/") ? "library/" : ""}${path}) must be lowercase`);
    }
    throw invalidParameter("invalid reference format");
  }
  if (domain === "docker.io" && !path.includes("/")) path = `library/${path}`;
  const ref: Reference = { domain, path };
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return ref;
}

/** Add `latest` when neither tag nor digest is given, as `docker pull` does. */
export function withDefaultTag(ref: Reference): Reference {
  return ref.tag === undefined && ref.digest === undefined ? { ...ref, tag: "latest" } : ref;
}

/** The repository as users write it: `nginx`, `me/app`, `localhost:5000/app`. */
export function familiarName(ref: Reference): string {
  if (ref.domain === "docker.io") return ref.path.startsWith("library/") ? ref.path.slice("library/".length) : ref.path;
  return `${ref.domain}/${ref.path}`;
}

/** `nginx:latest`, `me/app:1.0`, `nginx@sha256:...` */
export function familiarString(ref: Reference): string {
  return familiarName(ref) + (ref.tag !== undefined ? `:${ref.tag}` : "") + (ref.digest !== undefined ? `@${ref.digest}` : "");
}

/** `docker.io/library/nginx:latest` */
export function fullString(ref: Reference): string {
  return `${ref.domain}/${ref.path}` + (ref.tag !== undefined ? `:${ref.tag}` : "") + (ref.digest !== undefined ? `@${ref.digest}` : "");
}
