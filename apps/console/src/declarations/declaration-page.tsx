import type { Declaration, DeclarationEvent, DeclarationStatus } from '@bluezone/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi } from '../api/api-context.js';
import { STATUS_TRANSITIONS } from '../api/contract-values.js';
import { ErrorMessage, SuccessMessage } from '../components/error-message.js';
import { formatDateTime, formatDay, parseDay } from '../components/format.js';
import { Field } from '../forms/field.js';
import { DAY } from '../forms/specs.js';
import { useFormCheck } from '../forms/use-form-check.js';
import { NotFoundPage } from '../pages/not-found-page.js';
import { ReasonList } from '../public/reason-list.js';
import { FlagBadges } from './flag-badges.js';
import { MonitoringChecks } from './monitoring-checks.js';
import { SelfReportLinkCard } from './self-report-link-card.js';
import './declarations.css';
import { DayInput } from '../forms/day-input.js';

// Keyed by the names of updateDeclarationRequestSchema, as the server reports its field problems.
const SPECS = {
  status: { labelKey: 'declaration.newStatus' },
  note: { labelKey: 'declaration.note', maxLength: 2000 },
  nextFollowUp: { ...DAY, labelKey: 'declaration.nextFollowUp' },
};

/** One event of the follow-up as a sentence. */
function useEventText() {
  const { t, i18n } = useTranslation();
  return (event: DeclarationEvent) => {
    const actor = event.actor ?? t('declaration.system');
    switch (event.kind) {
      case 'status':
        return t('declaration.events.status', { actor, from: t(`declarations.statuses.${event.fromStatus ?? 'new'}`), to: t(`declarations.statuses.${event.toStatus ?? 'new'}`) });
      case 'follow_up':
        return event.nextFollowUp ? t('declaration.events.follow_up', { actor, day: formatDay(event.nextFollowUp, i18n.language) }) : t('declaration.events.follow_up_cleared', { actor });
      case 'note':
        return t('declaration.events.note', { actor });
      case 'check':
        // A check without an actor is the declarant's own report (the public self-report).
        return event.actor === null ? t('declaration.events.self_check') : t('declaration.events.check', { actor });
      case 'assessment':
        return t('declaration.events.assessment');
      case 'self_report_key':
        return t('declaration.events.self_report_key', { actor });
    }
  };
}

