import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadEnv } from './config/env';
import { migrate } from './database/data-source';
import { AppModule } from './app/app.module';
import { configureApp } from './app/configure-app';
import { DemoLoginsService } from './app/demo/demo-logins.service';
import { DemoSeedService } from './app/demo/demo-seed.service';

/**
 * Boots the API: validate the environment, migrate, load the demo data into an empty database,
 * then serve the API and the built dashboard on one port. `DATABASE_URL` must be set; the
 * `npm start` launcher (tools/scripts/start.mjs) starts an embedded PostgreSQL when it is not.
 */
async function bootstrap(): Promise<void> {
  const started = Date.now();
  const env = loadEnv(process.env);
  const applied = await migrate(env.DATABASE_URL);
  const app = await NestFactory.create(AppModule.forRoot(env), { bufferLogs: true });
  configureApp(app);
  await app.init();
  const seed = await app.get(DemoSeedService).seedIfEmpty();
  // A calls file of millions of rows streams for minutes: Node's default 5-minute limit per
  // request would cut it off (408) mid-import.
  (app.getHttpServer() as import('node:http').Server).requestTimeout = 60 * 60 * 1000;
  await app.listen(env.PORT, env.HOST);
  const url = `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${env.PORT}/`;
  const logins = await app.get(DemoLoginsService).logins();
  const lines = [
    '',
    `Floorwise is running at ${url}  (API docs: ${url}api/docs)`,
    applied.length > 0 ? `  migrations applied: ${applied.join(', ')}` : '  schema up to date',
    seed.seeded
      ? `  demo data loaded: ${seed.files.map((f) => `${f.kind} ${f.imported}`).join(', ')}`
      : '',
    seed.backfillBefore
      ? `  older demo calls (before ${seed.backfillBefore}) are loading in the background`
      : '',
    ...(logins.length > 0
      ? ['  demo sign-ins (password: ' + (logins[0]?.password ?? '') + '):']
      : []),
    ...logins.map((l) => `    ${l.role.padEnd(8)} ${l.email}`),
    `  ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    '',
  ].filter((l) => l !== '');
  process.stdout.write(`${lines.join('\n')}\n`);
  // Older demo calls load while the dashboard already answers (their figures appear when done).
  const demo = app.get(DemoSeedService);
  demo
    .backfill()
    .then((r) => {
      if (r) {
        process.stdout.write(
          `  demo history before ${r.before} loaded: ${r.imported} more calls\n`,
        );
      }
    })
    .catch((e: unknown) =>
      process.stderr.write(
        `  demo history did not load: ${e instanceof Error ? e.message : String(e)}\n`,
      ),
    );
}

bootstrap().catch((e: unknown) => {
  process.stderr.write(
    `Floorwise failed to start: ${e instanceof Error ? e.message : String(e)}\n`,
  );
  process.exit(1);
});
