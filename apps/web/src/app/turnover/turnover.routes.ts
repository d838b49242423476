import { Routes } from '@angular/router';

/** Turnover for HR: attrition, retention, drivers, the bottom-X % what-if and flight risk. */
export const turnoverRoutes: Routes = [
  { path: '', loadComponent: () => import('./turnover-page').then((m) => m.TurnoverPage) },
];
