/** The goal language of exercises: what a lesson's frontmatter may ask of the engine's state. */
import { z } from "astro/zod";

const containerGoal = z
  .object({
    kind: z.literal("container").describe("A container exists that matches every field given."),
    image: z.string().optional().describe("The image it was created from, as typed (`nginx`, `nginx:latest` also matches `nginx`)."),
    name: z.string().optional().describe("Its name."),
    state: z.enum(["created", "running", "paused", "restarting", "exited"]).optional().describe("Its state."),
    exitCode: z.number().int().optional().describe("Its last exit code (for exited containers)."),
    publishes: z.number().int().optional().describe("A host port it publishes (`-p 8080:80` publishes 8080)."),
    mounts: z.string().optional().describe("A path inside it where a volume or host directory is mounted."),
    network: z.string().optional().describe("A network it is connected to."),
  })
  .strict();

const imageGoal = z
  .object({
    kind: z.literal("image").describe("A local image exists (or, with `present: false`, does not)."),
    ref: z.string().describe("`name[:tag]`, e.g. `myapp:1.0`."),
    present: z.boolean().optional().describe("false: the goal is that no such image is left."),
    cmd: z.array(z.string()).optional().describe("Its CMD, exactly."),
    entrypoint: z.array(z.string()).optional().describe("Its ENTRYPOINT, exactly."),
    minLayers: z.number().int().optional().describe("At least this many layers (a commit or build added one)."),
    labels: z.record(z.string(), z.string()).optional().describe("Labels it carries (`LABEL` in a Dockerfile), at least these, with these values."),
    steps: z.array(z.string().min(1)).min(1).optional().describe("Build steps in its history, oldest first: each is found, after the one before, in a line's CREATED BY (`COPY requirements.txt`)."),
  })
  .strict();

const volumeGoal = z
  .object({
    kind: z.literal("volume").describe("A volume exists (or, with `present: false`, does not)."),
    name: z.string().optional().describe("Its name."),
    present: z.boolean().optional().describe("false: the goal is that no such volume is left (with `name`: that one; without: none at all)."),
    unused: z.boolean().optional().describe("true: no container uses it any more (it outlived its container)."),
  })
  .strict();

const networkGoal = z
  .object({
    kind: z.literal("network").describe("A network exists (or, with `present: false`, does not)."),
    name: z.string().describe("Its name."),
    present: z.boolean().optional().describe("false: the goal is that no network of this name is left."),
    members: z.array(z.string()).optional().describe("Containers (by name) connected to it, at least these."),
  })
  .strict();

const countGoal = z
  .object({
    kind: z.literal("containers").describe("How many containers exist (`docker ps -a`)."),
    count: z.number().int().min(0).optional().describe("Exactly this many."),
    running: z.number().int().min(0).optional().describe("Exactly this many running."),
  })
  .strict();

export const goalSchema = z.discriminatedUnion("kind", [containerGoal, imageGoal, volumeGoal, networkGoal, countGoal]).describe("One condition over the engine's state.");
export type Goal = z.infer<typeof goalSchema>;
