import { inject, Injectable } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';

/** Short confirmations and failures at the bottom of the screen. */
@Injectable({ providedIn: 'root' })
export class Notify {
  private readonly snackBar = inject(MatSnackBar);

  done(message: string): void {
    this.snackBar.open(message, 'OK', { duration: 4000, panelClass: 'fw-snack-done' });
  }

  failed(message: string): void {
    // Errors stay until dismissed: a person must be able to read them.
    this.snackBar.open(message, 'Dismiss', {
      panelClass: 'fw-snack-failed',
      politeness: 'assertive',
    });
  }
}
