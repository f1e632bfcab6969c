import { ExportBinWriter, type ExportSigner } from '@bluezone/protocol';
import { signExportBinNode, writeExportZipNode } from '@bluezone/protocol/node';
import type { Platform } from '../platform/platform.js';
import type { ExportConfig } from './export.config.js';
import type { ExportFiles } from './export.directory.js';
import { KeyTable } from './export.key-table.js';
import {
  exportFileName,
  exportKeyOf,
  iso,
  keepsUnrevisedKey,
  nextWindow,
  paddingCount,
  paddingKeys,
  randomBelow,
  splitBatch,
  type BatchRecord,
  type ExportFileInfo,
  type ExportWindow,
  type ExposureRow,
} from './export.model.js';
import type { BatchTotals, NewExportFile } from './export.store.js';

/** What the service needs of its store; tests pass an in-memory fake. */
export interface ExportRepository {
  latestBatch(region: string): Promise<BatchRecord | undefined>;
  claimBatch(region: string, window: ExportWindow, leaseExpiresAt: string, now: Date): Promise<number | undefined>;
  reclaimBatch(id: number, expiredLease: string, leaseExpiresAt: string): Promise<boolean>;
  releaseBatch(id: number): Promise<void>;
  keyRecordsUnrevisedByEnd(window: ExportWindow, pageSize: number): AsyncIterable<Uint8Array>;
  rowsRevisedByEnd(window: ExportWindow, pageSize: number): AsyncIterable<ExposureRow[]>;
  completeBatch(id: number, region: string, window: ExportWindow, files: readonly NewExportFile[], totals: BatchTotals, now: Date): Promise<void>;
  listFiles(region?: string): Promise<ExportFileInfo[]>;
  deleteFilesEndedBy(region: string, endedBy: number): Promise<string[]>;
  deleteExposuresEndedBefore(beforeInterval: number): Promise<number>;
}

/** The active signing key; the signing-keys service in production. */
export interface ExportSigning {
  activeSigner(): Promise<ExportSigner>;
}

export interface ExportBatchResult {
  start: number;
  end: number;
  files: NewExportFile[];
  realKeys: number;
  revisedKeys: number;
  paddingKeys: number;
}

export interface RetentionResult {
  filesDeleted: number;
  keysDeleted: number;
}

/** How long a process may hold a batch before another may take it over (a 1,000,000-key batch takes seconds). */
const LEASE_SECONDS = 15 * 60;
/** Rows read at a time. */
const READ_PAGE = 5_000;
/** How often a process's worker applies retention (see tick). */
const RETENTION_EVERY_SECONDS = 3600;

