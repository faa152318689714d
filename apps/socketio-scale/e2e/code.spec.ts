import { checkFixedPanel, checkPanelsPlaced } from '@course/e2e/code-panel';
import { test } from '@playwright/test';

// The "Show the code" panels: the code that runs each demo, read from the server's files at build time.

test('each panel sits in the section of the demo it explains', async ({ page }) => {
  await page.goto('/');
  await checkPanelsPlaced(page, {
    'topology-section': ['adapter'],
    'chat-section': ['route'],
    'crash-section': ['sticky-primary', 'sticky-master', 'sticky-worker'],
  });
});

test('the adapter panel shows the adapter given to the rooms chapter’s factory', async ({
  page,
}) => {
  await page.goto('/');
  await checkFixedPanel(page, 'adapter', {
    fixed: 'const servers = createServers({',
    note: 'the adapter is given to the factory',
    file: 'apps/socketio-scale/server/instance.ts',
  });
});

test('the sticky panels show advanced serialization and the primary handing connections over', async ({
  page,
}) => {
  await page.goto('/');
  await checkFixedPanel(page, 'sticky-primary', {
    fixed: "exec: join(import.meta.dirname, 'worker.ts'),",
    note: 'needs "advanced" serialization',
    file: 'apps/socketio-scale/server/app.ts',
  });
  await checkFixedPanel(page, 'sticky-master', {
    fixed: "setupMaster(http, { loadBalancingMethod: 'least-connection' });",
    file: 'apps/socketio-scale/server/app.ts',
  });
});
