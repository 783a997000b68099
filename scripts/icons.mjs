#!/usr/bin/env node
// Draws the app icons (PNG) from one SVG design with headless Chromium, into style/icons/.
// Run by hand when the design changes (`node scripts/icons.mjs`); the PNGs are committed.
import { chromium } from '@playwright/test';

// Two cards side by side — the two sides of a comparison — on the app's dark ground.
const svg = (size, { maskable }) => {
  // Maskable icons keep their content inside the central 80 % safe zone.
  const pad = maskable ? size * 0.2 : size * 0.12;
  const r = maskable ? 0 : size * 0.22;
  const w = (size - 2 * pad - size * 0.06) / 2;
  const h = (size - 2 * pad) * 0.92;
  const y = (size - h) / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
    <rect width="${size}" height="${size}" rx="${r}" fill="#1d2433"/>
    <rect x="${pad}" y="${y}" width="${w}" height="${h}" rx="${size * 0.05}" fill="#6ea0ff"/>
    <rect x="${size - pad - w}" y="${y}" width="${w}" height="${h}" rx="${size * 0.05}" fill="#f0a35a"/>
    <rect x="${pad + w * 0.18}" y="${y + h * 0.2}" width="${w * 0.64}" height="${size * 0.035}" rx="${size * 0.017}" fill="#1d2433" opacity="0.55"/>
    <rect x="${pad + w * 0.18}" y="${y + h * 0.34}" width="${w * 0.44}" height="${size * 0.035}" rx="${size * 0.017}" fill="#1d2433" opacity="0.55"/>
    <rect x="${size - pad - w + w * 0.18}" y="${y + h * 0.2}" width="${w * 0.64}" height="${size * 0.035}" rx="${size * 0.017}" fill="#1d2433" opacity="0.55"/>
    <rect x="${size - pad - w + w * 0.18}" y="${y + h * 0.34}" width="${w * 0.44}" height="${size * 0.035}" rx="${size * 0.017}" fill="#1d2433" opacity="0.55"/>
  </svg>`;
};

const OUT = [
  ['icon-192.png', 192, {}],
  ['icon-512.png', 512, {}],
  ['icon-maskable-512.png', 512, { maskable: true }],
  ['apple-touch-icon.png', 180, { maskable: true }],
];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const [name, size, opts] of OUT) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<body style="margin:0;background:transparent">${svg(size, { maskable: false, ...opts })}</body>`);
  await page.screenshot({ path: `style/icons/${name}`, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  console.log(`style/icons/${name}`);
}
await browser.close();
