import { sessionCookieOf } from './auth.guard';

describe('sessionCookieOf', () => {
  it('finds the session cookie among others, decoded', () => {
    expect(sessionCookieOf('fw_session=abc.def')).toBe('abc.def');
    expect(sessionCookieOf('theme=dark; fw_session=a%2Bb.c; lang=en')).toBe('a+b.c');
    expect(sessionCookieOf('theme=dark;fw_session="quoted.value"')).toBe('quoted.value');
  });

  it('is null without the cookie, for an empty value or one that is not URI-encoded text', () => {
    expect(sessionCookieOf(undefined)).toBeNull();
    expect(sessionCookieOf('')).toBeNull();
    expect(sessionCookieOf('xfw_session=abc; fw_sessionx=def')).toBeNull();
    expect(sessionCookieOf('fw_session=')).toBeNull();
    expect(sessionCookieOf('fw_session=%E0%A4%A')).toBeNull();
    expect(sessionCookieOf('justtext')).toBeNull();
  });

  it('takes the first when the cookie is sent twice (as cookie parsers do)', () => {
    expect(sessionCookieOf('fw_session=first; fw_session=second')).toBe('first');
  });
});
