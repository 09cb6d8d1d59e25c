// The runtime configuration (/config.json): which API and which sign-in, the same build for local and AWS.
import type { SiteConfig } from '#shared/site/headers.ts';

export async function loadConfig(): Promise<SiteConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json: ${response.status}`);
  return (await response.json()) as SiteConfig;
}
