// The CDK app: one stack, checked by cdk-nag's AwsSolutions rules. Build the site first (npm run build).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AmonStack } from './stack.ts';

export function buildApp(options: { siteDir: string; outdir?: string }) {
  const app = new App(options.outdir ? { outdir: options.outdir } : {});
  const stack = new AmonStack(app, 'Amon', {
    siteDir: options.siteDir,
    env: { region: process.env.CDK_DEFAULT_REGION ?? 'eu-central-1', account: process.env.CDK_DEFAULT_ACCOUNT },
    description: 'amoN: re-qualification casework, company surveys and network reports',
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const siteDir = resolve(import.meta.dirname, '../.build/site');
  if (!existsSync(resolve(siteDir, 'index.html'))) {
    console.error('The admin site is not built. Run `npm run build` first (`npm run synth` does it for you).');
    process.exit(1);
  }
  buildApp({ siteDir }).app.synth();
}
