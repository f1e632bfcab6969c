import type { PlaceScope } from '@bluezone/contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StyleSheet, View } from 'react-native';
import { checkDraft, emptyDraft, issuesOfStep, STEPS, stepOf, type DeclarationDraft, type FieldIssues, type VisitDraft } from '../../declaration/declaration-draft';
import { DeclarationError, type DeclarationFailure } from '../../declaration/declaration-service';
import { useApp } from '../../root/app-model';
import type { ScreenProps } from '../../root/routes';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { ChoiceRow } from '../../ui/choice-row';
import { Screen } from '../../ui/screen';
import { FieldError } from '../../ui/text-field';
import { Body, Heading, Title } from '../../ui/text';
import { colors, radius, space } from '../../ui/theme';
import { issueText } from './declaration-text';
import { HealthStep } from './steps/health-step';
import { PersonStep } from './steps/person-step';
import { PlaceStep } from './steps/place-step';
import { VisitsStep } from './steps/visits-step';

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

  const stepProps = { draft, edit, errorOf, search };
  const addVisit = () => setDraft((old) => (old ? { ...old, visits: [...old.visits, { key: visitKey.current++, where: 'vietnam', place: null, text: '', from: '', to: '' }] } : old));
  const removeVisit = (index: number) => {
    // Field problems are keyed by position: after a removal they would point at the wrong visit.
    setIssues((old) => Object.fromEntries(Object.entries(old).filter(([p]) => !p.startsWith('visits.'))));
    setDraft((old) => (old ? { ...old, visits: old.visits.filter((_, j) => j !== index) } : old));
  };

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

  const body = {
    person: <PersonStep {...stepProps} />,
    place: <PlaceStep {...stepProps} />,
    visits: <VisitsStep {...stepProps} editVisit={editVisit} addVisit={addVisit} removeVisit={removeVisit} />,
    health: <HealthStep {...stepProps} warned={warned} />,
    send: sendStep,
  }[current];
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
  progress: { flexDirection: 'row', gap: space.xs, marginBottom: space.m },
  dot: { flex: 1, height: 6, borderRadius: radius, backgroundColor: colors.border },
  dotDone: { backgroundColor: colors.primary },
});
