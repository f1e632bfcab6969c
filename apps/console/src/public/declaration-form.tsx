import type { DeclarationKind, Place, PlaceScope, SubmitDeclarationResponse } from '@bluezone/contract';
import { GENDERS, SYMPTOMS, TRANSPORTS } from '../api/contract-values.js';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/error-message.js';
import { Choice, Field } from '../forms/field.js';
import { useFormCheck } from '../forms/use-form-check.js';
import type { FieldSpec } from '../forms/validation.js';
import { PlacePicker } from '../places/place-picker.js';
import {
  checkedValues,
  emptyDraft,
  misorderedVisits,
  missingChoices,
  STATIC_SPECS,
  visitSpecs,
  type DeclarationDraft,
  type VisitDraft,
  type YesNo,
} from './declaration-draft.js';
import { DayInput } from '../forms/day-input.js';

export interface DeclarationFormProps {
  kind: DeclarationKind;
  /** The ward or commune of the poster's QR code, already chosen. */
  residence: Place | null;
  search: (q: string, scope: PlaceScope) => Promise<Place[]>;
  submit: (draft: DeclarationDraft) => Promise<SubmitDeclarationResponse>;
  onDone: (answer: SubmitDeclarationResponse) => void;
}

/** Border gates of Lạng Sơn, offered as suggestions; any other may be typed. */
const BORDER_GATES = ['Cửa khẩu quốc tế Hữu Nghị', 'Ga đường sắt liên vận quốc tế Đồng Đăng', 'Cửa khẩu Tân Thanh', 'Cửa khẩu Chi Ma', 'Cửa khẩu Cốc Nam', 'Cửa khẩu Bình Nghi'];

let nextVisitKey = 1;

