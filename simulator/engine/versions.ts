/** The Docker versions the simulator behaves as. */
export const ENGINE_VERSION = "29.7.0";
export const API_VERSION = "1.55";
export const MIN_API_VERSION = "1.44";
export const CLIENT_VERSION = "29.7.0";
export const CLIENT_GIT_COMMIT = "3d4f2c7";
export const GO_VERSION = "go1.25.4";
