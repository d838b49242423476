import { Pipe, PipeTransform } from '@angular/core';
import { formatDuration } from './duration-format';

/** `{{ row.ahtSeconds | duration }}` → "3:05". */
@Pipe({ name: 'duration' })
export class DurationPipe implements PipeTransform {
  transform(seconds: number | null | undefined): string {
    return formatDuration(seconds);
  }
}
