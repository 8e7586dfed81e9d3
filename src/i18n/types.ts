import type { en } from "./en.ts";

/** Every language file has exactly the keys of the English one. */
export type UiStrings = { readonly [K in keyof typeof en]: string };
export type UiKey = keyof UiStrings;
