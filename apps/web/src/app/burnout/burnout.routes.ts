import { Routes } from '@angular/router';

/** Burnout is not built yet: the page says so and what it will show (route data `page` picks the copy). */
export const burnoutRoutes: Routes = [
  { path: '', loadComponent: () => import('../pending/pending-page').then((m) => m.PendingPage) },
];
