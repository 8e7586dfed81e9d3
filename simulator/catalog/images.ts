/** The images the simulated Docker Hub serves; the data lives in images/, one file per family. */
import type { CatalogImage } from "./types.ts";
import { databaseImages } from "./images/databases.ts";
import { languageImages } from "./images/languages.ts";
import { osImages } from "./images/os.ts";
import { webImages } from "./images/web.ts";
import { communityImages } from "./images/community.ts";

/** Every build on the simulated Docker Hub; a repository has one entry per build, its tags are aliases. */
export const catalogImages: CatalogImage[] = [...osImages, ...webImages, ...languageImages, ...databaseImages, ...communityImages];
