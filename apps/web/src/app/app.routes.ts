import { Route } from '@angular/router';
import { PageId, pageDef } from './core/access';
import { homeGuard, pageGuard, signedInGuard, signedOutGuard } from './core/auth.guards';

/**
 * A page of the dashboard: its path and who may open it come from the access table
 * (core/access.ts), so navigation and guards cannot disagree. Each page is its own lazy chunk.
 */
function page(id: PageId, loadChildren: Route['loadChildren']): Route {
  const def = pageDef(id);
  return {
    path: def.path,
    title: `${def.label} · Floorwise`,
    canActivate: [pageGuard],
    data: { page: id },
    loadChildren,
  };
}

export const appRoutes: Route[] = [
  {
    path: 'login',
    title: 'Sign in · Floorwise',
    canActivate: [signedOutGuard],
    loadChildren: () => import('./login/login.routes').then((m) => m.loginRoutes),
  },
  {
    path: '',
    canActivate: [signedInGuard],
    loadComponent: () => import('./shell/shell').then((m) => m.Shell),
    children: [
      { path: '', pathMatch: 'full', canActivate: [homeGuard], children: [] },
      page('myday', () => import('./my-day/my-day.routes').then((m) => m.myDayRoutes)),
      page('floor', () => import('./floor/floor.routes').then((m) => m.floorRoutes)),
      page('service', () => import('./service/service.routes').then((m) => m.serviceRoutes)),
      page('staffing', () => import('./staffing/staffing.routes').then((m) => m.staffingRoutes)),
      page('schedules', () =>
        import('./schedules/schedules.routes').then((m) => m.schedulesRoutes),
      ),
      page('bonuses', () => import('./bonuses/bonuses.routes').then((m) => m.bonusesRoutes)),
      page('burnout', () => import('./burnout/burnout.routes').then((m) => m.burnoutRoutes)),
      page('turnover', () => import('./turnover/turnover.routes').then((m) => m.turnoverRoutes)),
      page('sites', () => import('./organisation/sites/sites.routes').then((m) => m.sitesRoutes)),
      page('teams', () => import('./organisation/teams/teams.routes').then((m) => m.teamsRoutes)),
      page('campaigns', () =>
        import('./organisation/campaigns/campaigns.routes').then((m) => m.campaignsRoutes),
      ),
      page('agents', () =>
        import('./organisation/agents/agents.routes').then((m) => m.agentsRoutes),
      ),
      page('users', () => import('./admin/users/users.routes').then((m) => m.usersRoutes)),
      page('imports', () => import('./admin/imports/imports.routes').then((m) => m.importsRoutes)),
      { path: 'organisation', pathMatch: 'full', redirectTo: 'organisation/agents' },
      { path: '**', canActivate: [homeGuard], children: [] },
    ],
  },
];
