import { Routes } from '@angular/router';

/** Bonuses: SPIFF campaigns — the agent's own progress and awards, or the managers' campaigns and ledger. */
export const bonusesRoutes: Routes = [
  { path: '', loadComponent: () => import('./bonuses-page').then((m) => m.BonusesPage) },
];
