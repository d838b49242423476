import { Routes } from '@angular/router';

/** Staffing: Erlang C for one interval and the forecast week of a campaign. */
export const staffingRoutes: Routes = [
  { path: '', loadComponent: () => import('./staffing-page').then((m) => m.StaffingPage) },
];
