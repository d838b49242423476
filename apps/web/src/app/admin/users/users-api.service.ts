import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateUserRequest,
  ResetPasswordRequest,
  UpdateUserRequest,
  UserDto,
} from '@floorwise/contracts';
import { Observable } from 'rxjs';

/** User accounts (admin only on the API). */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  list(): Observable<UserDto[]> {
    return this.http.get<UserDto[]>('/api/users');
  }
  create(request: CreateUserRequest): Observable<UserDto> {
    return this.http.post<UserDto>('/api/users', request);
  }
  update(id: number, request: UpdateUserRequest): Observable<UserDto> {
    return this.http.patch<UserDto>(`/api/users/${id}`, request);
  }
  resetPassword(id: number, request: ResetPasswordRequest): Observable<void> {
    return this.http.post<void>(`/api/users/${id}/password`, request);
  }
}
