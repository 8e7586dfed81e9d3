import { en } from "./en.ts";
import { ko } from "./ko.ts";
import type { UiKey, UiStrings } from "./types.ts";

export type { UiKey, UiStrings } from "./types.ts";

/** The languages the site is written in; the first is the fallback. */
export const languages = ["en", "ko"] as const;
export type Lang = (typeof languages)[number];

const strings: Record<Lang, UiStrings> = { en, ko };

/** The localStorage key that remembers the learner's language choice. */
export const langStorageKey = "dockyard:lang";

export function isLang(value: string | undefined): value is Lang {
  return (languages as readonly string[]).includes(value ?? "");
}

/** A translator for one language: `t("home.lessonNumber", { n: 2 })`. */
export function useStrings(lang: Lang) {
  const table = strings[lang];
  return (key: UiKey, params: Record<string, string | number> = {}): string =>
    table[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
}

/** A site path under the configured base, e.g. `sitePath("/ko/playground/")`. */
export function sitePath(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, "");
  return `${base}${path}`;
}

/** The same page in another language: `/en/lessons/x/` -> `/ko/lessons/x/`. */
export function switchLangPath(pathname: string, to: Lang): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, "");
  const path = pathname.slice(base.length);
  const match = /^\/(en|ko)(?=\/|$)/.exec(path);
  // A page outside the language folders (the 404) switches to that language's home.
  const rest = match ? path.slice(match[0].length) : "/";
  return `${base}/${to}${rest || "/"}`;
}
