import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import type { LoginResponse, Role, SessionUser } from '@floorwise/contracts';
import { Env, ENV } from '../../config/env';
import type { AuthUser } from './auth-user';
import { CallerCache } from './caller-cache';

export const SESSION_COOKIE = 'fw_session';

interface TokenClaims {
  sub: number;
  role: Role;
  tv: number;
  /** Expiry, seconds since the epoch (set by the signer). */
  exp?: number;
}

interface UserRow {
  id: number;
  email: string;
  role: Role;
  password_hash: string;
  disabled: boolean;
  token_version: number;
  agent_id: number | null;
  employee_code: string | null;
  full_name: string | null;
  agent_team_id: number | null;
  /** Teams a manager manages (null for other roles): read with the user, one query per request. */
  managed_team_ids: number[] | null;
}

/** A hash of a random password: verifying against it keeps the timing of unknown emails the same. */
const DUMMY_HASH_PASSWORD = 'floorwise-no-such-user';

@Injectable()
export class AuthService {
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly jwt: JwtService,
    private readonly callers: CallerCache,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async login(email: string, password: string): Promise<LoginResponse> {
    const row = await this.findByEmail(email);
    if (!row) {
      this.dummyHash ??= argon2.hash(DUMMY_HASH_PASSWORD);
      await argon2.verify(await this.dummyHash, password).catch(() => false);
      throw new UnauthorizedException('Wrong email or password');
    }
    const ok = await argon2.verify(row.password_hash, password).catch(() => false);
    if (!ok || row.disabled) {
      throw new UnauthorizedException(
        row.disabled && ok ? 'This account is disabled' : 'Wrong email or password',
      );
    }
    const claims: TokenClaims = { sub: row.id, role: row.role, tv: row.token_version };
    const accessToken = await this.jwt.signAsync(claims, {
      expiresIn: this.env.SESSION_TTL_SECONDS,
    });
    const user = await this.toAuthUser(row);
    return { accessToken, user: await this.sessionUser(user) };
  }

  /**
   * Resolves a token to the caller, or null when it is bad, expired, revoked or disabled. A token
   * seen in the last seconds is answered from the {@link CallerCache} (no query).
   */
  async userFromToken(token: string): Promise<AuthUser | null> {
    const cached = this.callers.get(token);
    if (cached) {
      return cached;
    }
    const generation = this.callers.generation;
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      return null;
    }
    const row = await this.findById(claims.sub);
    if (!row || row.disabled || row.token_version !== claims.tv || row.role !== claims.role) {
      return null;
    }
    const user = await this.toAuthUser(row);
    if (claims.exp !== undefined) {
      this.callers.set(token, user, claims.exp * 1000, generation);
    }
    return user;
  }

  async sessionUser(user: AuthUser): Promise<SessionUser> {
    const rows: { team_code: string }[] =
      user.teamIds === 'all'
        ? await this.db.query(`SELECT team_code FROM team ORDER BY team_code`)
        : await this.db.query(
            `SELECT team_code FROM team WHERE id = ANY($1::int[]) ORDER BY team_code`,
            [user.teamIds],
          );
    const name: { full_name: string }[] = user.agentId
      ? await this.db.query(`SELECT full_name FROM agent WHERE id = $1`, [user.agentId])
      : [];
    return {
      email: user.email,
      role: user.role,
      ...(user.employeeCode ? { employeeCode: user.employeeCode } : {}),
      ...(name[0] ? { fullName: name[0].full_name } : {}),
      teamCodes: rows.map((r) => r.team_code),
    };
  }

  static hashPassword(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  private async toAuthUser(row: UserRow): Promise<AuthUser> {
    let teamIds: number[] | 'all';
    if (row.role === 'admin' || row.role === 'hr') {
      teamIds = 'all';
    } else if (row.role === 'manager') {
      teamIds = row.managed_team_ids ?? [];
    } else {
      teamIds = row.agent_team_id === null ? [] : [row.agent_team_id];
    }
    return {
      id: row.id,
      email: row.email,
      role: row.role,
      agentId: row.agent_id,
      employeeCode: row.employee_code,
      teamIds,
    };
  }

  private async findByEmail(email: string): Promise<UserRow | null> {
    const rows: UserRow[] = await this.db.query(`${USER_SELECT} WHERE lower(u.email) = lower($1)`, [
      email,
    ]);
    return rows[0] ?? null;
  }

  private async findById(id: number): Promise<UserRow | null> {
    const rows: UserRow[] = await this.db.query(`${USER_SELECT} WHERE u.id = $1`, [id]);
    return rows[0] ?? null;
  }
}

const USER_SELECT = `
  SELECT u.id, u.email, u.role, u.password_hash, u.disabled, u.token_version, u.agent_id,
         a.employee_code, a.full_name, a.team_id AS agent_team_id,
         CASE WHEN u.role = 'manager' THEN ARRAY(
           SELECT t.id FROM team t WHERE lower(t.manager_email) = lower(u.email) ORDER BY t.id
         ) END AS managed_team_ids
  FROM app_user u LEFT JOIN agent a ON a.id = u.agent_id`;
