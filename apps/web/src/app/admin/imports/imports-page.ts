import { HttpErrorResponse, HttpEventType } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatChipListbox, MatChipListboxChange, MatChipOption } from '@angular/material/chips';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import type {
  ImportKind,
  ImportRejected,
  ImportResult,
  ImportRowError,
} from '@floorwise/contracts';
import {
  Alert,
  csvFileName,
  CsvColumn,
  downloadCsv,
  formatNumber,
  Icon,
  NumberFormatPipe,
  PageHeader,
  StatCard,
  toCsv,
  TypedCellDef,
  TypedRowDef,
} from '@floorwise/ui';
import { Subscription } from 'rxjs';
import { apiErrorMessage } from '../../core/api-error';
import { AuthService } from '../../core/auth.service';
import {
  contentTypeFor,
  formatBytes,
  IMPORT_FORMATS,
  ImportContentType,
  importKindsFor,
} from './import-formats';
import { ImportsApi } from './imports-api.service';

export type UploadState =
  | { phase: 'idle' }
  | { phase: 'uploading'; loaded: number; total: number }
  | { phase: 'finishing' }
  | { phase: 'done'; kind: ImportKind; fileName: string; result: ImportResult }
  | { phase: 'rejected'; kind: ImportKind; fileName: string; rejection: Rejection }
  | { phase: 'failed'; fileName: string; message: string };

/** A 422 body, with the counts filled in when an older API leaves them out. */
export interface Rejection {
  message: string;
  errors: ImportRowError[];
  errorCount: number;
  truncated: boolean;
}

export function readRejection(body: unknown): Rejection | null {
  if (
    typeof body !== 'object' ||
    body === null ||
    !Array.isArray((body as ImportRejected).errors)
  ) {
    return null;
  }
  const b = body as Partial<ImportRejected> & { errors: ImportRowError[] };
  return {
    message: typeof b.message === 'string' ? b.message : 'The file has errors.',
    errors: b.errors,
    errorCount: typeof b.errorCount === 'number' ? b.errorCount : b.errors.length,
    truncated: b.truncated === true,
  };
}

const ERROR_CSV: CsvColumn<ImportRowError>[] = [
  { header: 'line', value: (e) => e.line },
  { header: 'field', value: (e) => e.field },
  { header: 'message', value: (e) => e.message },
];

@Component({
  selector: 'fw-imports-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButton,
    MatChipListbox,
    MatChipOption,
    MatProgressBar,
    MatTableModule,
    PageHeader,
    TypedCellDef,
    TypedRowDef,
    StatCard,
    Alert,
    Icon,
    NumberFormatPipe,
  ],
  templateUrl: './imports-page.html',
  styleUrl: './imports-page.scss',
})
export class ImportsPage {
  private readonly api = inject(ImportsApi);
  private readonly auth = inject(AuthService);
  private upload$: Subscription | null = null;

  protected readonly kinds = computed(() => {
    const role = this.auth.role();
    const allowed = role ? importKindsFor(role) : [];
    return IMPORT_FORMATS.filter((f) => allowed.includes(f.kind));
  });
  protected readonly kind = signal<ImportKind | null>(null);
  protected readonly format = computed(
    () => IMPORT_FORMATS.find((f) => f.kind === this.kind()) ?? null,
  );
  protected readonly headerLine = computed(
    () =>
      this.format()
        ?.columns.map((c) => c.name)
        .join(',') ?? '',
  );

  protected readonly file = signal<File | null>(null);
  protected readonly contentType = computed<ImportContentType | null>(() => {
    const file = this.file();
    return file ? contentTypeFor(file.name) : null;
  });
  protected readonly fileProblem = computed(() => {
    const file = this.file();
    if (!file) {
      return null;
    }
    if (!this.contentType()) {
      return `${file.name} is neither a .csv nor an .ndjson file.`;
    }
    return file.size === 0 ? `${file.name} is empty.` : null;
  });
  protected readonly fileSize = computed(() => {
    const file = this.file();
    return file ? formatBytes(file.size) : '';
  });