function Facts({ declaration: d }: { declaration: Declaration }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const contacts = [
    d.contacts.confirmedOrSuspectedCase ? t('reasons.contact_with_case') : null,
    d.contacts.fromEpidemicArea ? t('reasons.contact_with_arrival') : null,
    d.contacts.feverOrCough ? t('reasons.contact_with_fever_or_cough') : null,
  ].filter((text): text is string => text !== null);
  const symptoms = d.symptoms.map((s) => (s === 'other' && d.otherSymptom ? `${t('declare.symptomNames.other')}: ${d.otherSymptom}` : t(`declare.symptomNames.${s}`)));
  const rows: [string, ReactNode][] = [
    [t('declaration.person'), t('declaration.identity', { year: d.yearOfBirth, gender: t(`declare.genders.${d.gender}`) })],
    [t('declaration.phone'), <a href={`tel:${d.phone.replace(/[^\d+]/g, '')}`}>{d.phone}</a>],
    [t('declaration.residence'), `${d.residence.address}, ${en ? d.residence.unitNameEn : d.residence.unitName}`],
  ];
  if (d.declaredBy) rows.push([t('declaration.declaredBy'), t('declaration.declaredByValue', { name: d.declaredBy.fullName, relationship: d.declaredBy.relationship, phone: d.declaredBy.phone })]);
  if (d.nationality) rows.push([t('declaration.nationality'), d.nationality]);
  if (d.idNumber) rows.push([t('declaration.idNumber'), d.idNumber]);
  if (d.email) rows.push([t('declaration.email'), d.email]);
  if (d.entry) {
    rows.push([
      t('declaration.entry'),
      t('declaration.entryValue', { gate: d.entry.borderGate, transport: t(`declare.transports.${d.entry.transport}`), number: d.entry.transportNumber ?? '', from: d.entry.departurePlace, date: formatDay(d.entry.arrivalDate, i18n.language) }),
    ]);
    if (d.entry.destination) rows.push([t('declaration.destination'), `${d.entry.destination.address}, ${en ? d.entry.destination.unitNameEn : d.entry.destination.unitName}`]);
  }
  rows.push([
    t('declaration.visits'),
    d.visits.length === 0 ? (
      t('declaration.noVisits')
    ) : (
      <ul className="reasons">
        {d.visits.map((v, i) => (
          <li key={i}>
            {(v.unitCode === null ? v.place : en ? v.unitNameEn : v.unitName) ?? ''} ({formatDay(v.from, i18n.language)} – {formatDay(v.to, i18n.language)})
          </li>
        ))}
      </ul>
    ),
  ]);
  rows.push([t('declaration.symptoms'), symptoms.length === 0 ? t('declaration.noSymptoms') : symptoms.join(', ')]);
  rows.push([t('declaration.contacts'), contacts.length === 0 ? t('declaration.noContacts') : contacts.join('; ')]);
  if (d.chronicConditions) rows.push([t('declaration.chronic'), d.chronicConditions]);
  if (d.warnedByApp !== null) rows.push([t('declaration.warned'), t(d.warnedByApp ? 'declare.yes' : 'declare.no')]);
  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function FollowUpForm({ declaration }: { declaration: Declaration }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<DeclarationStatus | ''>('');
  const [note, setNote] = useState('');
  const [nextFollowUp, setNextFollowUp] = useState(declaration.nextFollowUp ? declaration.nextFollowUp.split('-').reverse().join('/') : '');
  const save = useMutation({
    mutationFn: () => {
      const day = parseDay(nextFollowUp);
      const current = declaration.nextFollowUp ?? '';
      return api.updateDeclaration(declaration.id, {
        ...(status ? { status } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(day !== null && day !== current ? { nextFollowUp: day === '' ? null : day } : {}),
      });
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(['declaration', declaration.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['declarations'] });
      setStatus('');
      setNote('');
    },
  });
  const check = useFormCheck(SPECS, save.error);
  useEffect(() => setNextFollowUp(declaration.nextFollowUp ? declaration.nextFollowUp.split('-').reverse().join('/') : ''), [declaration.nextFollowUp]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.reset();
    if (!check.check({ note, nextFollowUp })) return;
    const day = parseDay(nextFollowUp);
    if (!status && !note.trim() && (day === null || day === (declaration.nextFollowUp ?? ''))) return;
    save.mutate();
  };
  const next = STATUS_TRANSITIONS[declaration.status];
  return (
    <section className="card" aria-labelledby="follow-up-title">
      <h2 id="follow-up-title">{t('declaration.followUp')}</h2>
      <p>
        {t('declarations.status')}: <strong>{t(`declarations.statuses.${declaration.status}`)}</strong>
      </p>
      <form onSubmit={submit} noValidate>
        <Field label={t('declaration.newStatus')} id={check.idOf('status')} error={check.errorOf('status')} plain>
          {(control) => (
            <select
              {...control}
              value={status}
              onChange={(e) => {
                check.touched('status');
                setStatus(e.target.value as DeclarationStatus | '');
              }}
            >
              <option value="">{t('declaration.keepStatus')}</option>
              {next.map((s) => (
                <option key={s} value={s}>
                  {t(`declarations.statuses.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('declaration.note')} id={check.idOf('note')} error={check.errorOf('note')} optional>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={note}
              onChange={(e) => {
                check.touched('note');
                setNote(e.target.value);
              }}
            />
          )}
        </Field>
        <Field label={t('declaration.nextFollowUp')} hint={t('fields.dayHint')} id={check.idOf('nextFollowUp')} error={check.errorOf('nextFollowUp')} optional>
          {(control) => (
            <DayInput
              {...control}
              value={nextFollowUp}
              onChange={(e) => {
                check.touched('nextFollowUp');
                setNextFollowUp(e.target.value);
              }}
            />
          )}
        </Field>
        <ErrorMessage error={save.error} fieldsShown={check.hasServerFieldIssues} others={check.otherIssues} />
        <SuccessMessage>{save.isSuccess ? t('declaration.saved') : null}</SuccessMessage>
        <div className="form-actions">
          <button type="submit" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : t('declaration.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** One declaration as an officer of a routed unit reads and follows it up; opening it is written to the audit log. */
export function DeclarationPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const params = useParams();
  const id = Number(params.id);
  const valid = /^[1-9]\d{0,14}$/.test(params.id ?? '');
  const query = useQuery({ queryKey: ['declaration', id], queryFn: () => api.declaration(id), enabled: valid, retry: false });
  const eventText = useEventText();
  if (!valid) return <NotFoundPage />;
  if (query.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (query.isError) {
    return (
      <>
        <p>
          <Link to="/declarations">{t('declaration.back')}</Link>
        </p>
        <ErrorMessage error={query.error} />
      </>
    );
  }
  const d = query.data;
  const en = i18n.language === 'en';
  return (
    <>
      <p>
        <Link to="/declarations">{t('declaration.back')}</Link>
      </p>
      <div className="page-heading">
        <h1>{d.fullName}</h1>
        <FlagBadges suspected={d.suspected} arrival={d.arrivalFromEpidemicArea} />
      </div>
      <p className="muted">
        {t(`declaration.kinds.${d.kind}`)} · {t('declaration.declaredAt', { at: formatDateTime(d.declaredAt, i18n.language) })} ·{' '}
        {t('declaration.receiptUntil', { code: d.receipt, date: formatDateTime(d.receiptExpiresAt, i18n.language) })}
      </p>
      <div className="grid-2">
        <section className="card" aria-labelledby="facts-title">
          <h2 id="facts-title">{t('declaration.person')}</h2>
          <Facts declaration={d} />
        </section>
        <div>
          <section className="card" aria-labelledby="assessment-title">
            <h2 id="assessment-title">{t('declaration.assessment')}</h2>
            <p>
              <strong>
                {d.suspected ? t('declaration.suspected') : null}
                {d.suspected && d.arrivalFromEpidemicArea ? ' · ' : null}
                {d.arrivalFromEpidemicArea && d.monitoringUntil ? t('declaration.arrival', { date: formatDay(d.monitoringUntil, i18n.language) }) : null}
                {!d.suspected && !d.arrivalFromEpidemicArea ? t('declaration.notFlagged') : null}
              </strong>
            </p>
            {d.assessment.reasons.length > 0 ? <ReasonList reasons={d.assessment.reasons} /> : null}
            <p className="hint">{t('declaration.rule', { rule: d.assessment.rule })}</p>
            <p>
              {t('declaration.routedTo')}: {d.routedTo.map((u) => (en ? u.unitNameEn : u.unitName)).join(', ')}
            </p>
          </section>
          <FollowUpForm declaration={d} />
        </div>
      </div>
      {d.monitoringUntil ? (
        <>
          <MonitoringChecks declaration={d} />
          <SelfReportLinkCard declaration={d} />
        </>
      ) : null}
      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">{t('declaration.history')}</h2>
        {d.history.length === 0 ? (
          <p className="muted">{t('declaration.noHistory')}</p>
        ) : (
          <ol className="history">
            {d.history.map((event, i) => (
              <li key={i}>
                <span className="muted">{formatDateTime(event.at, i18n.language)}</span> — {eventText(event)}
                {event.note ? <blockquote className="note">{event.note}</blockquote> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
