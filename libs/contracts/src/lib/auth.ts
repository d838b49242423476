/** Roles of metrics.md / domain.md: who may see what. */
export const ROLES = ['admin', 'manager', 'hr', 'agent'] as const;
export type Role = (typeof ROLES)[number];

/** `POST /api/auth/login` body (interfaces.md). */
export interface LoginRequest {
  email: string;
  password: string;
}

/** The signed-in person as the API describes them. */
export interface SessionUser {
  email: string;
  role: Role;
  employeeCode?: string;
  fullName?: string;
  /** Team codes a manager manages; every team for admin and hr; the agent's own team for an agent. */
  teamCodes?: string[];
}

/** `POST /api/auth/login` 200 response (interfaces.md). */
export interface LoginResponse {
  accessToken: string;
  user: SessionUser;
}

/** Admin view of a user account. */
export interface UserDto {
  id: number;
  email: string;
  role: Role;
  employeeCode: string | null;
  disabled: boolean;
  createdAt: string;
}

export interface CreateUserRequest {
  email: string;
  password: string;
  role: Role;
  employeeCode?: string | null;
}

export interface UpdateUserRequest {
  role?: Role;
  disabled?: boolean;
  employeeCode?: string | null;
}

export interface ResetPasswordRequest {
  password: string;
}
