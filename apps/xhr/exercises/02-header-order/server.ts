// The chapter's own server: its POST /ajax4_result1 echoes what this exercise's page sends.
export { default } from '../../server/app.ts';
