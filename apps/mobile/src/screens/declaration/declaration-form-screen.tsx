import { GENDERS, MAX_VISITS, SYMPTOMS, TRANSPORTS, type DeclarationKind, type PlaceScope } from '@bluezone/contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StyleSheet, View } from 'react-native';
import { checkDraft, emptyDraft, issuesOfStep, STEPS, stepOf, type DeclarationDraft, type FieldIssues, type VisitDraft, type YesNo } from '../../declaration/declaration-draft';
import { DeclarationError, type DeclarationFailure } from '../../declaration/declaration-service';
import { useApp } from '../../root/app-model';
import type { ScreenProps } from '../../root/routes';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { ChoiceRow } from '../../ui/choice-row';
import { Screen } from '../../ui/screen';
import { FieldError, GroupLabel, TextField } from '../../ui/text-field';
import { Body, Heading, Title } from '../../ui/text';
import { colors, radius, space } from '../../ui/theme';
import { issueText } from './declaration-text';
import { PlacePicker } from './place-picker';

const same = (a: DeclarationDraft, b: DeclarationDraft) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The health declaration of the console's public page (`/khai-bao`), the same questions in the same words, a step a
 * screenful on a phone. Each step is checked with the contract's rules before the next; the server's field problems
 * bring the user back to the step and the field. The draft stays on the phone when the user leaves or the network
 * fails. Opened from the exposure warning, "warned by Bluezone" is ticked (and can be changed).
 */
