import { z } from "astro/zod";
import { goalSchema } from "./goal-schema.ts";

/**
 * The frontmatter of a lesson (`content/<NN-slug>/<lang>.mdx`). The one place that
 * says what a lesson may declare; adding a lesson touches no code.
 */

/** One exercise: goals over engine state, checked after each command. */
export const exerciseSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/)
      .describe("Stable id, unique in the lesson and the same in every language, e.g. `run-hello-world`."),
    title: z.string().min(1).describe("What the learner is asked to do, in the lesson's language."),
    goals: z
      .array(goalSchema)
      .min(1)
      .describe("Conditions over engine state that complete the exercise (never the typed words); see src/lessons/goals.ts."),
    hints: z
      .array(z.string())
      .optional()
      .describe("Hints shown one at a time, in the lesson's language."),
    solution: z
      .array(z.string())
      .min(1)
      .describe("Command lines that reach the goals; tests replay them in every language."),
  })
  .strict()
  .describe("An exercise the learner solves in the terminal.");

export const lessonSchema = z
  .object({
    title: z.string().min(1).describe("The lesson's title, in the file's language."),
    description: z
      .string()
      .min(1)
      .max(200)
      .describe("One or two sentences shown on the lesson list and as the page description."),
    order: z
      .number()
      .int()
      .positive()
      .describe("Position in the syllabus, 1 first. Both language files of a lesson carry the same value."),
    exercises: z
      .array(exerciseSchema)
      .optional()
      .describe("Exercises checked against the simulator's state, in the order shown."),
    editor: z
      .boolean()
      .optional()
      .describe("`true`: the page shows the file editor beside the terminal (Dockerfiles, compose files)."),
    files: z
      .record(
        z
          .string()
          .regex(/^(?!\/)(?!.*(^|\/)\.\.?(\/|$))[^\0]+$/)
          .describe("A path in the learner's home folder, e.g. `Dockerfile` or `site/index.html`."),
        z.string(),
      )
      .optional()
      .describe("Files the lesson puts in the learner's home folder before the terminal starts; tests write them before replaying solutions."),
  })
  .strict()
  .describe("Frontmatter of one lesson in one language.");

export type LessonData = z.infer<typeof lessonSchema>;
export type Exercise = z.infer<typeof exerciseSchema>;
