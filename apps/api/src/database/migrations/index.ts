import { Organisation1763900000000 } from './1763900000000-organisation';
import { Calls1763900100000 } from './1763900100000-calls';
import { Shifts1764000000000 } from './1764000000000-shifts';
import { Schedules1764100000000 } from './1764100000000-schedules';
import { CallsImportSpeed1764600000000 } from './1764600000000-calls-import-speed';

/** Every migration, in order. Migrations are never edited once landed: add a new one. */
export const MIGRATIONS = [
  Organisation1763900000000,
  Calls1763900100000,
  Shifts1764000000000,
  Schedules1764100000000,
  CallsImportSpeed1764600000000,
];
