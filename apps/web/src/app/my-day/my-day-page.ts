import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { HttpClient } from '@angular/common/http';
import type { FloorTeamDto, MyDayDto } from '@floorwise/contracts';
import { Alert, formatDuration, formatNumber, PageHeader, StatCard } from '@floorwise/ui';
import { firstValueFrom } from 'rxjs';
import { apiErrorMessage } from '../core/api-error';
import {
  barWidth,
  expectedMarker,
  METRIC_NAME,
  minutesText,
  PACE_LABEL,
  periodName,
  quotaText,
  hoursText,
  rampText,
  targetText,
} from '../floor/floor-format';
import { openFloorStream } from '../floor/floor-stream';

const REFRESH_MS = 30_000;

/**
 * My day: the signed-in agent's own quotas, pacing and projection, whether the daily goal is in
 * reach, and their team's totals — nothing about any other agent. Live through the same stream,
 * which carries only their own row and their team's totals.
 */
@Component({
  selector: 'fw-my-day-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PageHeader, StatCard, Alert],
  templateUrl: './my-day-page.html',
  styleUrl: '../floor/floor-page.scss',
})
export class MyDayPage {
  private readonly http = inject(HttpClient);
  protected readonly day = signal<MyDayDto | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly live = signal(false);
  protected readonly quotaText = quotaText;
  protected readonly targetText = targetText;
  protected readonly rampText = rampText;
  protected readonly barWidth = barWidth;
  protected readonly expectedMarker = expectedMarker;
  protected readonly paceLabel = PACE_LABEL;
  protected readonly metricName = METRIC_NAME;
  protected readonly periodName = periodName;
  protected readonly minutesText = minutesText;
  protected readonly hoursText = hoursText;
  protected readonly duration = formatDuration;
  protected readonly num = formatNumber;
  private close: (() => void) | null = null;

  /** A team calls quota card already shows the team's calls: no second card for them. */
  protected hasTeamCallsQuota(t: FloorTeamDto): boolean {
    return t.quotas.some((q) => q.metric === 'calls_handled');
  }

  constructor() {
    void this.load(true);
    const timer = setInterval(() => void this.load(false), REFRESH_MS);
    inject(DestroyRef).onDestroy(() => {
      clearInterval(timer);
      this.close?.();
    });
  }

  private async load(stream: boolean): Promise<void> {
    try {
      const d = await firstValueFrom(this.http.get<MyDayDto>('/api/me/day'));
      this.day.update((held) => (held && held.eventId > d.eventId ? held : d));
      this.error.set(null);
      if (stream) {
        this.close?.();
        this.close = openFloorStream(d.eventId, {
          message: (m) =>
            this.day.update((held) => {
              if (!held || m.eventId <= held.eventId) return held;
              const next = { ...held, eventId: m.eventId };
              if (m.agent && m.agent.employeeCode === held.employeeCode) next.onShift = m.agent;
              if (m.team) next.team = m.team;
              if (m.released === held.employeeCode) next.onShift = null;
              return next;
            }),
          reset: () => void this.load(true),
          state: (live) => this.live.set(live),
        });
      }
    } catch (e) {
      this.error.set(apiErrorMessage(e));
    }
  }
}
