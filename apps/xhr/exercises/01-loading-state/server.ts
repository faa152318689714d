// The chapter's own server: its /ajax3_result1 answers this exercise's page.
export { default } from '../../server/app.ts';
