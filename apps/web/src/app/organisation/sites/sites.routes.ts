import { Routes } from '@angular/router';
import { SitesPage } from './sites-page';

export const sitesRoutes: Routes = [{ path: '', component: SitesPage }];
