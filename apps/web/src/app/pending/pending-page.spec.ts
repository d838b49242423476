import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRoute } from '@angular/router';
import type { Role } from '@floorwise/contracts';
import { BehaviorSubject } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { PendingPage } from './pending-page';

describe('PendingPage', () => {
  async function render(role: Role, page: string) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: ActivatedRoute, useValue: { data: new BehaviorSubject({ page }) } },
      ],
    });
    TestBed.inject(AuthService).session().subscribe();
    TestBed.inject(HttpTestingController)
      .expectOne('/api/auth/me')
      .flush({ email: 'x@floor.example', role });
    const fixture = TestBed.createComponent(PendingPage);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('says plainly that the page is not built and what it will show', async () => {
    const el = await render('hr', 'turnover');
    expect(el.querySelector('h1')?.textContent).toContain('Turnover');
    expect(el.textContent).toContain('Not built yet');
    expect(el.textContent).toContain('Kaplan–Meier');
  });

  it('shows an agent the description of their own page, not the team view', async () => {
    const el = await render('agent', 'burnout');
    expect(el.querySelector('h1')?.textContent).toContain('My wellbeing');
    expect(el.textContent).toContain('No one else’s figures are shown.');
    expect(el.textContent).not.toContain('team capacity at risk');
  });
});
