import { Routes } from '@angular/router';

/** My day: the agent's own quotas, pacing and goal, live. */
export const myDayRoutes: Routes = [
  { path: '', loadComponent: () => import('./my-day-page').then((m) => m.MyDayPage) },
];
