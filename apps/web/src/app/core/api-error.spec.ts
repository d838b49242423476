import { HttpErrorResponse } from '@angular/common/http';
import { apiErrorMessage, httpStatus } from './api-error';

const failure = (status: number, error: unknown = null) =>
  new HttpErrorResponse({ status, error, url: '/api/x' });

describe('apiErrorMessage', () => {
  it('uses the message of the API error body', () => {
    expect(
      apiErrorMessage(
        failure(409, { statusCode: 409, error: 'Conflict', message: 'Site CHI already exists' }),
      ),
    ).toBe('Site CHI already exists');
  });

  it('joins a list of validation messages', () => {
    expect(
      apiErrorMessage(
        failure(400, { statusCode: 400, message: ['name is empty', 'timeZone is unknown'] }),
      ),
    ).toBe('name is empty; timeZone is unknown');
  });

  it('explains a network failure and statuses without a body', () => {
    expect(apiErrorMessage(failure(0))).toMatch(/Could not reach/);
    expect(apiErrorMessage(failure(403))).toBe('Your role is not allowed to do this.');
    expect(apiErrorMessage(failure(503))).toMatch(/server failed \(503\)/);
  });

  it('reads the status of HTTP failures only', () => {
    expect(httpStatus(failure(422))).toBe(422);
    expect(httpStatus(new Error('x'))).toBeNull();
  });
});