export function DeclarationFormScreen({ navigation, route }: ScreenProps<'Declaration'>) {
  const { t } = useTranslation();
  const { services } = useApp();
  const { declarations } = services;
  const warned = route.params?.warned === true;
  const [draft, setDraft] = useState<DeclarationDraft>();
  const [resumed, setResumed] = useState(false);
  const [step, setStep] = useState(0);
  const [issues, setIssues] = useState<FieldIssues>({});
  const [failure, setFailure] = useState<DeclarationFailure>();
  const [busy, setBusy] = useState(false);
  const latest = useRef<DeclarationDraft | undefined>(undefined);
  const sent = useRef(false);
  const visitKey = useRef(1);
  latest.current = draft;

  useEffect(() => {
    let live = true;
    void declarations.draft().then((saved) => {
      if (!live) return;
      if (saved) {
        setDraft(warned ? { ...saved, warnedByApp: 'yes' } : saved);
        setResumed(true);
        visitKey.current = Math.max(0, ...saved.visits.map((v) => v.key)) + 1;
      } else setDraft(emptyDraft('domestic', { warnedByApp: warned }));
    });
    // Leaving the form keeps what was typed (unless it was sent, or nothing was typed).
    return () => {
      live = false;
      const last = latest.current;
      if (last && !sent.current && !same(last, emptyDraft(last.kind, { warnedByApp: warned }))) void declarations.saveDraft(last);
    };
  }, [declarations, warned]);

  const edit = useCallback(<K extends keyof DeclarationDraft>(key: K, value: DeclarationDraft[K], path?: string) => {
    setDraft((old) => (old ? { ...old, [key]: value } : old));
    if (path) setIssues((old) => (old[path] ? Object.fromEntries(Object.entries(old).filter(([p]) => p !== path)) : old));
  }, []);
  const editVisit = (index: number, changes: Partial<VisitDraft>, path?: string) => {
    setDraft((old) => (old ? { ...old, visits: old.visits.map((visit, i) => (i === index ? { ...visit, ...changes } : visit)) } : old));
    if (path) setIssues((old) => Object.fromEntries(Object.entries(old).filter(([p]) => p !== path)));
  };

  // One function for the form's life: the place pickers search again only when their own text changes.
  const search = useCallback((q: string, scope: PlaceScope) => declarations.searchPlaces(q, scope), [declarations]);

  if (!draft) {
    return (
      <Screen testID="declaration-screen">
        <Body muted>{t('common.loading')}</Body>
      </Screen>
    );
  }

  const current = STEPS[step] ?? 'person';
  const errorOf = (path: string) => (issues[path] ? issueText(t, path, issues[path]) : undefined);
  const stepIssues = Object.keys(issuesOfStep(issues, current)).length;

  const goTo = (index: number) => {
    setStep(index);
    void declarations.saveDraft(draft);
  };
  const next = () => {
    const found = issuesOfStep(checkDraft(draft, declarations.today()), current);
    setIssues((old) => ({ ...issuesOfStep(old, 'send'), ...found }));
    if (Object.keys(found).length === 0) goTo(step + 1);
  };
  const send = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      const stored = await declarations.submit(draft);
      sent.current = true;
      navigation.replace('DeclarationReceipt', { receipt: stored.receipt, fresh: true });
    } catch (error) {
      const code = error instanceof DeclarationError ? error.code : 'network_error';
      const fields = error instanceof DeclarationError ? error.fields : {};
      setIssues(fields);
      setFailure(code);
      // A field to fix on an earlier step: go there, where it is marked.
      const first = Math.min(...Object.keys(fields).map((path) => STEPS.indexOf(stepOf(path))));
      if (Number.isFinite(first) && first < step) setStep(first);
    } finally {
      setBusy(false);
    }
  };
  const startOver = async () => {
    await declarations.discardDraft();
    setDraft(emptyDraft('domestic', { warnedByApp: warned }));
    setIssues({});
    setFailure(undefined);
    setResumed(false);
    setStep(0);
  };

  const text = (path: string, key: keyof DeclarationDraft, label: string, options: { optional?: boolean; hint?: string; keyboardType?: 'phone-pad' | 'number-pad' | 'email-address'; autoComplete?: 'name' | 'tel' | 'email' | 'off' | 'street-address'; multiline?: boolean; maxLength?: number } = {}) => (
    <TextField
      id={`field-${path}`}
      label={options.optional ? t('declaration.optional', { label }) : label}
      hint={options.hint}
      value={draft[key] as string}
      onChangeText={(value) => edit(key, value as never, path)}
      error={errorOf(path)}
      keyboardType={options.keyboardType}
      autoComplete={options.autoComplete}
      multiline={options.multiline}
      maxLength={options.maxLength}
    />
  );

  const yesNo = (path: string, key: 'contactCase' | 'contactArrival' | 'contactFever', label: string) => (
    <View style={styles.group}>
      <GroupLabel id={`field-${path}`} label={label} />
      <View style={styles.pair}>
        {(['yes', 'no'] as const).map((value) => (
          <View key={value} style={styles.half}>
            <ChoiceRow kind="radio" testID={`${key}-${value}`} label={t(`declaration.${value}`)} selected={draft[key] === value} onPress={() => edit(key, value as YesNo, path)} />
          </View>
        ))}
      </View>
      {errorOf(path) ? <FieldError id={`field-${path}`}>{errorOf(path)}</FieldError> : null}
    </View>
  );

  const kindChoice = (
    <View style={styles.group}>
      <GroupLabel label={t('declaration.kind')} />
      {(['domestic', 'entry'] as DeclarationKind[]).map((kind) => (
        <ChoiceRow key={kind} kind="radio" testID={`kind-${kind}`} label={t(`declaration.kinds.${kind}`)} selected={draft.kind === kind} onPress={() => edit('kind', kind)} />
      ))}
    </View>
  );

  const person = (
    <>
      {kindChoice}
      <ChoiceRow kind="checkbox" testID="on-behalf" label={t('declaration.onBehalf')} selected={draft.onBehalf} onPress={() => edit('onBehalf', !draft.onBehalf)} />
      {draft.onBehalf ? (
        <View style={styles.nested}>
          {text('declaredBy.fullName', 'byName', t('declaration.declaredByName'), { autoComplete: 'name', maxLength: 200 })}
          {text('declaredBy.phone', 'byPhone', t('declaration.declaredByPhone'), { keyboardType: 'phone-pad', autoComplete: 'tel', maxLength: 20 })}
          {text('declaredBy.relationship', 'relationship', t('declaration.relationship'), { hint: t('declaration.relationshipHint'), maxLength: 50 })}
        </View>
      ) : null}
      {text('fullName', 'fullName', t('declaration.fullName'), { autoComplete: draft.onBehalf ? 'off' : 'name', maxLength: 200 })}
      {text('yearOfBirth', 'yearOfBirth', t('declaration.yearOfBirth'), { keyboardType: 'number-pad', maxLength: 4 })}
      <View style={styles.group}>
        <GroupLabel id="field-gender" label={t('declaration.gender')} />
        {GENDERS.map((gender) => (
          <ChoiceRow key={gender} kind="radio" testID={`gender-${gender}`} label={t(`declaration.genders.${gender}`)} selected={draft.gender === gender} onPress={() => edit('gender', gender, 'gender')} />
        ))}
        {errorOf('gender') ? <FieldError id="field-gender">{errorOf('gender')}</FieldError> : null}
      </View>
      {text('nationality', 'nationality', t('declaration.nationality'), { optional: true, maxLength: 100 })}
      {text('idNumber', 'idNumber', t('declaration.idNumber'), { optional: true, autoComplete: 'off', maxLength: 20 })}
      {text('phone', 'phone', t('declaration.phone'), { hint: t('declaration.phoneHint'), keyboardType: 'phone-pad', autoComplete: draft.onBehalf ? 'off' : 'tel', maxLength: 20 })}
      {text('email', 'email', t('declaration.email'), { optional: true, keyboardType: 'email-address', autoComplete: draft.onBehalf ? 'off' : 'email', maxLength: 254 })}
    </>
  );

  const place = (
    <>
      {/* The step is named "where you live"; only beside the entry details does the residence need its own heading. */}
      {draft.kind === 'entry' ? <Heading>{t('declaration.residence')}</Heading> : null}
      <PlacePicker
        id="field-residence.unitCode"
        label={t('declaration.residenceUnit')}
        hint={t('declaration.unitHint')}
        error={errorOf('residence.unitCode')}
        value={draft.residence}
        onChange={(chosen) => edit('residence', chosen, 'residence.unitCode')}
        scope="province"
        search={search}
      />
      {text('residence.address', 'address', t('declaration.address'), { autoComplete: 'street-address', maxLength: 300 })}
      {draft.kind === 'entry' ? (
        <>
          <Heading>{t('declaration.entry')}</Heading>
          {text('entry.borderGate', 'borderGate', t('declaration.borderGate'), { hint: t('declaration.borderGateHint'), maxLength: 200 })}
          <View style={styles.group}>
            <GroupLabel id="field-entry.transport" label={t('declaration.transport')} />
            {TRANSPORTS.map((transport) => (
              <ChoiceRow key={transport} kind="radio" testID={`transport-${transport}`} label={t(`declaration.transports.${transport}`)} selected={draft.transport === transport} onPress={() => edit('transport', transport, 'entry.transport')} />
            ))}
            {errorOf('entry.transport') ? <FieldError id="field-entry.transport">{errorOf('entry.transport')}</FieldError> : null}
          </View>
          {text('entry.transportNumber', 'transportNumber', t('declaration.transportNumber'), { optional: true, hint: t('declaration.transportNumberHint'), maxLength: 50 })}
          {text('entry.departurePlace', 'departurePlace', t('declaration.departurePlace'), { hint: t('declaration.departurePlaceHint'), maxLength: 200 })}
          {text('entry.arrivalDate', 'arrivalDate', t('declaration.arrivalDate'), { hint: t('declaration.dayHint'), keyboardType: 'number-pad', maxLength: 10 })}
          <ChoiceRow kind="checkbox" testID="destination-elsewhere" label={t('declaration.destinationElsewhere')} selected={draft.destinationElsewhere} onPress={() => edit('destinationElsewhere', !draft.destinationElsewhere)} />
          {draft.destinationElsewhere ? (
            <View style={styles.nested}>
              <PlacePicker
                id="field-entry.destination.unitCode"
                label={t('declaration.destinationUnit')}
                hint={t('declaration.unitHint')}
                error={errorOf('entry.destination.unitCode')}
                value={draft.destination}
                onChange={(chosen) => edit('destination', chosen, 'entry.destination.unitCode')}
                scope="province"
                search={search}
              />
              {text('entry.destination.address', 'destinationAddress', t('declaration.destinationAddress'), { maxLength: 300 })}
            </View>
          ) : null}
        </>
      ) : null}
    </>
  );

  const visits = (
    <>
      <GroupLabel label={t('declaration.visits')} hint={t('declaration.visitsHint')} />
      {draft.visits.map((visit, i) => (
        <Card key={visit.key} title={t('declaration.visitN', { n: i + 1 })}>
          <View style={styles.pair}>
            {(['vietnam', 'abroad'] as const).map((where) => (
              <View key={where} style={styles.half}>
                <ChoiceRow kind="radio" testID={`visit-${i}-${where}`} label={t(where === 'vietnam' ? 'declaration.visitVietnam' : 'declaration.visitAbroad')} selected={visit.where === where} onPress={() => editVisit(i, { where })} />
              </View>
            ))}
          </View>
          {visit.where === 'vietnam' ? (
            <PlacePicker
              id={`field-visits.${i}.unitCode`}
              label={t('declaration.visitUnit')}
              hint={t('declaration.unitHint')}
              error={errorOf(`visits.${i}.unitCode`)}
              value={visit.place}
              onChange={(chosen) => editVisit(i, { place: chosen }, `visits.${i}.unitCode`)}
              scope="country"
              search={search}
            />
          ) : (
            <TextField
              id={`field-visits.${i}.place`}
              label={t('declaration.visitPlace')}
              hint={t('declaration.visitPlaceHint')}
              value={visit.text}
              onChangeText={(value) => editVisit(i, { text: value }, `visits.${i}.place`)}
              error={errorOf(`visits.${i}.place`)}
              maxLength={200}
            />
          )}
          {(['from', 'to'] as const).map((end) => (
            <TextField
              key={end}
              id={`field-visits.${i}.${end}`}
              label={t(end === 'from' ? 'declaration.visitFrom' : 'declaration.visitTo')}
              hint={t('declaration.dayHint')}
              value={visit[end]}
              onChangeText={(value) => editVisit(i, { [end]: value }, `visits.${i}.${end}`)}
              error={errorOf(`visits.${i}.${end}`)}
              keyboardType="numbers-and-punctuation"
              maxLength={10}
            />
          ))}
          <Button
            testID={`visit-${i}-remove`}
            variant="secondary"
            label={t('declaration.visitRemove', { n: i + 1 })}
            onPress={() => {
              // Field problems are keyed by position: after a removal they would point at the wrong visit.
              setIssues((old) => Object.fromEntries(Object.entries(old).filter(([p]) => !p.startsWith('visits.'))));
              setDraft((old) => (old ? { ...old, visits: old.visits.filter((_, j) => j !== i) } : old));
            }}
          />
        </Card>
      ))}
      {draft.visits.length < MAX_VISITS ? (
        <Button
          testID="visit-add"
          variant="secondary"
          label={t('declaration.visitAdd')}
          onPress={() => setDraft((old) => (old ? { ...old, visits: [...old.visits, { key: visitKey.current++, where: 'vietnam', place: null, text: '', from: '', to: '' }] } : old))}
        />
      ) : null}
    </>
  );

  const health = (
    <>
      <View style={styles.group}>
        <GroupLabel id="field-symptoms" label={t('declaration.symptoms')} hint={t('declaration.symptomsHint')} />
        {SYMPTOMS.map((symptom) => (
          <ChoiceRow
            key={symptom}
            kind="checkbox"
            testID={`symptom-${symptom}`}
            label={t(`declaration.symptomNames.${symptom}`)}
            selected={draft.symptoms.includes(symptom)}
            onPress={() => edit('symptoms', draft.symptoms.includes(symptom) ? draft.symptoms.filter((s) => s !== symptom) : SYMPTOMS.filter((s) => s === symptom || draft.symptoms.includes(s)), 'symptoms')}
          />
        ))}
        {errorOf('symptoms') ? <FieldError id="field-symptoms">{errorOf('symptoms')}</FieldError> : null}
      </View>
      {draft.symptoms.includes('other') ? text('otherSymptom', 'otherSymptom', t('declaration.otherSymptom'), { maxLength: 200 }) : null}
      <Heading>{t('declaration.contacts')}</Heading>
      {yesNo('contacts.confirmedOrSuspectedCase', 'contactCase', t('declaration.contactCase'))}
      {yesNo('contacts.fromEpidemicArea', 'contactArrival', t('declaration.contactArrival'))}
      {yesNo('contacts.feverOrCough', 'contactFever', t('declaration.contactFever'))}
      <View style={styles.group}>
        <GroupLabel id="field-warnedByApp" label={t('declaration.warnedByApp')} hint={warned ? t('declaration.warnedFromWarning') : undefined} />
        {(['yes', 'no', 'unknown'] as const).map((value) => (
          <ChoiceRow key={value} kind="radio" testID={`warned-${value}`} label={t(value === 'unknown' ? 'declaration.warnedUnknown' : `declaration.${value}`)} selected={draft.warnedByApp === value} onPress={() => edit('warnedByApp', value, 'warnedByApp')} />
        ))}
        {errorOf('warnedByApp') ? <FieldError id="field-warnedByApp">{errorOf('warnedByApp')}</FieldError> : null}
      </View>
      {text('chronicConditions', 'chronicConditions', t('declaration.chronicConditions'), { optional: true, hint: t('declaration.chronicHint'), multiline: true, maxLength: 500 })}
    </>
  );

  // Problems the server found on other steps (or on fields no step shows): point at them rather than hide them.
  const elsewhere = STEPS.filter((s, i) => i !== step && Object.keys(issuesOfStep(issues, s)).length > 0);
  const sendStep = (
    <>
      <ChoiceRow kind="checkbox" testID="consent" label={t('declaration.consent')} selected={draft.consent} onPress={() => edit('consent', !draft.consent, 'consent')} />
      {errorOf('consent') ? <FieldError id="field-consent">{errorOf('consent')}</FieldError> : null}
      <Body muted>{t('declaration.privacy')}</Body>
      <Body muted>{t('declaration.noTracingData')}</Body>
      {failure && failure !== 'invalid' ? (
        <Card tone="danger">
          <Body testID="declaration-error">{t(`declaration.error.${failure}`)}</Body>
        </Card>
      ) : null}
      {elsewhere.map((s) => (
        <Card key={s} tone="danger">
          <Body>{t('declaration.fixBefore', { step: t(`declaration.steps.${s}`) })}</Body>
          <Button variant="secondary" label={t('declaration.goToStep', { step: t(`declaration.steps.${s}`) })} onPress={() => setStep(STEPS.indexOf(s))} />
        </Card>
      ))}
      <Button
        testID="declaration-submit"
        label={busy ? t('declaration.submitting') : failure && failure !== 'invalid' ? t('declaration.retry') : t('declaration.submit')}
        busy={busy}
        onPress={() => {
          if (!draft.consent) setIssues((old) => ({ ...old, consent: { problem: 'consent' } }));
          else void send();
        }}
      />
    </>
  );

  const body = { person, place, visits, health, send: sendStep }[current];
  return (
    // A new step starts at its top: the screen is drawn afresh.
    <Screen key={current} testID="declaration-screen">
      <Title>{t(draft.kind === 'entry' ? 'declaration.titleEntry' : 'declaration.title')}</Title>
      <Body testID="declaration-step" muted>
        {t('declaration.step', { n: step + 1, total: STEPS.length, name: t(`declaration.steps.${current}`) })}
      </Body>
      <View style={styles.progress} accessibilityElementsHidden importantForAccessibility="no-hide-descendants">
        {STEPS.map((s, i) => (
          <View key={s} style={[styles.dot, i <= step && styles.dotDone]} />
        ))}
      </View>
      {step === 0 ? (
        <>
          {resumed ? (
            <Card tone="warn">
              <Body>{t('declaration.draftResumed')}</Body>
              <Button testID="declaration-start-over" variant="secondary" label={t('declaration.startOver')} onPress={() => void startOver()} />
            </Card>
          ) : null}
          <Body>{t('declaration.intro')}</Body>
          <Card>
            <Body testID="declaration-no-tracing-data">{t('declaration.noTracingData')}</Body>
          </Card>
        </>
      ) : null}
      {current !== 'send' && failure === 'invalid' && stepIssues > 0 ? (
        <Card tone="danger">
          <Body>{t('declaration.error.invalid')}</Body>
        </Card>
      ) : stepIssues > 0 && current !== 'send' ? (
        <Card tone="danger">
          <Body testID="declaration-fix">{t('declaration.fixStep', { count: stepIssues })}</Body>
        </Card>
      ) : null}
      <Heading>{t(`declaration.steps.${current}`)}</Heading>
      {body}
      {current !== 'send' ? <Button testID="declaration-next" label={t('declaration.next')} onPress={next} /> : null}
      {step > 0 ? <Button testID="declaration-previous" variant="secondary" label={t('declaration.previous')} onPress={() => goTo(step - 1)} /> : null}
    </Screen>
  );
}

const styles = StyleSheet.create({
  group: { marginBottom: space.m },
  pair: { flexDirection: 'row', gap: space.s },
  half: { flex: 1 },
  nested: { borderLeftWidth: 3, borderLeftColor: colors.border, paddingLeft: space.m, marginBottom: space.m },
  progress: { flexDirection: 'row', gap: space.xs, marginBottom: space.m },
  dot: { flex: 1, height: 6, borderRadius: radius, backgroundColor: colors.border },
  dotDone: { backgroundColor: colors.primary },
});
