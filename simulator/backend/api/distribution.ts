/** Engine API shapes of pull, push and registry login (POST /images/create, /images/{name}/push, /auth). */
/** One progress record of a pull, as `POST /images/create` streams them. */
export interface ProgressMessage {
  id?: string;
  status: string;
  progressDetail?: { current?: number; total?: number };
}

export interface PullOptions {
  onProgress?: (message: ProgressMessage) => void;
  signal?: AbortSignal;
  /** Pull every tag of the repository (`fromImage` without a tag). */
  allTags?: boolean;
}

/** The registry credentials the client sends (X-Registry-Auth, POST /auth), as the API spells them. */
export interface AuthConfig {
  username?: string;
  password?: string;
  /** `https://index.docker.io/v1/` for Docker Hub, else the registry's host (`localhost:5000`). */
  serveraddress?: string;
  identitytoken?: string;
}

/** The body of a successful POST /auth. */
export interface AuthResponse {
  Status: string;
  IdentityToken?: string;
}

export interface PushOptions {
  onProgress?: (message: ProgressMessage) => void;
  signal?: AbortSignal;
  /** Push every local tag of the repository (`docker push -a`). */
  allTags?: boolean;
  /** The credentials stored for the registry, sent as X-Registry-Auth. */
  registryAuth?: AuthConfig;
}

export interface PushResult {
  /** The normalised reference pushed, e.g. `docker.io/alice/tools:1.0`. */
  reference: string;
  /** The manifest digest of the last tag pushed. */
  digest: string;
}

export interface PullResult {
  /** The normalised reference, e.g. `docker.io/library/hello-world:latest`. */
  reference: string;
  digest: string;
  /** `Downloaded newer image for x:y` or `Image is up to date for x:y`. */
  status: string;
}
