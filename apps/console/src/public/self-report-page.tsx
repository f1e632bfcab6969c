import type { SelfReportCheckRequest, SelfReportRequest, SelfReportStatus, Symptom } from '@bluezone/contract';
import { monitoringDaysSoFar } from '@bluezone/contract/declaration-draft';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.js';
import { ErrorMessage, SuccessMessage } from '../components/error-message.js';
import { formatDay } from '../components/format.js';
import { inSentence } from '../declarations/flag-badges.js';
import { DayCheckFields } from '../declarations/day-check-fields.js';
import { useFormCheck } from '../forms/use-form-check.js';
import { credentialsOf } from './self-report-link.js';


const SPECS = { day: { labelKey: 'declare.selfReport.day' }, symptoms: { labelKey: 'declare.selfReport.symptoms' }, note: { labelKey: 'declare.selfReport.note', maxLength: 500 } };

interface SelfReportPageProps {
  status: (credentials: SelfReportRequest) => Promise<SelfReportStatus>;
  report: (report: SelfReportCheckRequest) => Promise<SelfReportStatus>;
}

/**
 * A monitored arrival's daily report, opened from the link on their receipt: the days reported so far, and a form
 * for today's (or a missed day's) symptoms. Symptoms make a suspected case at once, and the page says to call.
 */
export function SelfReportPage({ status: load, report }: SelfReportPageProps) {
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const [credentials] = useState(() => credentialsOf(window.location.hash));
  const [status, setStatus] = useState<SelfReportStatus | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [day, setDay] = useState('');
  const [symptoms, setSymptoms] = useState<Symptom[]>([]);
  const [note, setNote] = useState('');
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<unknown>(null);
  const [sentDay, setSentDay] = useState<string | null>(null);
  const check = useFormCheck(SPECS, sendError);

  useEffect(() => {
    document.title = `${t('declare.selfReport.title')} · ${t('app.name')}`;
  }, [t]);

  useEffect(() => {
    if (!credentials) return;
    let live = true;
    load(credentials)
      .then((answer) => {
        if (!live) return;
        setStatus(answer);
        setDay(monitoringDaysSoFar(answer)[0] ?? '');
      })
      .catch((error: unknown) => live && setLoadError(error));
    return () => {
      live = false;
    };
  }, [credentials, load]);

  useEffect(() => heading.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!credentials || !check.check({ note })) return;
    setSending(true);
    setSendError(null);
    setSentDay(null);
    try {
      const answer = await report({ ...credentials, day, symptoms, ...(note.trim() ? { note: note.trim() } : {}) });
      setStatus(answer);
      setSentDay(day);
      setSymptoms([]);
      setNote('');
    } catch (error) {
      setSendError(error);
    } finally {
      setSending(false);
    }
  };

  const describe = (list: readonly Symptom[]) => (list.length === 0 ? t('declare.selfReport.none') : list.map((s) => t(`declare.symptomNames.${s}`)).join(', '));
  const days = status ? monitoringDaysSoFar(status) : [];
  const checked = new Map(status?.checks.map((c) => [c.day, c]) ?? []);
  const station = status ? inSentence(i18n.language === 'en' ? status.healthStation.unitNameEn : status.healthStation.unitName, i18n.language) : '';
  return (
    <section aria-labelledby="self-report-title">
      <h1 id="self-report-title" ref={heading} tabIndex={-1}>
        {t('declare.selfReport.title')}
      </h1>
      {!credentials ? (
        <p>{t('declare.selfReport.noLink')}</p>
      ) : loadError ? (
        <div className="message message-error" role="alert">
          <p>{isApiError(loadError) && loadError.code === 'invalid_self_report_key' ? t('declare.selfReport.badLink') : isApiError(loadError) && loadError.code === 'rate_limited' ? t('declare.selfReport.rateLimited') : t('declare.selfReport.failed')}</p>
        </div>
      ) : !status ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <>
          <p className="receipt-code" lang="en">
            {status.receipt}
          </p>
          {status.monitoringUntil === null ? (
            <p>{t('declare.selfReport.notMonitored')}</p>
          ) : status.today > status.monitoringUntil ? (
            <p>{t('declare.selfReport.ended', { date: formatDay(status.monitoringUntil, i18n.language) })}</p>
          ) : (
            <p>{t('declare.selfReport.intro', { date: formatDay(status.monitoringUntil, i18n.language) })}</p>
          )}
          {status.suspected ? (
            <div className="card verdict verdict-suspected" role="alert">
              <p className="verdict-text">{t('declare.selfReport.suspected')}</p>
              {status.healthStation.phone ? (
                <p>
                  <a className="call-link" href={`tel:${status.healthStation.phone.replace(/[^\d+]/g, '')}`}>
                    {t('declare.receipt.call', { phone: status.healthStation.phone })}
                  </a>
                </p>
              ) : (
                <p>{t('declare.receipt.noPhone', { unit: station })}</p>
              )}
            </div>
          ) : null}
          {days.length > 0 ? (
            <div className="card">
              <h2>{t('declare.selfReport.days')}</h2>
              <ul className="checks-list">
                {days.map((d) =>
                  checked.has(d) ? (
                    <li key={d}>
                      {t('declare.selfReport.reported', { day: formatDay(d, i18n.language), symptoms: describe(checked.get(d)!.symptoms) })}
                      {checked.get(d)!.selfReported ? '' : ` ${t('declare.selfReport.byOfficial')}`}
                    </li>
                  ) : (
                    <li key={d} className="muted">
                      {t('declare.selfReport.notReported', { day: formatDay(d, i18n.language) })}
                    </li>
                  ),
                )}
              </ul>
            </div>
          ) : null}
          {days.length > 0 && status.monitoringUntil !== null && status.today <= status.monitoringUntil ? (
            <form className="card" onSubmit={(event) => void submit(event)} noValidate>
              <DayCheckFields
                days={days}
                checked={checked}
                day={day}
                onDay={setDay}
                symptoms={symptoms}
                onSymptoms={setSymptoms}
                note={note}
                onNote={setNote}
                labels={{ day: t('declare.selfReport.day'), symptoms: t('declare.selfReport.symptoms'), hint: t('declare.selfReport.symptomsHint'), note: t('declare.selfReport.note') }}
                check={check}
              />
              <ErrorMessage error={sendError} fieldsShown={check.hasServerFieldIssues} others={check.otherIssues} />
              <SuccessMessage>{sentDay ? t('declare.selfReport.sent', { day: formatDay(sentDay, i18n.language) }) : null}</SuccessMessage>
              <div className="form-actions">
                <button type="submit" disabled={sending}>
                  {sending ? t('declare.selfReport.sending') : t('declare.selfReport.send')}
                </button>
              </div>
            </form>
          ) : null}
          <p className="hint">{t('declare.selfReport.keepLink')}</p>
        </>
      )}
    </section>
  );
}
