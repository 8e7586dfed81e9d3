import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { lessonSchema } from "./lessons/schema.ts";

/** Lessons: `content/<NN-slug>/<lang>.mdx`, id `<NN-slug>/<lang>`. */
const lessons = defineCollection({
  loader: glob({
    base: "./content",
    pattern: "*/{en,ko}.mdx",
    generateId: ({ entry }) => entry.replace(/\.mdx$/, ""),
  }),
  schema: lessonSchema,
});

export const collections = { lessons };
