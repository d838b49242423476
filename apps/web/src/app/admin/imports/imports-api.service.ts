import { HttpClient, HttpEvent, HttpHeaders } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ImportKind, ImportResult } from '@floorwise/contracts';
import { Observable } from 'rxjs';
import { ImportContentType } from './import-formats';

@Injectable({ providedIn: 'root' })
export class ImportsApi {
  private readonly http = inject(HttpClient);

  /**
   * Sends the file as the raw request body (not multipart): the API parses the stream as it
   * arrives, so upload progress is processing progress. Events include upload progress.
   */
  upload(
    kind: ImportKind,
    file: Blob,
    contentType: ImportContentType,
  ): Observable<HttpEvent<ImportResult>> {
    return this.http.post<ImportResult>(`/api/imports/${kind}`, file, {
      headers: new HttpHeaders({ 'Content-Type': contentType }),
      reportProgress: true,
      observe: 'events',
    });
  }
}
