/** The simulated registry's images, as data: what Docker Hub would serve. */
import type { ImageConfig } from "../backend/engine.ts";

export interface CatalogLayer {
  /** A stable name: images that share a layer name share the layer (and pull it as `Already exists`). */
  key: string;
  /** Bytes on disk once unpacked. */
  size: number;
  /** Bytes downloaded (the compressed blob). */
  compressed: number;
  /** The history entry's CREATED BY. */
  createdBy: string;
  /** Regular files this layer adds: path -> content (parent directories are implied). */
  files?: Record<string, string>;
  /** Executables this layer adds (mode 0755). What they do comes from just-bash or a program model. */
  executables?: string[];
  /** Symbolic links: path -> target. */
  symlinks?: Record<string, string>;
  /** Empty directories the layer creates (`/tmp`, `/var/log/nginx`). */
  dirs?: string[];
}

export interface CatalogImage {
  /** Repository name as Docker Hub spells it: `hello-world`, `library` implied for official images. */
  repository: string;
  /** Tags of this one build (they share a digest). A repository may have several entries (builds). */
  tags: string[];
  description: string;
  stars: number;
  official: boolean;
  /** ISO time the image was built. */
  created: string;
  /** Bottom-most first. */
  layers: CatalogLayer[];
  config: ImageConfig;
  /** Executables modelled in TypeScript: absolute path inside the image -> program name in `programs/`. */
  programs?: Record<string, string>;
}
