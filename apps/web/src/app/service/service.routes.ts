import { Routes } from '@angular/router';

/** Service: service level, speed of answer, handle time and abandons, down to the calls. */
export const serviceRoutes: Routes = [
  { path: '', loadComponent: () => import('./service-page').then((m) => m.ServicePage) },
];
