import { Routes } from '@angular/router';

export const agentsRoutes: Routes = [];