/** Cuts signed export batches into the exports directory, keeps index.txt, and applies retention. */
export class ExportService {
  /** When this process's worker last applied retention, in unix seconds. */
  private retentionAppliedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly store: ExportRepository,
    private readonly signing: ExportSigning,
    private readonly files: ExportFiles,
    private readonly config: ExportConfig,
    private readonly platform: Platform,
  ) {}

  /**
   * Cuts the next batch: `period` (the worker) up to the last period boundary, `now` (`bluezone export run`) up to
   * now (or `now` when given). Returns null when there is nothing to cut or another process is cutting it.
   */
  async cutBatch(mode: 'period' | 'now', now: Date = this.platform.clock.now()): Promise<ExportBatchResult | null> {
    const nowSeconds = Math.floor(now.getTime() / 1000);
    const lease = new Date(now.getTime() + LEASE_SECONDS * 1000).toISOString();
    const region = this.config.region;
    // Before claiming: a process without the private key must not hold a window it cannot sign.
    const signer = await this.signing.activeSigner();
    const last = await this.store.latestBatch(region);

    let id: number | undefined;
    let window: ExportWindow | null;
    if (last?.status === 'pending') {
      // Someone is cutting it, or died doing so: only an expired lease may be taken over.
      if (last.leaseExpiresAt > now.toISOString()) return null;
      if (!(await this.store.reclaimBatch(last.id, last.leaseExpiresAt, lease))) return null;
      id = last.id;
      window = { start: last.start, end: last.end };
    } else {
      window = nextWindow(last, nowSeconds, { mode, ...this.config });
      if (!window) return null;
      id = await this.store.claimBatch(region, window, lease, now);
      if (id === undefined) return null;
    }
    try {
      return await this.writeBatch(id, window, signer, now);
    } catch (error) {
      // Let the next attempt (this process's next tick, or another process) retry at once rather than after the lease.
      await this.store.releaseBatch(id).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Cuts every batch that is due: a window left pending by a failed attempt first, then the next one. Stops at the
   * first null (nothing more, or another process is at it); a bound keeps a stuck store from looping.
   */
  async cutDueBatches(mode: 'period' | 'now'): Promise<ExportBatchResult[]> {
    // One reading of the clock for the whole run: in `now` mode a second that passes while a batch is written would
    // otherwise be cut as one more, empty, batch.
    const now = this.platform.clock.now();
    const batches: ExportBatchResult[] = [];
    for (let i = 0; i < 10; i++) {
      const batch = await this.cutBatch(mode, now);
      if (!batch) break;
      batches.push(batch);
    }
    return batches;
  }

  /**
   * Reads the window's keys a page at a time into compact key tables (those not revised by the window's end as packed
   * records, the few revised ones as rows the model decides), pads, sorts, then writes one file at a time:
   * file n+1 is encoded on the main thread while zlib deflates file n in the thread pool. Memory stays at the
   * tables (32 bytes a key) and two files.
   */
  private async writeBatch(id: number, window: ExportWindow, signer: ExportSigner, now: Date): Promise<ExportBatchResult> {
    const region = this.config.region;
    const keys = new KeyTable();
    const revisedKeys = new KeyTable();
    const start = iso(window.start);
    const end = iso(window.end);
    for await (const records of this.store.keyRecordsUnrevisedByEnd(window, READ_PAGE)) keys.pushRecords(records, keepsUnrevisedKey);
    for await (const rows of this.store.rowsRevisedByEnd(window, READ_PAGE)) {
      for (const row of rows) {
        const out = exportKeyOf(row, start, end);
        if (out) (out.revised ? revisedKeys : keys).push(out.key);
      }
    }
    const random = (length: number) => this.platform.random.bytes(length);
    const jitter = this.config.paddingJitter > 0 ? randomBelow(random, this.config.paddingJitter + 1) : 0;
    const realKeys = keys.length;
    const padding = paddingKeys(paddingCount(realKeys, this.config.minKeys, jitter), keys, window, random);
    for (const key of padding) keys.push(key);
    const keyOrder = keys.sortedOrder();
    const revisedOrder = revisedKeys.sortedOrder();

    // The writer copies each key's bytes at once, so one reused key object serves them all.
    const readKey = keys.reusingReader();
    const readRevisedKey = revisedKeys.reusingReader();
    const parts = splitBatch(keys.length, revisedKeys.length, this.config.maxKeysPerFile);
    const written: NewExportFile[] = [];
    let previous: Promise<void> = Promise.resolve();
    for (const [i, part] of parts.entries()) {
      const batchNum = i + 1;
      const writer = new ExportBinWriter(
        { startTimestamp: window.start, endTimestamp: window.end, region, batchNum, batchSize: parts.length, signatureInfos: [signer.signatureInfo] },
        part.keys.to - part.keys.from + part.revisedKeys.to - part.revisedKeys.from,
      );
      for (let k = part.keys.from; k < part.keys.to; k++) writer.key(readKey(keyOrder[k]!));
      for (let k = part.revisedKeys.from; k < part.revisedKeys.to; k++) writer.revisedKey(readRevisedKey(revisedOrder[k]!));
      const exportBin = writer.finish();
      const signature = signExportBinNode(exportBin, signer.privateKeyPem, signer.signatureInfo, { batchNum, batchSize: parts.length });
      const zipped = writeExportZipNode({ exportBin, signatures: [signature] });
      // Handled below, or dropped with the batch if an earlier file failed: never an unhandled rejection.
      zipped.catch(() => undefined);
      const name = exportFileName(region, window, batchNum);
      const count = part.keys.to - part.keys.from + part.revisedKeys.to - part.revisedKeys.from;
      // One file in flight while the next is encoded; a failure surfaces at the next await.
      await previous;
      previous = zipped.then(async (zip) => {
        await this.files.write(name, zip);
        written.push({ name, batchNum, batchSize: parts.length, keys: count, bytes: zip.length });
      });
    }
    await previous;
    const totals = { keys: keys.length, realKeys, revisedKeys: revisedKeys.length, bytes: written.reduce((s, f) => s + f.bytes, 0) };
    await this.store.completeBatch(id, region, window, written, totals, now);
    await this.writeIndex();
    return { start: window.start, end: window.end, files: written, realKeys, revisedKeys: revisedKeys.length, paddingKeys: padding.length };
  }

  /** Rewrites index.txt from the database, so every process that writes it writes the same list. */
  private async writeIndex(): Promise<void> {
    const live = await this.store.listFiles(this.config.region);
    await this.files.writeIndex(this.config.region, live.map((f) => f.name));
  }

  /**
   * Files older than the file retention leave the index, then the disk (in that order, so the index never lists a
   * missing file); keys whose last interval ended before the key retention leave the database.
   */
  async applyRetention(): Promise<RetentionResult> {
    const nowSeconds = Math.floor(this.platform.clock.now().getTime() / 1000);
    const expired = await this.store.deleteFilesEndedBy(this.config.region, nowSeconds - this.config.fileRetentionSeconds);
    if (expired.length > 0) {
      await this.writeIndex();
      for (const name of expired) await this.files.remove(name);
    }
    const keysDeleted = await this.store.deleteExposuresEndedBefore(Math.floor((nowSeconds - this.config.keyRetentionSeconds) / 600));
    return { filesDeleted: expired.length, keysDeleted };
  }

  /**
   * One turn of the worker (each minute): cut the batches that are due, if any, then apply retention if this
   * process has not in the last hour. Finding the keys past retention reads every key, since no index holds the end
   * of a key's interval: one would cost every publish an index write at a scattered place (measured: 0.73–0.79
   * against 0.54–0.66 ms of CPU a 14-key insert, SQLite), and reading 1,000,000 keys takes about 105–175 ms
   * (`bench/export.bench.mjs`), on the server's thread with SQLite. Once an hour, a key or a file leaves at most an
   * hour after it is due, which nothing depends on: the export picks keys by when they became available.
   */
  async tick(): Promise<{ batches: ExportBatchResult[]; retention: RetentionResult }> {
    const batches = await this.cutDueBatches('period');
    const now = this.platform.clock.now().getTime() / 1000;
    if (now - this.retentionAppliedAt < RETENTION_EVERY_SECONDS) return { batches, retention: { filesDeleted: 0, keysDeleted: 0 } };
    const retention = await this.applyRetention();
    this.retentionAppliedAt = now;
    return { batches, retention };
  }

  /** Live export files of every region, oldest first (for the statistics page). */
  listFiles(): Promise<ExportFileInfo[]> {
    return this.store.listFiles();
  }
}
