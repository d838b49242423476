import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('site')
export class SiteEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'site_code', type: 'text' })
  siteCode!: string;

  @Column({ type: 'text' })
  name!: string;

  /** IANA zone, e.g. `America/Chicago`: every local date and interval of the site follows it. */
  @Column({ name: 'time_zone', type: 'text' })
  timeZone!: string;

  /** Local dates as `YYYY-MM-DD`. */
  @Column({ type: 'date', array: true, default: () => "'{}'" })
  holidays!: string[];

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
