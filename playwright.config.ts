import { defineConfig, devices } from '@playwright/test';
import type { Engine } from './tests/e2e/engines';

// End-to-end tests against the release build in dist/, served like a static host under a
// sub-path, in Debian's Chromium (never a downloaded browser); the journeys also in
// Debian's Firefox ESR and in WebKitGTK, through WebDriver (tests/e2e/engines.ts).
const PORT = 4173;
export const BASE_PATH = '/diffdeck/';

const chromium = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export default defineConfig<{ engine: Engine; windowSize: { width: number; height: number } | null }>({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    launchOptions: chromium,
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `node scripts/serve.mjs --dir dist --base ${BASE_PATH} --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    reuseExistingServer: false,
    stdout: 'ignore',
  },
  projects: [
    {
      name: 'phone',
      use: { ...devices['Pixel 7'], viewport: { width: 360, height: 780 }, launchOptions: chromium },
    },
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, launchOptions: chromium },
    },
    {
      // Firefox 153 ESR, at a desktop's size (geckodriver).
      name: 'firefox',
      testMatch: 'journeys.spec.ts',
      use: { engine: 'firefox', windowSize: { width: 1280, height: 800 } },
    },
    {
      // WebKitGTK's MiniBrowser (Safari's engine), at a phone's width (WebKitWebDriver).
      name: 'webkit',
      testMatch: 'journeys.spec.ts',
      use: { engine: 'webkit', windowSize: { width: 390, height: 844 } },
    },
  ],
});
