import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSort, MatSortHeader, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import { Role, ROLES, UserDto } from '@floorwise/contracts';
import {
  Alert,
  csvFileName,
  CsvColumn,
  downloadCsv,
  Icon,
  InstantPipe,
  matchesText,
  NumberFormatPipe,
  PageHeader,
  sortRows,
  SortState,
  StatCard,
  toCsv,
  TypedCellDef,
  TypedRowDef,
} from '@floorwise/ui';
import { apiErrorMessage } from '../../core/api-error';
import { AuthService } from '../../core/auth.service';
import { loadOnChange } from '../../core/load';
import { Notify } from '../../core/notify';
import { ResetPasswordDialog, UserDialog } from './user-dialogs';
import { ROLE_LABEL } from './user-labels';
import { UsersApi } from './users-api.service';

const SORT_BY = {
  email: (u: UserDto) => u.email,
  role: (u: UserDto) => ROLE_LABEL[u.role],
  employeeCode: (u: UserDto) => u.employeeCode,
  status: (u: UserDto) => u.disabled,
  createdAt: (u: UserDto) => u.createdAt,
};

const CSV_COLUMNS: CsvColumn<UserDto>[] = [
  { header: 'email', value: (u) => u.email },
  { header: 'role', value: (u) => u.role },
  { header: 'employee_code', value: (u) => u.employeeCode },
  { header: 'status', value: (u) => (u.disabled ? 'disabled' : 'active') },
  { header: 'created_at', value: (u) => u.createdAt },
];

@Component({
  selector: 'fw-users-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatTableModule,
    MatSort,
    MatSortHeader,
    MatButton,
    MatIconButton,
    MatTooltip,
    MatFormField,
    MatLabel,
    MatInput,
    MatSelect,
    MatOption,
    MatProgressBar,
    PageHeader,
    TypedCellDef,
    TypedRowDef,
    StatCard,
    Alert,
    Icon,
    InstantPipe,
    NumberFormatPipe,
  ],
  templateUrl: './users-page.html',
})
export class UsersPage {
  private readonly api = inject(UsersApi);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(Notify);
  private readonly auth = inject(AuthService);

  protected readonly roles = ROLES;
  protected readonly roleLabel = ROLE_LABEL;
  private readonly version = signal(0);
  protected readonly users = loadOnChange(
    () => this.version(),
    () => this.api.list(),
  );
  protected readonly busyId = signal<number | null>(null);

  protected readonly query = signal('');
  protected readonly roleFilter = signal<Role | ''>('');
  protected readonly sort = signal<SortState>({ active: 'email', direction: 'asc' });
  protected readonly columns = ['email', 'role', 'employeeCode', 'status', 'createdAt', 'actions'];

  protected readonly all = computed(() => this.users().value ?? []);
  protected readonly rows = computed(() => {
    const q = this.query();
    const role = this.roleFilter();
    const filtered = this.all().filter(
      (u) => (!role || u.role === role) && matchesText(q, [u.email, u.employeeCode]),
    );
    return sortRows(filtered, this.sort(), SORT_BY);
  });
  protected readonly counts = computed(() => {
    const users = this.all();
    const by = (role: Role) => users.filter((u) => u.role === role && !u.disabled).length;
    return {
      active: users.filter((u) => !u.disabled).length,
      disabled: users.filter((u) => u.disabled).length,
      admin: by('admin'),
      manager: by('manager'),
      hr: by('hr'),
      agent: by('agent'),
    };
  });

  protected isSelf(user: UserDto): boolean {
    return user.email === this.auth.user()?.email;
  }

  protected onSort(sort: Sort): void {
    this.sort.set({ active: sort.active, direction: sort.direction });
  }

  protected reload(): void {
    this.version.update((v) => v + 1);
  }

  protected exportCsv(): void {
    downloadCsv(csvFileName('users'), toCsv(CSV_COLUMNS, this.rows()));
  }

  protected edit(user: UserDto | null): void {
    this.dialog
      .open<UserDialog, { user: UserDto | null; selfEmail: string | null }, UserDto>(UserDialog, {
        data: { user, selfEmail: this.auth.user()?.email ?? null },
        width: '560px',
        maxWidth: '96vw',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (saved) {
          this.notify.done(user ? `${saved.email} updated.` : `${saved.email} can now sign in.`);
          this.reload();
        }
      });
  }

  protected resetPassword(user: UserDto): void {
    this.dialog
      .open<ResetPasswordDialog, UserDto, boolean>(ResetPasswordDialog, {
        data: user,
        width: '440px',
        maxWidth: '96vw',
      })
      .afterClosed()
      .subscribe((done) => {
        if (done) {
          this.notify.done(`New password set for ${user.email}.`);
        }
      });
  }

  /** Disabling takes effect at once: the person's next request is refused. */
  protected toggleDisabled(user: UserDto): void {
    this.busyId.set(user.id);
    this.api.update(user.id, { disabled: !user.disabled }).subscribe({
      next: (saved) => {
        this.busyId.set(null);
        this.notify.done(
          saved.disabled ? `${saved.email} is disabled.` : `${saved.email} can sign in again.`,
        );
        this.reload();
      },
      error: (error: unknown) => {
        this.busyId.set(null);
        this.notify.failed(apiErrorMessage(error));
      },
    });
  }
}
