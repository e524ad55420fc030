import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';

const emptyModule = fileURLToPath(new URL('./src/export/empty-module.ts', import.meta.url));

/** Vite's dev server injects <style> tags; relax style-src for `vite dev` only. The build keeps the strict policy. */
function devStylesAllowed(): Plugin {
  return {
    name: 'dev-styles-allowed',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
  };
}

export default defineConfig({
  plugins: [
    svelte(),
    svelteTesting(),
    devStylesAllowed(),
    VitePWA({
      registerType: 'prompt',
      includeAssets: ['icons/*.png', 'icons/*.svg', 'frameworks/*.json'],
      manifest: {
        name: 'Readiness Workbook',
        short_name: 'Readiness',
        description:
          "Self-assessment, case-file audit and inspection readiness for children's services. Works offline; data stays on this device.",
        lang: 'en-GB',
        start_url: '.',
        scope: '.',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1d4f6b',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,json,ttf,woff2}'],
        navigateFallback: 'index.html',
        // Sign-in with a team server (src/server) must reach the server, never the cached app.
        navigateFallbackDenylist: [/^\/auth\//],
        maximumFileSizeToCacheInBytes: 6 * 1024 * 1024,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  resolve: {
    alias: { html2canvas: emptyModule, dompurify: emptyModule, canvg: emptyModule },
  },
  css: {
    preprocessorOptions: {
      // govuk-frontend 5 is written with @import and global functions; its own upgrade will move to @use.
      scss: {
        silenceDeprecations: ['import', 'global-builtin', 'slash-div', 'if-function'],
        quietDeps: true,
      },
    },
  },
  base: './',
  build: { target: 'es2022', sourcemap: false },
  test: {
    environment: 'jsdom',
    setupFiles: ['tests/setup.ts'],
    include: ['tests/**/*.test.ts'],
    restoreMocks: true,
  },
});
