import { Routes } from '@angular/router';

/** My day is not built yet: the page says so and what it will show (route data `page` picks the copy). */
export const myDayRoutes: Routes = [
  { path: '', loadComponent: () => import('../pending/pending-page').then((m) => m.PendingPage) },
];
