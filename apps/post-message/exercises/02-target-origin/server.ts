// The chapter's own server: three origins, each answering GET /origins and serving this exercise's pages.
export { default } from '../../server/app.ts';
