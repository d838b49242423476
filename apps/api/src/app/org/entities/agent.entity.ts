import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { TerminationType, WorkMode } from '@floorwise/contracts';
import { TeamEntity } from './team.entity';

@Entity('agent')
export class AgentEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'employee_code', type: 'text' })
  employeeCode!: string;

  @Column({ name: 'full_name', type: 'text' })
  fullName!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ name: 'team_id', type: 'integer' })
  teamId!: number;

  @ManyToOne(() => TeamEntity)
  @JoinColumn({ name: 'team_id' })
  team?: TeamEntity;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'work_mode', type: 'text' })
  workMode!: WorkMode;

  /** Local date `YYYY-MM-DD`. */
  @Column({ name: 'hire_date', type: 'date' })
  hireDate!: string;

  /** The last day employed (metrics.md §6). */
  @Column({ name: 'termination_date', type: 'date', nullable: true })
  terminationDate!: string | null;

  @Column({ name: 'termination_type', type: 'text', nullable: true })
  terminationType!: TerminationType | null;

  @Column({ name: 'termination_reason', type: 'text', nullable: true })
  terminationReason!: string | null;

  /** Money is integer cents. */
  @Column({ name: 'hourly_rate_cents', type: 'integer' })
  hourlyRateCents!: number;

  @Column({ name: 'contract_hours', type: 'double precision' })
  contractHours!: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
