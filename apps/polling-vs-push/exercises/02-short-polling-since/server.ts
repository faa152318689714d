// The chapter's own server: its run API and GET /feed/poll answer this exercise's page.
export { default } from '../../server/app.ts';
