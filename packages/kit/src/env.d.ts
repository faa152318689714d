/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The hub's URL, if not the default http://localhost:1900/. */
  readonly VITE_COURSE_HUB_URL?: string;
}
