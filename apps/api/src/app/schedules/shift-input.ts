import { DateTime } from 'luxon';
import { ImportProblems, RowProblems } from '../imports/import-problems';
import { DomainError, DomainErrorCode } from '../common/domain-error';
import { AgentRef, parseShift, ShiftRow } from './imports/shift-row';

const HAS_OFFSET = /(Z|[+-]\d{2}(:?\d{2})?)$/i;
const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * An instant given to the API: ISO 8601 with an offset (checked against the site's clock like
 * the import does), or a local wall time `YYYY-MM-DDTHH:mm` read in the site's zone. A wall time
 * the clocks skip (the spring-forward hour) is refused; one they repeat (the fall-back hour) is
 * its first occurrence.
 */
export function resolveInstant(value: string, field: string, zone: string): string {
  const v = value.trim();
  if (HAS_OFFSET.test(v)) {
    return v;
  }
  const m = LOCAL.exec(v);
  if (!m) {
    throw new DomainError(
      DomainErrorCode.Invalid,
      `${field} "${v}" is neither an ISO 8601 date-time with an offset nor a local time YYYY-MM-DDTHH:mm`,
    );
  }
  const dt = DateTime.fromISO(v, { zone });
  if (!dt.isValid) {
    throw new DomainError(
      DomainErrorCode.Invalid,
      `${field} "${v}" is not a date-time that exists`,
    );
  }
  if (dt.toFormat("yyyy-MM-dd'T'HH:mm") !== `${m[1]}T${m[2]}:${m[3]}`) {
    throw new DomainError(
      DomainErrorCode.Invalid,
      `${field} ${m[1]} ${m[2]}:${m[3]} does not exist in ${zone}: the clocks skip that hour`,
    );
  }
  return dt.toISO({ suppressMilliseconds: true }) as string;
}

/** One problem of a shift given to the API. */
export interface ShiftProblem {
  field: string;
  message: string;
}

/**
 * Checks a shift given to the API with the very rules of the import (`parseShift`): the same
 * messages whichever way a shift arrives. Returns the row or the problems.
 */
export function checkShift(
  values: Record<string, string>,
  agent: AgentRef & { employeeCode: string },
  now = Date.now(),
): { row: ShiftRow | null; problems: ShiftProblem[] } {
  const all = new ImportProblems();
  const p = new RowProblems(all, 0);
  const row = parseShift(0, { ...values, employee_code: agent.employeeCode }, p, {
    agents: new Map([[agent.employeeCode, agent]]),
    teamIds: 'all',
    now,
  });
  return {
    row: p.any ? null : row,
    problems: all.errors.map((e) => ({ field: fieldName(e.field), message: e.message })),
  };
}

/** The API's camelCase name of an import field. */
export function fieldName(field: string): string {
  return field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** A 400 naming every problem of a shift. */
export function shiftInvalid(problems: ShiftProblem[]): DomainError {
  return new DomainError(
    DomainErrorCode.Invalid,
    `The shift is not valid: ${problems.map((p) => p.message).join('; ')}`,
    { problems },
  );
}
