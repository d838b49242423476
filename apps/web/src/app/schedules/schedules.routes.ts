import { Routes } from '@angular/router';

/** Schedules: the roster, the staffing gap and pay for staff; "My schedule" for an agent. */
export const schedulesRoutes: Routes = [
  { path: '', loadComponent: () => import('./schedules-page').then((m) => m.SchedulesPage) },
];
