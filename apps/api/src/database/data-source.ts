import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * The one data source definition, shared by the app, the test setup and the TypeORM CLI.
 * Never `synchronize`: the schema changes only through migrations.
 */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: { max: 20, application_name: 'floorwise-api' },
  };
}

/** Runs every pending migration against `url`, then closes the connection. */
export async function migrate(url: string): Promise<string[]> {
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  try {
    const done = await ds.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

/** Used by `typeorm migration:*` commands: `DATABASE_URL=… npx typeorm -d apps/api/src/database/data-source.ts`. */
export default new DataSource(dataSourceOptions(process.env['DATABASE_URL'] ?? ''));
