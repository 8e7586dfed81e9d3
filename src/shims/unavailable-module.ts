/** Optional native packages just-bash tries to load for xz and zstd archives: absent in the browser. */
throw new Error("xz and zstd compression are not available in the browser");
