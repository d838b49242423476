import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { catchError, map, of } from 'rxjs';
import { canOpen, homeFor, PageId } from './access';
import { AuthService } from './auth.service';

/** Only a signed-in person enters the dashboard; anyone else goes to sign-in, and comes back after. */
export const signedInGuard: CanActivateFn = (_route, state) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const toLogin = () =>
    router.createUrlTree(['/login'], {
      queryParams: state.url && state.url !== '/' ? { returnUrl: state.url } : {},
    });
  return auth.session().pipe(
    map((user) => (user ? true : toLogin())),
    catchError(() => of(toLogin())),
  );
};

/** The sign-in page is for people who are not signed in; the others go to their home page. */
export const signedOutGuard: CanActivateFn = () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  return auth.session().pipe(
    map((user) => (user ? router.parseUrl(homeFor(user.role)) : true)),
    catchError(() => of(true)),
  );
};

/** A page a role may not open sends it to its home page (route data `page` names the page). */
export const pageGuard: CanActivateFn = (route) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const page = route.data['page'] as PageId;
  return auth.session().pipe(
    map((user) => {
      if (!user) {
        return router.createUrlTree(['/login']);
      }
      return canOpen(user.role, page) ? true : router.parseUrl(homeFor(user.role));
    }),
  );
};

/** `/` sends each role to the page it comes to do. */
export const homeGuard: CanActivateFn = () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  return auth
    .session()
    .pipe(
      map((user) =>
        user ? router.parseUrl(homeFor(user.role)) : router.createUrlTree(['/login']),
      ),
    );
};
