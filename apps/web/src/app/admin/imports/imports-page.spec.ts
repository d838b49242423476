import { HttpEventType, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ImportRejected, SessionUser } from '@floorwise/contracts';
import { apiInterceptor } from '../../core/api.interceptor';
import { AuthService } from '../../core/auth.service';
import { ImportsPage, readRejection } from './imports-page';

describe('ImportsPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<ImportsPage>;
  let el: HTMLElement;

  async function renderAs(user: SessionUser) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthService).session().subscribe();
    http.expectOne('/api/auth/me').flush(user);
    fixture = TestBed.createComponent(ImportsPage);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  async function chooseKind(kind: string) {
    el.querySelector<HTMLElement>(`mat-chip-option[data-kind=${kind}]`)?.click();
    await fixture.whenStable();
  }

  async function chooseFile(file: File) {
    const input = el.querySelector<HTMLInputElement>('[data-testid=file-input]');
    if (!input) {
      throw new Error('file input not rendered');
    }
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
  }

  async function upload() {
    el.querySelector<HTMLButtonElement>('[data-testid=upload]')?.click();
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('uploads the raw file and lists every row error of a 422, saying nothing was written', async () => {
    await renderAs({ email: 'root@floor.example', role: 'admin' });
    await chooseKind('agents');
    const file = new File(['employee_code,full_name\nE1,Ana\n'], 'agents.csv', {
      type: 'text/csv',
    });
    await chooseFile(file);
    expect(el.querySelector('[data-testid=file-name]')?.textContent).toContain('agents.csv');
    await upload();

    const req = http.expectOne('/api/imports/agents');
    expect(req.request.method).toBe('POST');
    expect(req.request.headers.get('Content-Type')).toBe('text/csv');
    expect(req.request.body).toBe(file);
    expect(req.request.reportProgress).toBe(true);

    const rejected: ImportRejected = {
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: 'The file has 3 errors; nothing was imported',
      errors: [
        { line: 2, field: 'team_code', message: 'unknown team T9' },
        { line: 5, field: 'hire_date', message: '2025-02-30 is not a date' },
        { line: 7, field: 'work_mode', message: 'must be one of onsite, remote, hybrid' },
      ],
      errorCount: 3,
      truncated: false,
    };
    req.flush(rejected, { status: 422, statusText: 'Unprocessable Entity' });
    await fixture.whenStable();

    const rejection = el.querySelector('[data-testid=rejection]');
    expect(rejection?.textContent).toContain('Nothing was written');
    expect(rejection?.textContent).toContain('agents.csv was rejected with 3 problems');
    const rows = [...el.querySelectorAll('[data-testid=error-row]')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['2', 'team_code', 'unknown team T9'],
      ['5', 'hire_date', '2025-02-30 is not a date'],
      ['7', 'work_mode', 'must be one of onsite, remote, hybrid'],
    ]);
  });

  it('says when the list of errors is cut short', async () => {
    await renderAs({ email: 'root@floor.example', role: 'admin' });
    await chooseKind('calls');
    await chooseFile(new File(['{"call_id":"c1"}\n'], 'calls.ndjson'));
    await upload();
    const req = http.expectOne('/api/imports/calls');
    expect(req.request.headers.get('Content-Type')).toBe('application/x-ndjson');
    req.flush(
      {
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'invalid',
        errors: [{ line: 2, field: 'outcome', message: 'not allowed' }],
        errorCount: 4200,
        truncated: true,
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await fixture.whenStable();
    expect(el.textContent).toContain('rejected with 4,200 problems');
    expect(el.textContent).toContain('The first 1 are listed.');
  });

  it('shows upload progress, then the counts of a successful import', async () => {
    await renderAs({ email: 'm@floor.example', role: 'manager' });
    await chooseKind('shifts');
    await chooseFile(new File(['x'.repeat(1000)], 'shifts.csv'));
    await upload();
    const req = http.expectOne('/api/imports/shifts');
    req.event({ type: HttpEventType.UploadProgress, loaded: 250, total: 1000 });
    await fixture.whenStable();
    expect(el.textContent).toContain('25%');
    expect(el.querySelector('mat-progress-bar')?.getAttribute('aria-valuenow')).toBe('25');

    req.flush({ imported: 1200, updated: 31, duplicates: 0 });
    await fixture.whenStable();
    expect(el.textContent).toContain('Import complete');
    const cards = [...el.querySelectorAll('fw-stat-card')].map((c) => [
      c.querySelector('.label')?.textContent?.trim(),
      c.querySelector('.value')?.textContent?.trim(),
    ]);
    expect(cards).toEqual([
      ['New', '1,200'],
      ['Updated', '31'],
      ['Duplicates skipped', '0'],
    ]);
  });

  it('offers a manager only shifts and calls', async () => {
    await renderAs({ email: 'm@floor.example', role: 'manager' });
    const kinds = [...el.querySelectorAll('mat-chip-option')].map((c) =>
      c.getAttribute('data-kind'),
    );
    expect(kinds).toEqual(['shifts', 'calls']);
  });

  it('refuses a file that is neither CSV nor NDJSON before sending anything', async () => {
    await renderAs({ email: 'root@floor.example', role: 'admin' });
    await chooseKind('sites');
    await chooseFile(new File(['x'], 'sites.xlsx'));
    expect(el.textContent).toContain('sites.xlsx is neither a .csv nor an .ndjson file.');
    expect(el.querySelector<HTMLButtonElement>('[data-testid=upload]')?.disabled).toBe(true);
    await upload();
    http.expectNone('/api/imports/sites');
  });

  it('shows the API message of another failure, such as 413', async () => {
    await renderAs({ email: 'root@floor.example', role: 'admin' });
    await chooseKind('calls');
    await chooseFile(new File(['x'], 'calls.csv'));
    await upload();
    http
      .expectOne('/api/imports/calls')
      .flush(
        { statusCode: 413, error: 'Payload Too Large', message: 'The file is larger than 2 GB' },
        { status: 413, statusText: 'Payload Too Large' },
      );
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=import-failed]')?.textContent).toContain(
      'The file is larger than 2 GB',
    );
  });
});

describe('readRejection', () => {
  it('fills in the counts when the API sends only the errors', () => {
    expect(readRejection({ errors: [{ line: 3, field: 'end', message: 'before start' }] })).toEqual(
      {
        message: 'The file has errors.',
        errors: [{ line: 3, field: 'end', message: 'before start' }],
        errorCount: 1,
        truncated: false,
      },
    );
    expect(readRejection({ statusCode: 422, message: 'x' })).toBeNull();
  });
});
