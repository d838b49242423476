import { Routes } from '@angular/router';

export const importsRoutes: Routes = [];
