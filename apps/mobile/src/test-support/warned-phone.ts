import { EXPORT_REPORT_TYPES } from '@bluezone/protocol';
import { MemoryAir } from '../radio/simulated-radio';
import { FakeClock } from './fake-clock';
import { FakeServer } from './fake-server';
import { T0, testPhone, type TestPhone } from './test-platform';

/** Phone B met phone A for 20 minutes an hour ago; A's keys are published, so B's next check warns it. */
export async function warnedPhone(): Promise<TestPhone> {
  const air = new MemoryAir();
  const clock = new FakeClock(T0);
  const server = new FakeServer();
  const a = await testPhone({ id: 'a', air, clock, server, granted: true });
  const b = await testPhone({ id: 'b', air, clock, server, granted: true });
  await a.services.tracing.start();
  await b.services.tracing.start();
  await clock.advance(20 * 60_000);
  await a.services.tracing.stop();
  await clock.advance(60 * 60_000);
  const keys = await a.services.keys.history(clock.now() / 1000);
  server.addExport(keys.map((k) => ({ keyData: k.tek, rollingStartIntervalNumber: k.rollingStartIntervalNumber, rollingPeriod: k.rollingPeriod, transmissionRiskLevel: 2, reportType: EXPORT_REPORT_TYPES.CONFIRMED_TEST, daysSinceOnsetOfSymptoms: 1 })));
  return b;
}
