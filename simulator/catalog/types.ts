/** The simulated registry's images, as data: what Docker Hub would serve. */
import type { ImageConfig } from "../backend/engine.ts";

export interface CatalogLayer {
  /** Bytes on disk once unpacked. */
  size: number;
  /** Bytes downloaded (the compressed blob). */
  compressed: number;
  /** The history entry's CREATED BY. */
  createdBy: string;
  /** Files this layer adds: path -> content (directories are implied). */
  files?: Record<string, string>;
  /** A stable name so images that share a base share the layer (and pull it as `Already exists`). */
  key: string;
}

export interface CatalogImage {
  /** Repository name as Docker Hub spells it: `hello-world`, `library` implied for official images. */
  repository: string;
  tags: string[];
  description: string;
  stars: number;
  official: boolean;
  /** ISO time the image was built. */
  created: string;
  layers: CatalogLayer[];
  config: ImageConfig;
  /** Executables modelled in TypeScript: path inside the image -> program name in `programs/`. */
  programs?: Record<string, string>;
}
