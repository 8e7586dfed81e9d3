/** The Engine API's data shapes (v1.55), as the simulated engine and the gateway client exchange them: one file per object in api/. */
export type * from "./api/containers.ts";
export type * from "./api/exec.ts";
export type * from "./api/images.ts";
export type * from "./api/distribution.ts";
export type * from "./api/networks.ts";
export type * from "./api/volumes.ts";
export type * from "./api/system.ts";
export type * from "./api/build.ts";
