import { runChapter } from '@course/kit';
import { createServers, forwardUpgrades } from './app.js';

// Entry point: three origins on PORT (the parent page, default 2100), FRAME_PORT
// (the trusted iframe, 2101) and THIRD_PORT (the untrusted one, 2102), all serving the pages.
await runChapter(import.meta.url, ({ client }) => {
  const servers = createServers({ client });
  // Under --dev, Vite's hot-reload socket is on PORT; the iframes reach it through their own port.
  if (process.argv.includes('--dev')) forwardUpgrades(servers);
  return servers;
});
