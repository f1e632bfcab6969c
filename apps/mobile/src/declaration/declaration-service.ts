import { submitDeclarationResponseSchema, vnDay, type DeclarationKind, type Place, type PlaceScope, type SelfReportStatus, type SubmitDeclarationResponse, type Symptom } from '@bluezone/contract';
import { z } from 'zod';
import { isApiError } from '../api/api-error';
import type { BackendClient } from '../api/backend-client';
import type { Clock } from '../platform/clock';
import type { AppStateStore } from '../storage/app-state-store';
import type { SqlDatabase } from '../storage/sql-database';
import type { SelfReportReminders } from './self-report-reminders';
import { checkDraft, declarationDraftSchema, issuesFromServer, toRequest, type DeclarationDraft, type FieldIssues } from './declaration-draft';

/**
 * Why a declaration was not taken, as the form words it: `invalid` (fields to fix, beside each), `network_error`
 * (no answer; the draft is kept for a retry), `rate_limited`, `unavailable` (the server's fault; retry later),
 * `rejected` (anything else the server refused); for a self-report, `gone` too (the server no longer has the
 * declaration, deleted after its retention, or the key is not its).
 */
export type DeclarationFailure = 'invalid' | 'network_error' | 'rate_limited' | 'unavailable' | 'rejected' | 'gone';

export class DeclarationError extends Error {
  constructor(
    readonly code: DeclarationFailure,
    readonly fields: FieldIssues = {},
  ) {
    super(`declaration not taken: ${code}`);
    this.name = 'DeclarationError';
  }
}

// Receipts kept before the server gave self-report keys have none: they still show, without the daily report.
const storedAnswerSchema = submitDeclarationResponseSchema.extend({ selfReportKey: z.string().optional() });
const storedSchema = z.object({ kind: z.enum(['domestic', 'entry']), fullName: z.string().max(200), answer: storedAnswerSchema });

/** A receipt kept on the phone: the server's answer, with who it is for and when, to tell receipts apart. */
export interface StoredReceipt {
  receipt: string;
  kind: DeclarationKind;
  fullName: string;
  declaredAt: number;
  /** The server's answer; its self-report key stays on the phone and goes only to the self-report calls. */
  answer: z.infer<typeof storedAnswerSchema>;
}

/**
 * The health declaration on the phone: the draft kept while it is typed (and when the network fails), the request
 * sent to the public `POST /api/v1/declarations`, and the receipts kept until the user deletes them or they expire. Nothing from the
 * tracing side (sightings, keys, exposure windows) goes into a declaration: only what the user typed, and the
 * "warned by Bluezone" answer they can see and change.
 */
export class DeclarationService {
  constructor(
    private readonly deps: { backend: BackendClient; db: SqlDatabase; state: AppStateStore; clock: Clock; serverUrl: () => string; reminders?: SelfReportReminders },
  ) {}

  /** Today in Vietnam, the day the server checks years and visits against. */
  today(): string {
    return vnDay(new Date(this.deps.clock.now()));
  }

  async draft(): Promise<DeclarationDraft | undefined> {
    const stored = await this.deps.state.get('declaration.draft');
    if (stored === undefined) return undefined;
    const parsed = declarationDraftSchema.safeParse(stored);
    if (parsed.success) return parsed.data;
    await this.deps.state.remove('declaration.draft');
    return undefined;
  }

  saveDraft(draft: DeclarationDraft): Promise<void> {
    return this.deps.state.set('declaration.draft', draft);
  }

  discardDraft(): Promise<void> {
    return this.deps.state.remove('declaration.draft');
  }

  searchPlaces(q: string, scope: PlaceScope): Promise<Place[]> {
    return this.deps.backend.searchPlaces(q, scope);
  }

  /**
   * Checks the draft as the server will, keeps it, sends it, and on success stores the receipt and forgets the draft.
   * Any failure leaves the draft on the phone, so a retry needs no retyping.
   */
  async submit(draft: DeclarationDraft): Promise<StoredReceipt> {
    const issues = checkDraft(draft, this.today());
    if (Object.keys(issues).length > 0) throw new DeclarationError('invalid', issues);
    await this.saveDraft(draft);
    let answer: SubmitDeclarationResponse;
    try {
      answer = await this.deps.backend.submitDeclaration(toRequest(draft));
    } catch (error) {
      throw failureOf(error);
    }
    const stored: StoredReceipt = { receipt: answer.receipt, kind: draft.kind, fullName: draft.fullName.trim(), declaredAt: this.deps.clock.now(), answer };
    await this.deps.db.run('INSERT INTO declaration_receipts (receipt, declared_at, data) VALUES (?, ?, ?) ON CONFLICT (receipt) DO UPDATE SET data = excluded.data', [
      stored.receipt,
      stored.declaredAt,
      JSON.stringify({ kind: stored.kind, fullName: stored.fullName, answer }),
    ]);
    await this.discardDraft();
    await this.deps.reminders?.sync(stored.receipt, { monitoringUntil: answer.assessment.monitoringUntil, reported: [] });
    return stored;
  }

