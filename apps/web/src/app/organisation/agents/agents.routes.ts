import { Routes } from '@angular/router';
import { AgentsPage } from './agents-page';

export const agentsRoutes: Routes = [{ path: '', component: AgentsPage }];
