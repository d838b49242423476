import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatTableModule } from '@angular/material/table';
import { TypedCellDef, TypedRowDef } from './typed-table';

interface Site {
  code: string;
  agents: number;
}

@Component({
  imports: [MatTableModule, TypedCellDef, TypedRowDef],
  template: `
    <table mat-table [dataSource]="rows()">
      <ng-container matColumnDef="code">
        <th mat-header-cell *matHeaderCellDef>Code</th>
        <td mat-cell *matCellDef="let s; table: rows()">{{ s.code }}:{{ s.agents + 1 }}</td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="['code']"></tr>
      <tr
        mat-row
        *matRowDef="let s; columns: ['code']; table: rows()"
        [attr.data-code]="s.code"
      ></tr>
    </table>
  `,
})
class Host {
  readonly rows = signal<Site[]>([
    { code: 'CHI', agents: 1 },
    { code: 'DAL', agents: 2 },
  ]);
}

describe('TypedCellDef and TypedRowDef', () => {
  it('leave mat-table rendering unchanged while typing the row', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect([...el.querySelectorAll('td')].map((td) => td.textContent?.trim())).toEqual([
      'CHI:2',
      'DAL:3',
    ]);
    expect(
      [...el.querySelectorAll('tr[data-code]')].map((tr) => tr.getAttribute('data-code')),
    ).toEqual(['CHI', 'DAL']);
  });
});