  /**
   * Newest first. A receipt past its expiry is deleted rather than shown: no checkpoint accepts it any more, and the
   * phone keeps no health answers it no longer needs (as "delete all my data" would, a receipt at a time). A row that
   * no longer reads as a receipt (a damaged database) is left out rather than shown wrong.
   */
  async receipts(): Promise<StoredReceipt[]> {
    return (await this.sweep()).kept;
  }

  /** Deletes the receipts past their expiry, with the daily retention, also when the user never opens the list. */
  async deleteExpiredReceipts(): Promise<number> {
    return (await this.sweep()).deleted;
  }

  private async sweep(): Promise<{ kept: StoredReceipt[]; deleted: number }> {
    const rows = await this.deps.db.all<{ receipt: string; declared_at: number; data: string }>('SELECT receipt, declared_at, data FROM declaration_receipts ORDER BY declared_at DESC, receipt');
    const now = this.deps.clock.now();
    const kept: StoredReceipt[] = [];
    let deleted = 0;
    for (const row of rows) {
      let parsed;
      try {
        parsed = storedSchema.safeParse(JSON.parse(row.data));
      } catch {
        continue;
      }
      if (!parsed.success) continue;
      if (Date.parse(parsed.data.answer.receiptExpiresAt) <= now) {
        await this.remove(row.receipt);
        deleted++;
      } else kept.push({ receipt: row.receipt, declaredAt: row.declared_at, ...parsed.data });
    }
    return { kept, deleted };
  }

  async receipt(code: string): Promise<StoredReceipt | undefined> {
    return (await this.receipts()).find((r) => r.receipt === code);
  }

  /** What the receipt's QR code holds: the console's checkpoint page for it, as on the web receipt. */
  qrContent(receipt: string): string {
    return checkpointLink(this.deps.serverUrl(), receipt);
  }

  /**
   * Whether the receipt may take daily self-reports: it has a key from the server. Not only the arrivals of the
   * answer: an epidemic area added later makes an arrival of a declaration made before it, which the server's
   * answer to `monitoring` then says.
   */
  reportsDaily(stored: StoredReceipt): boolean {
    return stored.answer.selfReportKey !== undefined;
  }

  /** The declarant's monitoring as the server has it now (days reported, by them or an official). */
  monitoring(stored: StoredReceipt): Promise<SelfReportStatus> {
    return this.selfReportCall(stored, (credentials) => this.deps.backend.selfReportStatus(credentials));
  }

  /** Reports a day's symptoms (none: an empty list); a second report of the same day replaces the first. */
  reportDay(stored: StoredReceipt, day: string, symptoms: readonly Symptom[]): Promise<SelfReportStatus> {
    return this.selfReportCall(stored, (credentials) => this.deps.backend.selfReport({ ...credentials, day, symptoms: [...symptoms] }));
  }

  /**
   * A self-report call with the receipt's key, its failure worded as the card shows it; the morning reminders then
   * follow the server's monitoring: its last day, and the days reported (by anyone).
   */
  private async selfReportCall(stored: StoredReceipt, call: (credentials: { receipt: string; key: string }) => Promise<SelfReportStatus>): Promise<SelfReportStatus> {
    const credentials = this.credentials(stored);
    let status: SelfReportStatus;
    try {
      status = await call(credentials);
    } catch (error) {
      throw failureOf(error);
    }
    await this.deps.reminders?.sync(stored.receipt, { monitoringUntil: status.monitoringUntil, reported: status.checks.map((c) => c.day) });
    return status;
  }

  /** Cancels the reminders of every receipt ("delete all my data" deletes the receipts themselves). */
  cancelReminders(): Promise<void> {
    return this.deps.reminders?.cancel() ?? Promise.resolve();
  }

  private credentials(stored: StoredReceipt): { receipt: string; key: string } {
    if (stored.answer.selfReportKey === undefined) throw new DeclarationError('gone');
    return { receipt: stored.receipt, key: stored.answer.selfReportKey };
  }

  async remove(code: string): Promise<void> {
    await this.deps.db.run('DELETE FROM declaration_receipts WHERE receipt = ?', [code]);
    await this.deps.reminders?.cancel(code);
  }
}

function failureOf(error: unknown): DeclarationError {
  if (!isApiError(error)) return new DeclarationError('network_error');
  if (error.code === 'network_error') return new DeclarationError('network_error');
  if (error.code === 'rate_limited') return new DeclarationError('rate_limited');
  if (error.code === 'invalid_self_report_key') return new DeclarationError('gone');
  if (error.fields.length > 0) return new DeclarationError('invalid', issuesFromServer(error.fields));
  if (error.retryable) return new DeclarationError('unavailable');
  return new DeclarationError('rejected');
}

/** Where a checkpoint officer's phone lands when it scans the receipt's QR code: the console's checkpoint page, as on the web receipt. */
export function checkpointLink(serverUrl: string, receipt: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/checkpoint/${encodeURIComponent(receipt)}`;
}
