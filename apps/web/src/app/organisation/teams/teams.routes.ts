import { Routes } from '@angular/router';
import { TeamsPage } from './teams-page';

export const teamsRoutes: Routes = [{ path: '', component: TeamsPage }];