/** The 2020 declaration form (and its entry variant), checked on the phone before it goes, worded in either language. */
export function DeclarationForm({ kind, residence, search, submit, onDone }: DeclarationFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<DeclarationDraft>(() => emptyDraft(kind, { residence }));
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  // Keyed by the paths the server names in its field problems; visits add theirs (`visits.0.from`).
  const specs: Record<string, FieldSpec> = { ...STATIC_SPECS, ...visitSpecs(draft.visits.length) };
  const check = useFormCheck<string>(specs, failure);

  const edit = <K extends keyof DeclarationDraft>(key: K, value: DeclarationDraft[K], field?: string) => {
    if (field) check.touched(field);
    setDraft((old) => ({ ...old, [key]: value }));
  };
  const editVisit = (index: number, changes: Partial<VisitDraft>, field?: string) => {
    if (field) check.touched(field);
    setDraft((old) => ({ ...old, visits: old.visits.map((visit, i) => (i === index ? { ...visit, ...changes } : visit)) }));
  };
  const required = (field: string) => t('fields.issue', { field: t(specs[field]?.labelKey ?? 'fields.other'), problem: t('declare.missing') });

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const extra: Record<string, string> = {};
    for (const field of missingChoices(draft)) extra[field] = field === 'consent' ? t('declare.consentMissing') : required(field);
    for (const field of misorderedVisits(draft)) extra[field] = t('fields.issue', { field: t('declare.visitTo'), problem: t('declare.dayOrder') });
    if (!check.check(checkedValues(draft), extra)) return;
    setSending(true);
    setFailure(null);
    try {
      onDone(await submit(draft));
    } catch (error) {
      setFailure(error);
    } finally {
      setSending(false);
    }
  };

  const text = (field: keyof typeof STATIC_SPECS, key: keyof DeclarationDraft, options: { optional?: boolean; hint?: string; type?: string; inputMode?: 'numeric' | 'tel' | 'email' | 'text'; autoComplete?: string; list?: string } = {}) => (
    <Field label={t(STATIC_SPECS[field].labelKey)} id={check.idOf(field)} error={check.errorOf(field)} optional={options.optional} hint={options.hint}>
      {(control) => (
        <input
          {...control}
          type={options.type ?? 'text'}
          inputMode={options.inputMode}
          autoComplete={options.autoComplete}
          list={options.list}
          value={draft[key] as string}
          onChange={(e) => edit(key, e.target.value as never, field)}
        />
      )}
    </Field>
  );

  const yesNo = (field: string, which: 'contactCase' | 'contactArrival' | 'contactFever', label: string) => (
    <Field label={label} id={check.idOf(field)} error={check.errorOf(field)} kind="choices" className="yes-no">
      {() =>
        (['yes', 'no'] as const).map((value) => (
          <Choice key={value} label={t(`declare.${value}`)}>
            <input type="radio" name={field} checked={draft[which] === value} onChange={() => edit(which, value as YesNo, field)} />
          </Choice>
        ))
      }
    </Field>
  );

  return (
    <form className="declaration-form" onSubmit={(event) => void send(event)} noValidate aria-label={t(kind === 'entry' ? 'declare.titleEntry' : 'declare.title')}>
      <section className="card">
        <h2>{t('declare.person')}</h2>
        <Field label={t('declare.onBehalf')} kind="check">
          {(control) => <input {...control} type="checkbox" checked={draft.onBehalf} onChange={(e) => edit('onBehalf', e.target.checked)} />}
        </Field>
        {draft.onBehalf ? (
          <div className="nested">
            {text('declaredBy.fullName', 'byName', { autoComplete: 'name' })}
            {text('declaredBy.phone', 'byPhone', { type: 'tel', inputMode: 'tel', autoComplete: 'tel' })}
            {text('declaredBy.relationship', 'relationship', { hint: t('declare.relationshipHint') })}
          </div>
        ) : null}
        {text('fullName', 'fullName', { autoComplete: draft.onBehalf ? 'off' : 'name' })}
        {text('yearOfBirth', 'yearOfBirth', { inputMode: 'numeric', autoComplete: draft.onBehalf ? 'off' : 'bday-year' })}
        <Field label={t('declare.gender')} id={check.idOf('gender')} error={check.errorOf('gender')} kind="choices">
          {() =>
            GENDERS.map((gender) => (
              <Choice key={gender} label={t(`declare.genders.${gender}`)}>
                <input type="radio" name="gender" checked={draft.gender === gender} onChange={() => edit('gender', gender, 'gender')} />
              </Choice>
            ))
          }
        </Field>
        {text('nationality', 'nationality', { optional: true })}
        {text('idNumber', 'idNumber', { optional: true, autoComplete: 'off' })}
        {text('phone', 'phone', { type: 'tel', inputMode: 'tel', autoComplete: draft.onBehalf ? 'off' : 'tel', hint: t('declare.phoneHint') })}
        {text('email', 'email', { optional: true, type: 'email', inputMode: 'email', autoComplete: draft.onBehalf ? 'off' : 'email' })}
      </section>

      <section className="card">
        <h2>{t('declare.residence')}</h2>
        <PlacePicker
          label={t('declare.residenceUnit')}
          hint={t('declare.unitHint')}
          id={check.idOf('residence.unitCode')}
          error={check.errorOf('residence.unitCode')}
          value={draft.residence}
          onChange={(place) => edit('residence', place, 'residence.unitCode')}
          scope="province"
          search={search}
        />
        {text('residence.address', 'address', { autoComplete: 'street-address' })}
      </section>

      {kind === 'entry' ? (
        <section className="card">
          <h2>{t('declare.entry')}</h2>
          {text('entry.borderGate', 'borderGate', { hint: t('declare.borderGateHint'), list: 'border-gates' })}
          <datalist id="border-gates">
            {BORDER_GATES.map((gate) => (
              <option key={gate} value={gate} />
            ))}
          </datalist>
          <Field label={t('declare.transport')} id={check.idOf('entry.transport')} error={check.errorOf('entry.transport')} kind="choices">
            {() =>
              TRANSPORTS.map((transport) => (
                <Choice key={transport} label={t(`declare.transports.${transport}`)}>
                  <input type="radio" name="transport" checked={draft.transport === transport} onChange={() => edit('transport', transport, 'entry.transport')} />
                </Choice>
              ))
            }
          </Field>
          {text('entry.transportNumber', 'transportNumber', { optional: true, hint: t('declare.transportNumberHint') })}
          {text('entry.departurePlace', 'departurePlace', { hint: t('declare.departurePlaceHint') })}
          {text('entry.arrivalDate', 'arrivalDate', { inputMode: 'numeric', hint: t('fields.dayHint') })}
          <Field label={t('declare.destinationElsewhere')} kind="check">
            {(control) => <input {...control} type="checkbox" checked={draft.destinationElsewhere} onChange={(e) => edit('destinationElsewhere', e.target.checked)} />}
          </Field>
          {draft.destinationElsewhere ? (
            <div className="nested">
              <PlacePicker
                label={t('declare.destinationUnit')}
                hint={t('declare.unitHint')}
                id={check.idOf('entry.destination.unitCode')}
                error={check.errorOf('entry.destination.unitCode')}
                value={draft.destination}
                onChange={(place) => edit('destination', place, 'entry.destination.unitCode')}
                scope="province"
                search={search}
              />
              {text('entry.destination.address', 'destinationAddress')}
            </div>
          ) : null}
        </section>
      ) : null}

      <section className="card">
        <h2>{t('declare.visits')}</h2>
        <p className="hint">{t('declare.visitsHint')}</p>
        {draft.visits.map((visit, i) => (
          <fieldset key={visit.key} className="visit">
            <legend>{t('declare.visitN', { n: i + 1 })}</legend>
            <Field label={t('declare.visitWhere')} kind="choices">
              {() =>
                (['vietnam', 'abroad'] as const).map((where) => (
                  <Choice key={where} label={t(where === 'vietnam' ? 'declare.visitVietnam' : 'declare.visitAbroad')}>
                    <input type="radio" name={`visit-${visit.key}-where`} checked={visit.where === where} onChange={() => editVisit(i, { where })} />
                  </Choice>
                ))
              }
            </Field>
            {visit.where === 'vietnam' ? (
              <PlacePicker
                label={t('declare.visitUnit')}
                hint={t('declare.visitUnitHint')}
                id={check.idOf(`visits.${i}.unitCode`)}
                error={check.errorOf(`visits.${i}.unitCode`)}
                value={visit.place}
                onChange={(place) => editVisit(i, { place }, `visits.${i}.unitCode`)}
                scope="country"
                search={search}
              />
            ) : (
              <Field label={t('declare.visitPlace')} hint={t('declare.visitPlaceHint')} id={check.idOf(`visits.${i}.place`)} error={check.errorOf(`visits.${i}.place`)}>
                {(control) => <input {...control} value={visit.text} onChange={(e) => editVisit(i, { text: e.target.value }, `visits.${i}.place`)} />}
              </Field>
            )}
            <div className="day-pair">
              {(['from', 'to'] as const).map((end) => (
                <Field key={end} label={t(end === 'from' ? 'declare.visitFrom' : 'declare.visitTo')} hint={t('fields.dayHint')} id={check.idOf(`visits.${i}.${end}`)} error={check.errorOf(`visits.${i}.${end}`)}>
                  {(control) => <DayInput {...control} value={visit[end]} onChange={(e) => editVisit(i, { [end]: e.target.value }, `visits.${i}.${end}`)} />}
                </Field>
              ))}
            </div>
            <button type="button" className="button-secondary button-small" onClick={() => setDraft((old) => ({ ...old, visits: old.visits.filter((_, j) => j !== i) }))}>
              {t('declare.visitRemove', { n: i + 1 })}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          className="button-secondary"
          onClick={() => setDraft((old) => ({ ...old, visits: [...old.visits, { key: nextVisitKey++, where: 'vietnam', place: null, text: '', from: '', to: '' }] }))}
        >
          {t('declare.visitAdd')}
        </button>
      </section>

      <section className="card">
        <Field label={t('declare.symptoms')} hint={t('declare.symptomsHint')} id={check.idOf('symptoms')} error={check.errorOf('symptoms')} kind="choices" className="question">
          {() =>
            SYMPTOMS.map((symptom) => (
              <Choice key={symptom} label={t(`declare.symptomNames.${symptom}`)}>
                <input
                  type="checkbox"
                  checked={draft.symptoms.includes(symptom)}
                  onChange={(e) => edit('symptoms', e.target.checked ? SYMPTOMS.filter((s) => s === symptom || draft.symptoms.includes(s)) : draft.symptoms.filter((s) => s !== symptom), 'symptoms')}
                />
              </Choice>
            ))
          }
        </Field>
        {draft.symptoms.includes('other') ? text('otherSymptom', 'otherSymptom') : null}
      </section>

      <section className="card">
        <h2>{t('declare.contacts')}</h2>
        {yesNo('contacts.confirmedOrSuspectedCase', 'contactCase', t('declare.contactCase'))}
        {yesNo('contacts.fromEpidemicArea', 'contactArrival', t('declare.contactArrival'))}
        {yesNo('contacts.feverOrCough', 'contactFever', t('declare.contactFever'))}
        <Field label={t('declare.warnedByApp')} kind="choices">
          {() =>
            (['yes', 'no', 'unknown'] as const).map((value) => (
              <Choice key={value} label={t(value === 'unknown' ? 'declare.warnedUnknown' : `declare.${value}`)}>
                <input type="radio" name="warned" checked={draft.warnedByApp === value} onChange={() => edit('warnedByApp', value)} />
              </Choice>
            ))
          }
        </Field>
        {text('chronicConditions', 'chronicConditions', { optional: true, hint: t('declare.chronicHint') })}
      </section>

      <div className="honeypot" aria-hidden="true">
        <label htmlFor="declaration-website">{t('declare.honeypot')}</label>
        <input id="declaration-website" name="website" tabIndex={-1} autoComplete="off" value={draft.website ?? ''} onChange={(e) => edit('website', e.target.value)} />
      </div>

      <section className="card">
        <Field label={t('declare.consent')} id={check.idOf('consent')} error={check.errorOf('consent')} kind="check">
          {(control) => <input {...control} type="checkbox" checked={draft.consent} onChange={(e) => edit('consent', e.target.checked, 'consent')} />}
        </Field>
        <p className="hint">{t('declare.privacy')}</p>
        <ErrorMessage error={failure} fieldsShown={check.hasServerFieldIssues} others={check.otherIssues} />
        <div className="form-actions">
          <button type="submit" disabled={sending}>
            {sending ? t('declare.submitting') : t('declare.submit')}
          </button>
        </div>
      </section>
    </form>
  );
}
