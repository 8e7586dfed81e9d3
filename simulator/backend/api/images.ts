/** Engine API shapes of /images: list, inspect, history, remove, search and commit. */
export interface ImageSummary {
  Id: string;
  ParentId: string;
  RepoTags: string[];
  RepoDigests: string[];
  Created: number;
  Size: number;
  /** Bytes of compressed content (what a pull downloads). */
  ContentSize: number;
  Containers: number;
  Labels: Record<string, string>;
}

export interface ImageConfig {
  Cmd: string[] | null;
  Entrypoint: string[] | null;
  Env: string[];
  WorkingDir: string;
  User: string;
  ExposedPorts?: Record<string, object>;
  Volumes?: Record<string, object>;
  Labels: Record<string, string> | null;
  StopSignal?: string;
  /** Set by HEALTHCHECK, SHELL and ONBUILD in a Dockerfile. */
  Healthcheck?: { Test: string[]; Interval?: number; Timeout?: number; StartPeriod?: number; StartInterval?: number; Retries?: number };
  Shell?: string[];
  OnBuild?: string[] | null;
}

export interface ImageInspect {
  Id: string;
  RepoTags: string[];
  RepoDigests: string[];
  Comment: string;
  Created: string;
  Author: string;
  Config: ImageConfig;
  Architecture: string;
  Os: string;
  Size: number;
  RootFS: { Type: "layers"; Layers: string[] };
  Metadata: { LastTagTime: string };
}

export type ImageDeleteItem = { Untagged: string } | { Deleted: string };

export interface HistoryItem {
  Id: string;
  Created: number;
  CreatedBy: string;
  Tags: string[] | null;
  Size: number;
  Comment: string;
}

export interface SearchResult {
  name: string;
  description: string;
  star_count: number;
  is_official: boolean;
  is_automated: boolean;
}

export interface CommitOptions {
  /** `repo[:tag]` to name the new image. */
  reference?: string;
  comment?: string;
  author?: string;
  /** Dockerfile instructions applied to the config: `CMD ["app"]`, `ENV A=1`, `EXPOSE 80`. */
  changes?: string[];
  pause?: boolean;
}
