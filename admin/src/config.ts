// The runtime configuration (/config.json): which API and which sign-in, the same build for local and AWS.
import type { SiteConfig } from '#shared/site/headers.ts';

let loaded: SiteConfig | undefined;

export async function loadConfig(): Promise<SiteConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json: ${response.status}`);
  loaded = (await response.json()) as SiteConfig;
  return loaded;
}

/** The configuration loaded at start (main.tsx loads it before anything renders). */
export function runtimeConfig(): SiteConfig {
  if (!loaded) throw new Error('config.json is not loaded yet');
  return loaded;
}
