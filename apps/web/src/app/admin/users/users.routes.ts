import { Routes } from '@angular/router';
import { UsersPage } from './users-page';

export const usersRoutes: Routes = [{ path: '', component: UsersPage }];
