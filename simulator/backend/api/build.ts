/** Engine API shapes of POST /build: the context, the options, BuildKit's progress events and the result. */
/** One file or folder of a build context, by its path relative to the context root. */
export interface BuildContextEntry {
  path: string;
  type: "file" | "dir";
  content?: string;
  /** A binary file's bytes (a .tar.gz for ADD); `content` then holds a lossy text of it. */
  bytes?: Uint8Array;
}

/** POST /build: what the client sends (the context already filtered by .dockerignore). */
export interface BuildOptions {
  /** The Dockerfile's text (absent when it could not be read), and its name as the person gave it (for messages). */
  dockerfile?: string;
  dockerfileName?: string;
  /** Bytes of the .dockerignore, as transferred (0 when there is none). */
  ignoreBytes?: number;
  tags?: string[];
  buildArgs?: Record<string, string>;
  target?: string;
  noCache?: boolean;
  /** `--check`: run the build checks only (BuildKit's lint subrequest); nothing is built. */
  check?: boolean;
  /** Progress of the build, as BuildKit's solve status: vertices, their logs and completion. */
  onProgress?: (event: BuildEvent) => void;
  signal?: AbortSignal;
}

export type BuildEvent =
  | { kind: "start"; id: number; name: string }
  | { kind: "status"; id: number; text: string }
  /** Output of a RUN step: `seconds` since the step started. */
  | { kind: "log"; id: number; text: string; seconds: number }
  | { kind: "done"; id: number; cached: boolean; seconds: number }
  | { kind: "error"; id: number; message: string };

export interface BuildWarning {
  rule: string;
  message: string;
  line: number;
  endLine?: number;
  /** The rule's documentation page. */
  url?: string;
}

export interface BuildResult {
  /** The image ID; absent when the build failed. */
  Id?: string;
  /** Set when the build failed: the solve error, and the step and Dockerfile line it came from. */
  error?: { message: string; step?: string; line?: number; endLine?: number };
  warnings: BuildWarning[];
}
