import { Organisation1763900000000 } from './1763900000000-organisation';
import { Calls1763900100000 } from './1763900100000-calls';
import { Shifts1764000000000 } from './1764000000000-shifts';
import { Schedules1764100000000 } from './1764100000000-schedules';
import { QuotasFloor1764200000000 } from './1764200000000-quotas-floor';
import { Spiff1764300000000 } from './1764300000000-spiff';
import { Burnout1764400000000 } from './1764400000000-burnout';
import { Turnover1764500000000 } from './1764500000000-turnover';
import { CallsImportSpeed1764600000000 } from './1764600000000-calls-import-speed';
import { BurnoutQuotaMarks1764900000000 } from './1764900000000-burnout-quota-marks';
import { AuthChanged1765000000000 } from './1765000000000-auth-changed';

/** Every migration, in order. Migrations are never edited once landed: add a new one. */
export const MIGRATIONS = [
  Organisation1763900000000,
  Calls1763900100000,
  Shifts1764000000000,
  Schedules1764100000000,
  QuotasFloor1764200000000,
  Spiff1764300000000,
  Burnout1764400000000,
  Turnover1764500000000,
  CallsImportSpeed1764600000000,
  BurnoutQuotaMarks1764900000000,
  AuthChanged1765000000000,
];
