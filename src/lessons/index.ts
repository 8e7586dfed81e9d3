import { getCollection, type CollectionEntry } from "astro:content";
import { languages, type Lang } from "../i18n/index.ts";

export type LessonEntry = CollectionEntry<"lessons">;

/** One lesson in one language, with where it lives on the site. */
export interface Lesson {
  entry: LessonEntry;
  lang: Lang;
  /** URL segment: the folder name without its number, e.g. `what-is-docker`. */
  slug: string;
  /** The folder name, the same for every language, e.g. `01-what-is-docker`. */
  folder: string;
}

function toLesson(entry: LessonEntry): Lesson {
  const [folder = "", lang = ""] = entry.id.split("/");
  if (!(languages as readonly string[]).includes(lang)) {
    throw new Error(`Lesson ${entry.id}: file name must be one of ${languages.join(", ")}.mdx`);
  }
  return { entry, lang: lang as Lang, folder, slug: folder.replace(/^\d+-/, "") };
}

/** Every lesson, checked to exist in every language with the same order. */
export async function allLessons(): Promise<Lesson[]> {
  const lessons = (await getCollection("lessons")).map(toLesson);
  const folders = new Set(lessons.map((l) => l.folder));
  for (const folder of folders) {
    const versions = lessons.filter((l) => l.folder === folder);
    for (const lang of languages) {
      if (!versions.some((l) => l.lang === lang)) {
        throw new Error(`Lesson content/${folder} has no ${lang}.mdx`);
      }
    }
    const orders = new Set(versions.map((l) => l.entry.data.order));
    if (orders.size > 1) throw new Error(`Lesson content/${folder}: order differs between languages`);
  }
  return lessons.sort((a, b) => a.entry.data.order - b.entry.data.order);
}

/** The lessons of one language, in syllabus order. */
export async function lessonsIn(lang: Lang): Promise<Lesson[]> {
  return (await allLessons()).filter((l) => l.lang === lang);
}
