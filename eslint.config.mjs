// ESLint for the JavaScript the app ships that is written by hand: the loader inlined
// into index.html, and the service worker's answer to page addresses. (The build and test
// scripts run in Node and in the test runner.)
import js from '@eslint/js';

export default [
  {
    files: ['scripts/loader.js'],
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: Object.fromEntries(
        [
          'addEventListener', 'dispatchEvent', 'document', 'Event', 'fetch', 'globalThis', 'location',
          'localStorage', 'matchMedia', 'navigator', 'PerformanceObserver', 'removeEventListener',
          'requestIdleCallback', 'setTimeout',
          'WebAssembly',
        ].map((name) => [name, 'readonly']),
      ),
    },
    rules: {
      ...js.configs.recommended.rules,
      'no-var': 'error',
      'prefer-const': 'error',
      eqeqeq: 'error',
    },
  },
  {
    files: ['scripts/sw-addresses.js'],
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'script',
      globals: Object.fromEntries(
        ['caches', 'fetch', 'Response', 'self', 'URL'].map((name) => [name, 'readonly']),
      ),
    },
    rules: {
      ...js.configs.recommended.rules,
      'no-var': 'error',
      'prefer-const': 'error',
      eqeqeq: 'error',
    },
  },
];
