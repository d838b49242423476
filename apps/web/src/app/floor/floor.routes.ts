import { Routes } from '@angular/router';

/** Floor: the live view of everyone on shift now in the manager's teams. */
export const floorRoutes: Routes = [
  { path: '', loadComponent: () => import('./floor-page').then((m) => m.FloorPage) },
];
