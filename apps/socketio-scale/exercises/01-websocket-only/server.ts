// The server pnpm practice runs beside this exercise: the chapter itself.
export { default } from '../../server/app.ts';
