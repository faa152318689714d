/** Names `readyState` with the lecture's switch, whose cases fall through: see fall-through.js. */
export function sayFallingThrough(readyState: number, say: (name: string) => void): void;
