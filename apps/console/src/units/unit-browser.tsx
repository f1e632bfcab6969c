import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../api/types.js';
import { ErrorMessage } from '../components/error-message.js';
import { AgencyList } from './agency-list.js';
import { UnitList } from './unit-list.js';
import { MIN_SEARCH_LENGTH, ancestorsOf, unitLabel, useChildUnits, useUnit, useUnitSearch } from './unit-queries.js';

interface UnitBrowserProps {
  /** Where browsing starts and above which it cannot go; undefined starts at the top of the tree. */
  rootCode?: string;
  searchable: boolean;
  manageAgencies: boolean;
}

/** Walks the unit tree: the current unit's place, the units below it, and its agencies. */
export function UnitBrowser({ rootCode, searchable, manageAgencies }: UnitBrowserProps) {
  const { t } = useTranslation();
  const id = useId();
  const [code, setCode] = useState<string | undefined>(rootCode);
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const unit = useUnit(code);
  const children = useChildUnits(code);
  const search = useUnitSearch(searchable ? q : '');

  // Above the root the breadcrumbs stop: a ward officer browses their ward, not the province.
  const ancestors = unit.data ? ancestorsOf(unit.data) : [];
  const rootIndex = rootCode ? ancestors.findIndex((ref) => ref.code === rootCode) : -1;
  const reachable = rootCode ? (rootIndex >= 0 ? ancestors.slice(rootIndex) : []) : ancestors;

  const open = (next: string | undefined) => {
    setCode(next);
    setQ('');
    setText('');
  };
  const openAction = (child: Unit) => (
    <button
      type="button"
      className="button-small button-secondary"
      aria-label={t('units.openUnit', { name: unitLabel(child) })}
      onClick={() => open(child.code)}
    >
      {t('units.open')}
    </button>
  );
  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    setQ(text.trim());
  };

  return (
    <div className="unit-browser">
      {searchable ? (
        <form role="search" className="search-form" onSubmit={submitSearch}>
          <div className="field">
            <label htmlFor={`${id}-q`}>{t('units.searchLabel')}</label>
            <input
              id={`${id}-q`}
              type="search"
              value={text}
              aria-describedby={`${id}-hint`}
              onChange={(event) => setText(event.target.value)}
            />
            <p id={`${id}-hint`} className="hint">
              {t('units.searchHint')}
            </p>
          </div>
          <button type="submit">{t('common.search')}</button>
        </form>
      ) : null}
      {searchable && q.length >= MIN_SEARCH_LENGTH ? (
        <section aria-live="polite">
          <ErrorMessage error={search.error} />
          {search.data && search.data.length === 0 ? <p className="muted">{t('units.noResults')}</p> : null}
          {search.data && search.data.length > 0 ? <UnitList units={search.data} actions={openAction} /> : null}
        </section>
      ) : null}

      {rootCode === undefined || code !== rootCode ? (
        <nav className="breadcrumbs" aria-label={t('units.path')}>
          {rootCode === undefined ? (
            <button type="button" className="link-button" disabled={code === undefined} onClick={() => open(undefined)}>
              {t('units.top')}
            </button>
          ) : null}
          {reachable.map((ref, index) => (
            <span key={ref.code}>
              {rootCode === undefined || index > 0 ? ' › ' : null}
              <button type="button" className="link-button" onClick={() => open(ref.code)}>
                {ref.name}
              </button>
            </span>
          ))}
          {unit.data ? (
            <span aria-current="location">
              {rootCode === undefined || reachable.length > 0 ? ' › ' : null}
              {unitLabel(unit.data)}
            </span>
          ) : null}
        </nav>
      ) : null}

      <ErrorMessage error={unit.error} />
      {unit.data ? (
        <div className="card">
          <h3>{unitLabel(unit.data)}</h3>
          <dl className="facts">
            <div>
              <dt>{t('units.code')}</dt>
              <dd>{unit.data.code}</dd>
            </div>
            <div>
              <dt>{t('units.level')}</dt>
              <dd>{t(`units.levels.${unit.data.level}`, { defaultValue: unit.data.level })}</dd>
            </div>
          </dl>
        </div>
      ) : null}

      {/* A ward officer's own ward has nothing below it: say nothing rather than announce an empty list. */}
      {!searchable && children.data?.length === 0 ? null : (
        <section aria-labelledby={`${id}-children`}>
          <h3 id={`${id}-children`}>{t('units.children', { count: children.data?.length ?? 0 })}</h3>
          {children.isPending ? <p className="muted">{t('common.loading')}</p> : null}
          <ErrorMessage error={children.error} />
          {children.data && children.data.length === 0 ? <p className="muted">{t('units.noChildren')}</p> : null}
          {children.data && children.data.length > 0 ? (
            <div className="scroll-list">
              <UnitList units={children.data} actions={openAction} />
            </div>
          ) : null}
        </section>
      )}

      {unit.data ? (
        <AgencyList
          key={unit.data.code}
          unitCode={unit.data.code}
          unitName={unitLabel(unit.data)}
          manage={manageAgencies}
        />
      ) : null}
    </div>
  );
}
