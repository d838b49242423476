import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SiteEntity } from './site.entity';

@Entity('team')
export class TeamEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'team_code', type: 'text' })
  teamCode!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'site_id', type: 'integer' })
  siteId!: number;

  @ManyToOne(() => SiteEntity)
  @JoinColumn({ name: 'site_id' })
  site?: SiteEntity;

  /** The manager's sign-in email: a manager sees the teams whose `manager_email` is theirs. */
  @Column({ name: 'manager_email', type: 'text', nullable: true })
  managerEmail!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
