import { Routes } from '@angular/router';
import { CampaignsPage } from './campaigns-page';

export const campaignsRoutes: Routes = [{ path: '', component: CampaignsPage }];
