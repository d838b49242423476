import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { CampaignKind } from '@floorwise/contracts';
import { SiteEntity } from './site.entity';

@Entity('campaign')
export class CampaignEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'campaign_code', type: 'text' })
  campaignCode!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: CampaignKind;

  @Column({ type: 'text', nullable: true })
  client!: string | null;

  /** The site whose clock counts the campaign's unanswered calls. */
  @Column({ name: 'site_id', type: 'integer', nullable: true })
  siteId!: number | null;

  @ManyToOne(() => SiteEntity)
  @JoinColumn({ name: 'site_id' })
  site?: SiteEntity | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
