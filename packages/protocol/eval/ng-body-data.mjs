// Loads the body-position RSSI data (pc-ng/rss_smartphone: Ng, Spachos and Plataniotis, "COVID-19 and Your
// Smartphone: BLE-Based Smart Contact Tracing", IEEE Systems Journal 2021; MIT) and cuts it into one-minute windows
// at a fixed distance, like herald-data.mjs does for the robot data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The six recordings: two people, each phone carried in hand (H), trouser pocket (P) or backpack (B). `device` is the
 * phone that received; the other phone of the session sent. The names are what the files give: "HTC One M9" and
 * "ASUS_Z00AD" (an ASUS Zenfone 2) are model names, "gryphonelab" a phone's own name and "N8" unclear, so those two get
 * whatever calibration an unknown name gets.
 */
export const NG_SESSIONS = {
  HH: ['gryphonelab', 'HTC One M9'],
  HP: ['gryphonelab', 'HTC One M9'],
  PP: ['gryphonelab', 'HTC One M9'],
  BB: ['gryphonelab', 'HTC One M9'],
  HB: ['ASUS_Z00AD', 'N8'],
  PB: ['ASUS_Z00AD', 'N8'],
};

/** Positions of a session code, for reports: "HP" → "hand / pocket". */
export function ngPositions(session) {
  const word = { H: 'hand', P: 'pocket', B: 'backpack' };
  return `${word[session[0]]} / ${word[session[1]]}`;
}

/**
 * One-minute windows of every session: readings of one receiving phone at one distance, in order of `elapsed`, cut
 * every 60 s from the first; RSSI 127 and 0 dropped; windows with fewer than minReadings readings dropped.
 * Returns { dataset, group (the session), receiver, sender, distanceM, rssi: Float64Array sorted ascending }.
 */
export function ngWindows(dataDir, minReadings = 3, windowSeconds = 60) {
  const windows = [];
  for (const [session, phones] of Object.entries(NG_SESSIONS)) {
    const [header, ...lines] = readFileSync(join(dataDir, `RSS_human${session}.csv`), 'utf8').split(/\r?\n/);
    const names = header.split(',');
    const at = (name) => names.indexOf(name);
    const [deviceAt, elapsedAt, rssAt, distAt] = [at('device'), at('elapsed'), at('rss'), at('dist')];
    const segments = new Map();
    for (const line of lines) {
      if (line.trim() === '') continue;
      const cells = line.split(',');
      const rssi = Number(cells[rssAt]);
      const elapsed = Number(cells[elapsedAt]);
      const distanceCm = Number(cells[distAt]);
      if (!Number.isFinite(rssi) || rssi === 127 || rssi === 0 || !Number.isFinite(elapsed) || !Number.isFinite(distanceCm)) continue;
      const key = `${cells[deviceAt]}|${distanceCm}`;
      let segment = segments.get(key);
      if (segment === undefined) segments.set(key, (segment = []));
      segment.push([elapsed, rssi]);
    }
    for (const [key, readings] of segments) {
      const [receiver, distanceCm] = key.split('|');
      const sender = phones[0] === receiver ? phones[1] : phones[0];
      readings.sort((a, b) => a[0] - b[0]);
      const start = readings[0][0];
      const byWindow = new Map();
      for (const [elapsed, rssi] of readings) {
        const index = Math.floor((elapsed - start) / windowSeconds);
        if (!byWindow.has(index)) byWindow.set(index, []);
        byWindow.get(index).push(rssi);
      }
      for (const values of byWindow.values()) {
        if (values.length < minReadings) continue;
        windows.push({
          dataset: 'ng-body',
          group: session,
          receiver,
          sender,
          distanceM: Number(distanceCm) / 100,
          rssi: Float64Array.from(values).sort(),
        });
      }
    }
  }
  return windows;
}
