import { SYMPTOMS, monitoringDaysSoFar, type SelfReportStatus, type Symptom } from '@bluezone/contract';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Linking } from 'react-native';
import { DeclarationError, type DeclarationFailure, type DeclarationService, type StoredReceipt } from '../../declaration/declaration-service';
import { formatDay } from '../../i18n';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { ChoiceRow } from '../../ui/choice-row';
import { Body, Bullets, Heading } from '../../ui/text';

/**
 * The days the card offers to report: those of the monitoring not reported yet, and today's even when it was (a
 * second report replaces the first); newest first.
 */
function offeredDays(status: SelfReportStatus): string[] {
  const reported = new Set(status.checks.map((c) => c.day));
  return monitoringDaysSoFar(status).filter((d) => d === status.today || !reported.has(d));
}

/**
 * A monitored arrival's daily report, on the receipt: the days reported so far (by the declarant or an official),
 * and the day's symptoms to send, each day until the monitoring ends. Shown for any receipt with a key, since the
 * server says whether it is monitored (an epidemic area added since the answer may have made it so). The receipt's
 * self-report key goes with each call; symptoms make a suspected case at once, and the card then says to call the
 * health station.
 */
export function SelfReportCard({ stored, declarations }: { stored: StoredReceipt; declarations: DeclarationService }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<SelfReportStatus>();
  const [loadFailure, setLoadFailure] = useState<DeclarationFailure>();
  const [day, setDay] = useState<string>();
  const [symptoms, setSymptoms] = useState<Symptom[]>([]);
  const [sending, setSending] = useState(false);
  const [sendFailure, setSendFailure] = useState<DeclarationFailure>();
  const [sentDay, setSentDay] = useState<string>();

  // A receipt the answer monitored loads its days at once. Any other asks first: an epidemic area added since may
  // have made the declaration an arrival, but opening a receipt sends nothing unless its user asks.
  const expected = stored.answer.assessment.monitoringUntil !== null;
  const [asked, setAsked] = useState(expected);

  const load = useCallback(() => {
    setLoadFailure(undefined);
    declarations.monitoring(stored).then(
      (answer) => {
        setStatus(answer);
        setDay((chosen) => chosen ?? offeredDays(answer)[0]);
      },
      (error: unknown) => setLoadFailure(error instanceof DeclarationError ? error.code : 'network_error'),
    );
  }, [declarations, stored]);

  useEffect(() => {
    if (asked) load();
  }, [asked, load]);

  const send = async () => {
    if (day === undefined) return;
    setSending(true);
    setSendFailure(undefined);
    setSentDay(undefined);
    try {
      const after = await declarations.reportDay(stored, day, symptoms);
      setStatus(after);
      setSentDay(day);
      setSymptoms([]);
      // The next day to report, not the one just sent (no longer offered unless it is today).
      setDay(offeredDays(after)[0]);
    } catch (error) {
      setSendFailure(error instanceof DeclarationError ? error.code : 'network_error');
    } finally {
      setSending(false);
    }
  };

  const failureText = (failure: DeclarationFailure) =>
    failure === 'gone' ? t('declaration.error.gone') : failure === 'rate_limited' ? t('declaration.selfReport.rateLimited') : t('declaration.selfReport.failed');
  const toggle = (symptom: Symptom) => setSymptoms((list) => (list.includes(symptom) ? list.filter((s) => s !== symptom) : SYMPTOMS.filter((s) => s === symptom || list.includes(s))));
  const describe = (list: readonly Symptom[]) => (list.length === 0 ? t('declaration.selfReport.none') : list.map((s) => t(`declaration.symptomNames.${s}`)).join(', '));

  if (!asked) {
    return (
      <Card testID="self-report" tone="neutral">
        <Body>{t('declaration.selfReport.ask')}</Body>
        <Button testID="self-report-ask" variant="secondary" label={t('declaration.selfReport.askButton')} onPress={() => setAsked(true)} />
      </Card>
    );
  }
  if (!status) {
    return (
      <Card testID="self-report" tone="neutral">
        <Heading>{t('declaration.selfReport.title')}</Heading>
        {loadFailure ? (
          <>
            <Body testID="self-report-error">{failureText(loadFailure)}</Body>
            {loadFailure !== 'gone' ? <Button testID="self-report-retry" variant="secondary" label={t('declaration.selfReport.retry')} onPress={load} /> : null}
          </>
        ) : (
          <Body muted>{t('declaration.selfReport.loading')}</Body>
        )}
      </Card>
    );
  }

  const until = status.monitoringUntil;
  const days = monitoringDaysSoFar(status);
  const checked = new Map(status.checks.map((c) => [c.day, c]));
  const open = until !== null && status.today <= until;
  const offered = offeredDays(status);
  return (
    <Card testID="self-report" tone={status.suspected ? 'danger' : 'warn'}>
      <Heading>{t('declaration.selfReport.title')}</Heading>
      {until === null ? (
        <Body>{t('declaration.selfReport.notMonitored')}</Body>
      ) : open ? (
        <Body>{t('declaration.selfReport.intro', { date: formatDay(until, t) })}</Body>
      ) : (
        <Body>{t('declaration.selfReport.ended', { date: formatDay(until, t) })}</Body>
      )}
      {status.suspected ? (
        <>
          <Body testID="self-report-suspected">{t('declaration.selfReport.suspected')}</Body>
          {/* The station's telephone as the server has it now: it may have been set after the declaration. */}
          {status.healthStation.phone ? (
            <Button testID="self-report-call" label={t('declaration.receipt.call', { phone: status.healthStation.phone })} onPress={() => void Linking.openURL(`tel:${(status.healthStation.phone ?? '').replace(/[^\d+]/g, '')}`)} />
          ) : null}
        </>
      ) : null}
      {days.length > 0 ? (
        <>
          <Heading>{t('declaration.selfReport.days')}</Heading>
          <Bullets
            items={days.map((d) => {
              const check = checked.get(d);
              if (!check) return t('declaration.selfReport.notReported', { day: formatDay(d, t) });
              const line = t('declaration.selfReport.reported', { day: formatDay(d, t), symptoms: describe(check.symptoms) });
              return check.selfReported ? line : `${line} ${t('declaration.selfReport.byOfficial')}`;
            })}
          />
        </>
      ) : null}
      {open && offered.length > 0 ? (
        <>
          <Heading>{t('declaration.selfReport.day')}</Heading>
          {offered.map((d) => (
            <ChoiceRow key={d} kind="radio" testID={`self-report-day-${d}`} label={formatDay(d, t)} selected={day === d} onPress={() => setDay(d)} />
          ))}
          <Heading>{t('declaration.selfReport.symptoms')}</Heading>
          <Body muted>{t('declaration.selfReport.symptomsHint')}</Body>
          {SYMPTOMS.filter((s) => s !== 'other').map((symptom) => (
            <ChoiceRow key={symptom} kind="checkbox" testID={`self-report-symptom-${symptom}`} label={t(`declaration.symptomNames.${symptom}`)} selected={symptoms.includes(symptom)} onPress={() => toggle(symptom)} />
          ))}
          {sendFailure ? <Body testID="self-report-error">{failureText(sendFailure)}</Body> : null}
          {sentDay ? <Body testID="self-report-sent">{`${t('declaration.selfReport.sent', { day: formatDay(sentDay, t) })} ${t('declaration.selfReport.reportedBy')}`}</Body> : null}
          <Button testID="self-report-send" label={sending ? t('declaration.selfReport.sending') : t('declaration.selfReport.send')} disabled={sending || day === undefined} onPress={() => void send()} />
        </>
      ) : null}
    </Card>
  );
}
