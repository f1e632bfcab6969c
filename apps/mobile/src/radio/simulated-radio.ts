import type { Radio, RadioSighting, RadioState } from './radio';

/**
 * The air between simulated phones. In the web demo, a BroadcastChannel joins the tabs of one browser; in tests, an
 * in-memory hub joins radios. Messages are plain objects (bytes as arrays) so they cross any channel.
 */
export interface SimulatedAir {
  post(message: AirMessage): void;
  listen(listener: (message: AirMessage) => void): () => void;
}

export type AirMessage =
  /** A scanner asks every advertiser in range to answer (an active scan's request). */
  | { type: 'scan'; from: string }
  /** An advertiser's payload. */
  | { type: 'advertisement'; from: string; serviceData: number[] };

export interface SimulatedRadioOptions {
  /** This phone's name on the air (not an identifier that is ever stored). */
  id: string;
  air: SimulatedAir;
  /** The RSSI (dBm) at which this phone hears the others: the demo's stand-in for distance. */
  rssi: () => number;
  /** Whether the simulated Bluetooth is on. */
  enabled?: () => boolean;
  /** Whether the user has allowed it (the web demo asks, as a phone would). */
  authorized?: () => boolean;
  /** Small random variation of the RSSI, as real readings have (±jitter dB); 0 in tests. */
  jitterDb?: number;
  random?: () => number;
}

/**
 * A radio over a simulated air. Advertising answers scan requests with the current payload; scanning sends a
 * request and hears every answer while it lasts. Real scanners also hear answers to others' requests, and so does
 * this one.
 */
export class SimulatedRadio implements Radio {
  readonly kind = 'simulated' as const;
  private payload: Uint8Array | undefined;
  private onSighting: ((sighting: RadioSighting) => void) | undefined;
  private readonly unlisten: () => void;
  private readonly stateListeners = new Set<(state: RadioState) => void>();

  constructor(private readonly options: SimulatedRadioOptions) {
    this.unlisten = options.air.listen((message) => this.receive(message));
  }

  async state(): Promise<RadioState> {
    if (this.options.authorized && !this.options.authorized()) return 'unauthorized';
    if (this.options.enabled && !this.options.enabled()) return 'off';
    return 'ready';
  }

  onStateChange(listener: (state: RadioState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** The demo's switches changed: tell the listeners, as the OS would. */
  async notifyStateChanged(): Promise<void> {
    const state = await this.state();
    if (state !== 'ready') {
      this.payload = undefined;
      this.onSighting = undefined;
    }
    for (const listener of this.stateListeners) listener(state);
  }

  async advertise(serviceData: Uint8Array): Promise<void> {
    await this.requireReady();
    this.payload = Uint8Array.from(serviceData);
  }

  async stopAdvertising(): Promise<void> {
    this.payload = undefined;
  }

  async startScan(onSighting: (sighting: RadioSighting) => void): Promise<void> {
    await this.requireReady();
    this.onSighting = onSighting;
    this.options.air.post({ type: 'scan', from: this.options.id });
  }

  async stopScan(): Promise<void> {
    this.onSighting = undefined;
  }

  close(): void {
    this.unlisten();
    this.payload = undefined;
    this.onSighting = undefined;
  }

  private async requireReady(): Promise<void> {
    const state = await this.state();
    if (state !== 'ready') throw new Error(`the radio is ${state}`);
  }

  private receive(message: AirMessage): void {
    if (message.from === this.options.id) return;
    if (message.type === 'scan') {
      if (this.payload) this.options.air.post({ type: 'advertisement', from: this.options.id, serviceData: [...this.payload] });
      return;
    }
    if (message.type === 'advertisement' && this.onSighting) {
      const jitter = (this.options.jitterDb ?? 0) * (2 * (this.options.random ?? Math.random)() - 1);
      this.onSighting({ serviceData: Uint8Array.from(message.serviceData), rssi: Math.round(this.options.rssi() + jitter) });
    }
  }
}

/** An air in memory that delivers to every listener but the sender, asynchronously, as a BroadcastChannel does. */
export class MemoryAir implements SimulatedAir {
  private readonly listeners = new Set<(message: AirMessage) => void>();

  post(message: AirMessage): void {
    const copy = JSON.parse(JSON.stringify(message)) as AirMessage;
    for (const listener of [...this.listeners]) queueMicrotask(() => listener(copy));
  }

  listen(listener: (message: AirMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The web demo's air: every tab of this browser on the same origin. */
export class BroadcastChannelAir implements SimulatedAir {
  private readonly channel: BroadcastChannel;

  constructor(name = 'bluezone-demo-air') {
    this.channel = new BroadcastChannel(name);
  }

  post(message: AirMessage): void {
    this.channel.postMessage(message);
  }

  listen(listener: (message: AirMessage) => void): () => void {
    const handler = (event: MessageEvent) => {
      if (isAirMessage(event.data)) listener(event.data);
    };
    this.channel.addEventListener('message', handler);
    return () => this.channel.removeEventListener('message', handler);
  }
}

/** Messages from other tabs are outside input: only well-formed ones are heard. */
export function isAirMessage(value: unknown): value is AirMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  if (typeof m.from !== 'string' || m.from.length > 64) return false;
  if (m.type === 'scan') return true;
  return (
    m.type === 'advertisement' &&
    Array.isArray(m.serviceData) &&
    m.serviceData.length <= 64 &&
    m.serviceData.every((b) => Number.isInteger(b) && b >= 0 && b <= 255)
  );
}
