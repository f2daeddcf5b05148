import { ConfigError, parseConfig } from './config.ts';
import { boot, resolveSessionSecret } from './boot.ts';
import { createApp } from './app.ts';
import { runStartupTasks } from './startup.ts';
import { createListeningServer } from './listen.ts';

async function main(): Promise<void> {
  // Certificate files are read before the database is opened, so a bad path stops the start at once.
  const server = createListeningServer(parseConfig(process.env));
  const { ctx, config, database } = await boot();
  // The public verification site imports no course, seeds no account and holds no signing key.
  const verifySite = config.mode === 'verify';
  if (!verifySite) {
    await runStartupTasks(ctx);
    // The certificate issuer's Ed25519 key exists from the first start (docs/certificates.md).
    await ctx.certificates.signingKey();
  }
  const app = createApp(ctx, verifySite ? '' : await resolveSessionSecret(ctx));
  server.on('request', app);
  server.listen(config.port, () => {
    const scheme = config.tls ? 'https' : 'http';
    process.stdout.write(`Tremplin${verifySite ? ' (verification site)' : ''} listening on ${config.baseUrl} (port ${config.port}, ${scheme}, ${database.dialect})\n`);
  });
  const stop = () => {
    server.close(() => void database.close().then(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`Configuration error: ${err.message}\n`);
  } else {
    process.stderr.write(`Tremplin could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  }
  process.exit(1);
});
