import { Routes } from '@angular/router';

/**
 * Burnout: staff get the team view and each agent's drill-down; an agent gets their own
 * "My wellbeing" page at the same address (the page table shows it as such).
 */
export const burnoutRoutes: Routes = [
  { path: '', loadComponent: () => import('./burnout-home').then((m) => m.BurnoutHome) },
  {
    path: 'agents/:employeeCode',
    loadComponent: () => import('./agent-page').then((m) => m.BurnoutAgentPage),
  },
];
