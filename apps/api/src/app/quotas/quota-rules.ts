import { DomainError, DomainErrorCode } from '../common/domain-error';

/** A bad request listing every problem by field (`400 {statusCode, error, message, errors}`). */
export function badRequest(problems: { field: string; message: string }[]): DomainError {
  return new DomainError(
    DomainErrorCode.Invalid,
    problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)).join('; '),
    { errors: problems },
  );
}

/** The body as an object whose keys are all among `allowed`, else a 400 naming the strays. */
export function objectBody(body: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest([{ field: '', message: 'the body must be a JSON object' }]);
  }
  const b = body as Record<string, unknown>;
  const strays = Object.keys(b).filter((k) => !allowed.includes(k));
  if (strays.length > 0) {
    throw badRequest(strays.map((k) => ({ field: k, message: `unknown field "${k}"` })));
  }
  return b;
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A valid `YYYY-MM-DD` calendar date. */
export function isLocalDate(v: unknown): v is string {
  if (typeof v !== 'string' || !LOCAL_DATE.test(v)) {
    return false;
  }
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}
