import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../api/types.js';
import { ErrorMessage } from '../components/error-message.js';
import { LoadMore } from '../components/paged.js';
import { Field } from '../forms/field.js';
import { UnitList } from './unit-list.js';
import { MIN_SEARCH_LENGTH, type UnitRef, unitLabel, useChildUnits, useUnitSearch } from './unit-queries.js';

interface UnitPickerProps {
  label: string;
  value: UnitRef | null;
  onChange: (unit: UnitRef) => void;
  /** The id of the picker's group, so a form can move focus to it when it is in error. */
  id?: string;
  error?: string | null;
}

/**
 * Chooses a unit by searching (a name with or without diacritics, or a code) or by walking the tree from the
 * viewer's own unit down. It lives inside other forms, so it has no form of its own and Enter in its search box must
 * not submit them.
 */
export function UnitPicker({ label, value, onChange, id, error }: UnitPickerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDeferredValue(text.trim());
  const [trail, setTrail] = useState<UnitRef[]>([]);
  const parent = trail.at(-1)?.code;
  const searching = q.length >= MIN_SEARCH_LENGTH;
  const search = useUnitSearch(q);
  const children = useChildUnits(parent, !searching);

  const choose = (unit: Unit) => onChange({ code: unit.code, name: unitLabel(unit) });
  const actions = (unit: Unit) => (
    <>
      {!searching ? (
        <button
          type="button"
          className="button-small button-secondary"
          aria-label={t('units.openUnit', { name: unitLabel(unit) })}
          onClick={() => setTrail([...trail, { code: unit.code, name: unitLabel(unit) }])}
        >
          {t('units.open')}
        </button>
      ) : null}
      <button
        type="button"
        className="button-small"
        aria-label={t('units.chooseUnit', { name: unitLabel(unit) })}
        aria-pressed={value?.code === unit.code}
        onClick={() => choose(unit)}
      >
        {t('units.choose')}
      </button>
    </>
  );

  const list = searching ? search : children;
  return (
    <Field kind="group" label={label} id={id} error={error} className="unit-picker">
      {() => (
        <>
          <p className="unit-picker-value" aria-live="polite">
            {value ? t('units.chosen', { name: `${value.name} (${value.code})` }) : t('units.notChosen')}
          </p>
          <Field label={t('units.searchLabel')} hint={t('units.searchHint')} plain>
            {(control) => (
              <input
                {...control}
                type="search"
                value={text}
                maxLength={200}
                onChange={(event) => setText(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') event.preventDefault();
                }}
              />
            )}
          </Field>
          {!searching ? (
            <nav className="breadcrumbs" aria-label={t('units.path')}>
              <button type="button" className="link-button" onClick={() => setTrail([])} disabled={trail.length === 0}>
                {t('units.top')}
              </button>
              {trail.map((ref, index) => (
                <span key={ref.code}>
                  {' › '}
                  <button
                    type="button"
                    className="link-button"
                    disabled={index === trail.length - 1}
                    onClick={() => setTrail(trail.slice(0, index + 1))}
                  >
                    {ref.name}
                  </button>
                </span>
              ))}
            </nav>
          ) : null}
          {list.isPending && list.fetchStatus !== 'idle' ? <p className="muted">{t('common.loading')}</p> : null}
          <ErrorMessage error={list.error} />
          {list.data ? (
            list.items.length > 0 ? (
              <div className="unit-picker-list">
                <UnitList units={list.items} actions={actions} />
                <LoadMore query={list} />
              </div>
            ) : (
              <p className="muted">{searching ? t('units.noResults') : t('units.noChildren')}</p>
            )
          ) : null}
        </>
      )}
    </Field>
  );
}
