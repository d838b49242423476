import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Role, UserDto } from '@floorwise/contracts';
import { AuthService } from '../auth/auth.service';
import type { AuthUser } from '../auth/auth-user';
import { CallerCache } from '../auth/caller-cache';
import { conflict, invalid, notFound } from '../common/domain-error';
import type { CreateUserBody, ResetPasswordBody, UpdateUserBody } from './dto';

interface UserRow {
  id: number;
  email: string;
  role: Role;
  employee_code: string | null;
  disabled: boolean;
  created_at: Date;
}

const SELECT = `SELECT u.id, u.email, u.role, a.employee_code, u.disabled, u.created_at
  FROM app_user u LEFT JOIN agent a ON a.id = u.agent_id`;

/** Admin's management of sign-ins. Every change is written to the append-only audit log. */
@Injectable()
export class UsersService {
  constructor(
    private readonly db: DataSource,
    private readonly callers: CallerCache,
  ) {}

  async list(): Promise<UserDto[]> {
    const rows: UserRow[] = await this.db.query(`${SELECT} ORDER BY u.role, u.email`);
    return rows.map(map);
  }

  async create(actor: AuthUser | null, body: CreateUserBody): Promise<UserDto> {
    const hash = await AuthService.hashPassword(body.password);
    return this.db.transaction(async (m) => {
      const agentId = await this.agentIdFor(m, body.role, body.employeeCode ?? null);
      const rows: { id: number }[] = await m
        .query(
          `INSERT INTO app_user (email, password_hash, role, agent_id) VALUES ($1, $2, $3, $4) RETURNING id`,
          [body.email, hash, body.role, agentId],
        )
        .catch((e: { code?: string; constraint?: string }) => {
          if (e.code === '23505') {
            throw conflict(
              e.constraint === 'uq_app_user_agent'
                ? `Agent ${body.employeeCode} already has a sign-in`
                : `A user with email ${body.email} already exists`,
            );
          }
          throw e;
        });
      await audit(m, actor, 'user.create', rows[0].id, { email: body.email, role: body.role });
      return this.one(m, rows[0].id);
    });
  }

  async update(actor: AuthUser, id: number, body: UpdateUserBody): Promise<UserDto> {
    const updated = await this.db.transaction(async (m) => {
      const current = await this.one(m, id);
      if (actor.id === id && (body.disabled === true || (body.role && body.role !== 'admin'))) {
        throw invalid('You cannot disable yourself or take away your own admin role');
      }
      const role = body.role ?? current.role;
      const code = body.employeeCode !== undefined ? body.employeeCode : current.employeeCode;
      const agentId = await this.agentIdFor(m, role, code);
      await m
        .query(
          `UPDATE app_user SET role = $2, disabled = $3, agent_id = $4, updated_at = now(),
             token_version = token_version + 1
           WHERE id = $1`,
          [id, role, body.disabled ?? current.disabled, agentId],
        )
        .catch((e: { code?: string }) => {
          if (e.code === '23505') {
            throw conflict(`Agent ${code} already has a sign-in`);
          }
          throw e;
        });
      await audit(m, actor, 'user.update', id, { ...body });
      return this.one(m, id);
    });
    // the change is committed: no cached caller of this process may outlive it (other processes
    // forget theirs on the change's notification)
    this.callers.clear();
    return updated;
  }

  async resetPassword(actor: AuthUser, id: number, body: ResetPasswordBody): Promise<void> {
    const hash = await AuthService.hashPassword(body.password);
    await this.db.transaction(async (m) => {
      await this.one(m, id);
      await m.query(
        `UPDATE app_user SET password_hash = $2, token_version = token_version + 1, updated_at = now()
         WHERE id = $1`,
        [id, hash],
      );
      await audit(m, actor, 'user.reset_password', id, {});
    });
    this.callers.clear();
  }

  private async one(m: EntityManager, id: number): Promise<UserDto> {
    const rows: UserRow[] = await m.query(`${SELECT} WHERE u.id = $1`, [id]);
    if (rows.length === 0) {
      throw notFound(`User ${id} does not exist`);
    }
    return map(rows[0]);
  }

  /** An `agent` user must be linked to an agent record; others may be. */
  private async agentIdFor(
    m: EntityManager,
    role: Role,
    code: string | null,
  ): Promise<number | null> {
    if (!code) {
      if (role === 'agent') {
        throw invalid('An agent user needs the employeeCode of their agent record');
      }
      return null;
    }
    const rows: { id: number }[] = await m.query(`SELECT id FROM agent WHERE employee_code = $1`, [
      code,
    ]);
    if (rows.length === 0) {
      throw invalid(`Agent ${code} does not exist`);
    }
    return rows[0].id;
  }
}

async function audit(
  m: EntityManager,
  actor: AuthUser | null,
  action: string,
  userId: number,
  detail: Record<string, unknown>,
): Promise<void> {
  await m.query(
    `INSERT INTO audit_log (actor_id, action, entity, entity_key, detail) VALUES ($1, $2, 'user', $3, $4)`,
    [actor?.id ?? null, action, String(userId), JSON.stringify(detail)],
  );
}

function map(r: UserRow): UserDto {
  return {
    id: r.id,
    email: r.email,
    role: r.role,
    employeeCode: r.employee_code,
    disabled: r.disabled,
    createdAt: new Date(r.created_at).toISOString(),
  };
}
