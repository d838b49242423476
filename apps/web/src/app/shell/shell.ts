import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, viewChild } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatSidenav, MatSidenavContainer, MatSidenavContent } from '@angular/material/sidenav';
import { MatToolbar } from '@angular/material/toolbar';
import { MatTooltip } from '@angular/material/tooltip';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { Icon } from '@floorwise/ui';
import { filter, map } from 'rxjs';
import { navFor } from '../core/access';
import { AuthService } from '../core/auth.service';

/** Below this width the navigation slides over the page instead of sitting beside it. */
export const PHONE_QUERY = '(max-width: 959.98px)';

const ROLE_LABEL = { admin: 'Admin', manager: 'Manager', hr: 'HR', agent: 'Agent' } as const;

/** The frame of every signed-in page: header with the person and sign-out, role-aware side navigation. */
@Component({
  selector: 'fw-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatToolbar,
    MatSidenavContainer,
    MatSidenav,
    MatSidenavContent,
    MatIconButton,
    MatButton,
    MatTooltip,
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    Icon,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
})
export class Shell {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly sidenav = viewChild.required(MatSidenav);

  protected readonly user = this.auth.user;
  protected readonly roleLabel = computed(() => {
    const role = this.auth.role();
    return role ? ROLE_LABEL[role] : '';
  });
  protected readonly nav = computed(() => {
    const role = this.auth.role();
    return role ? navFor(role) : [];
  });
  protected readonly phone = toSignal(
    inject(BreakpointObserver)
      .observe(PHONE_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  constructor() {
    // On a phone the navigation covers the page: close it once a link has been followed.
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => {
        if (this.phone()) {
          this.sidenav().close();
        }
      });
  }

  protected toggleNav(): void {
    this.sidenav().toggle();
  }

  protected signOut(): void {
    this.auth.logout().subscribe(() => this.router.navigate(['/login']));
  }
}