  protected readonly state = signal<UploadState>({ phase: 'idle' });
  protected readonly busy = computed(() => {
    const phase = this.state().phase;
    return phase === 'uploading' || phase === 'finishing';
  });
  protected readonly percent = computed(() => {
    const s = this.state();
    return s.phase === 'uploading' && s.total > 0 ? Math.round((100 * s.loaded) / s.total) : 0;
  });
  protected readonly progressText = computed(() => {
    const s = this.state();
    return s.phase === 'uploading' ? `${formatBytes(s.loaded)} of ${formatBytes(s.total)}` : '';
  });
  protected readonly canUpload = computed(
    () =>
      this.kind() !== null && this.file() !== null && this.fileProblem() === null && !this.busy(),
  );
  protected readonly dragging = signal(false);
  protected readonly errorColumns = ['line', 'field', 'message'];

  constructor() {
    inject(DestroyRef).onDestroy(() => this.upload$?.unsubscribe());
    const kinds = this.kinds();
    if (kinds.length === 1) {
      this.kind.set(kinds[0].kind);
    }
  }

  protected onKind(event: MatChipListboxChange): void {
    this.kind.set((event.value as ImportKind | undefined) ?? null);
    this.resetResult();
  }

  protected onFileInput(input: HTMLInputElement): void {
    this.pick(input.files?.[0] ?? null);
    // Let the same file be picked again after fixing it.
    input.value = '';
  }

  protected onDragOver(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(true);
  }

  protected onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    this.pick(event.dataTransfer?.files?.[0] ?? null);
  }

  private pick(file: File | null): void {
    if (this.busy()) {
      return;
    }
    this.file.set(file);
    this.resetResult();
    const guess = file
      ? IMPORT_FORMATS.find((f) => file.name.toLowerCase().startsWith(f.kind))
      : undefined;
    if (guess && this.kind() === null && this.kinds().some((k) => k.kind === guess.kind)) {
      this.kind.set(guess.kind);
    }
  }

  private resetResult(): void {
    if (!this.busy()) {
      this.state.set({ phase: 'idle' });
    }
  }

  protected start(): void {
    const kind = this.kind();
    const file = this.file();
    const contentType = this.contentType();
    if (!kind || !file || !contentType || !this.canUpload()) {
      return;
    }
    this.state.set({ phase: 'uploading', loaded: 0, total: file.size });
    this.upload$ = this.api.upload(kind, file, contentType).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress) {
          const total = event.total ?? file.size;
          // Once the last byte is sent the server still commits the rows: say so.
          this.state.set(
            event.loaded >= total
              ? { phase: 'finishing' }
              : { phase: 'uploading', loaded: event.loaded, total },
          );
        } else if (event.type === HttpEventType.Response && event.body) {
          this.state.set({ phase: 'done', kind, fileName: file.name, result: event.body });
        }
      },
      error: (error: unknown) => {
        const rejection =
          error instanceof HttpErrorResponse && error.status === 422
            ? readRejection(error.error)
            : null;
        this.state.set(
          rejection
            ? { phase: 'rejected', kind, fileName: file.name, rejection }
            : { phase: 'failed', fileName: file.name, message: apiErrorMessage(error) },
        );
      },
    });
  }

  /** Stops sending. An import is all or nothing, so a stopped upload writes nothing. */
  protected cancel(): void {
    this.upload$?.unsubscribe();
    this.upload$ = null;
    this.state.set({
      phase: 'failed',
      fileName: this.file()?.name ?? '',
      message: 'Upload stopped. Nothing was written.',
    });
  }

  protected exportErrors(rejection: Rejection): void {
    downloadCsv(
      csvFileName(`import-errors-${this.kind() ?? 'file'}`),
      toCsv(ERROR_CSV, rejection.errors),
    );
  }

  protected countText(n: number): string {
    return formatNumber(n);
  }
}
