// Builds the staff SPA (admin/index.html) and the public pages, the survey form (admin/survey/) and the offer catalogue
// (admin/katalog/), event registration (admin/veranstaltungen/) and the newsletter (admin/newsletter/), into .build/site.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = resolve(import.meta.dirname, 'admin');
const api = `http://127.0.0.1:${process.env.AMON_API_PORT ?? process.env.PORT ?? '3000'}`;
const entries: Record<string, string> = { main: resolve(root, 'index.html') };
if (existsSync(resolve(root, 'survey/index.html'))) entries.survey = resolve(root, 'survey/index.html');
if (existsSync(resolve(root, 'katalog/index.html'))) entries.katalog = resolve(root, 'katalog/index.html');
if (existsSync(resolve(root, 'veranstaltungen/index.html'))) entries.veranstaltungen = resolve(root, 'veranstaltungen/index.html');
if (existsSync(resolve(root, 'newsletter/index.html'))) entries.newsletter = resolve(root, 'newsletter/index.html');

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, '.build/site'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: { input: entries },
  },
  // `npm run dev`: the dev server hands everything that is not the site's own to the local API.
  server: { proxy: Object.fromEntries(['/api', '/auth', '/config.json', '/healthz', '/medien'].map((path) => [path, api])) },
});
