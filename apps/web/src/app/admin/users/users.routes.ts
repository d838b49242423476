import { Routes } from '@angular/router';

export const usersRoutes: Routes = [];
