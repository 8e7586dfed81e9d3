import type { Program } from "../../engine/process.ts";
import { hello } from "./hello.ts";

/** Program models by name, as `CatalogImage.programs` refers to them. */
export const programs: Record<string, Program> = { hello };
