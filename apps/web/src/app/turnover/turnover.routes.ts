import { Routes } from '@angular/router';

/** Turnover is not built yet: the page says so and what it will show (route data `page` picks the copy). */
export const turnoverRoutes: Routes = [
  { path: '', loadComponent: () => import('../pending/pending-page').then((m) => m.PendingPage) },
];
