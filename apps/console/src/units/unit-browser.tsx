import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../api/types.js';
import { ErrorMessage } from '../components/error-message.js';
import { LoadMore } from '../components/paged.js';
import { Field } from '../forms/field.js';
import { SEARCH_TEXT } from '../forms/specs.js';
import { useFormCheck } from '../forms/use-form-check.js';
import { AgencyList } from './agency-list.js';
import { UnitForms } from './unit-forms.js';
import { UnitList } from './unit-list.js';
import { MIN_SEARCH_LENGTH, ancestorsOf, unitLabel, useChildUnits, useUnit, useUnitSearch } from './unit-queries.js';

/** Where the browser stands: the open unit (undefined: the top) and the search shown above it. */
export interface UnitPlace {
  code?: string;
  q?: string;
}

interface UnitBrowserProps {
  /** Where browsing starts and above which it cannot go; undefined starts at the top of the tree. */
  rootCode?: string;
  searchable: boolean;
  manageAgencies: boolean;
  /**
   * An administrator's unit: the open unit may be renamed, and units added below it, when it is this unit or lies
   * below it, as the server allows (above it, or beside it, no form is offered that would be refused).
   */
  manageUnitsWithin?: string;
  /** The place, when the caller keeps it (the units page keeps it in the URL); otherwise the browser keeps its own. */
  place?: UnitPlace;
  onPlace?: (next: UnitPlace) => void;
}

const SEARCH_SPECS = { q: { ...SEARCH_TEXT, labelKey: 'units.searchLabel', required: true, minLength: MIN_SEARCH_LENGTH } };

/** Walks the unit tree: the current unit's place, the units below it, and its agencies. */
export function UnitBrowser({ rootCode, searchable, manageAgencies, manageUnitsWithin, place: controlled, onPlace }: UnitBrowserProps) {
  const { t } = useTranslation();
  const id = useId();
  const [own, setOwn] = useState<UnitPlace>({ code: rootCode });
  const place = controlled ?? own;
  const code = place.code ?? rootCode;
  const q = searchable ? (place.q ?? '') : '';
  const [text, setText] = useState(q);
  // Back and forward change the place from outside: the search box follows.
  useEffect(() => setText(q), [q]);
  const unit = useUnit(code);
  const children = useChildUnits(code);
  const search = useUnitSearch(q);
  const searchCheck = useFormCheck(SEARCH_SPECS, search.error);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  // After the person opens a unit, focus its name: the button they pressed is gone with the list it was in.
  useEffect(() => {
    if (moved.current && unit.data?.code === code) {
      moved.current = false;
      heading.current?.focus();
    }
  }, [unit.data, code]);

  // Above the root the breadcrumbs stop: a ward officer browses their ward, not the province.
  const ancestors = unit.data ? ancestorsOf(unit.data) : [];
  const rootIndex = rootCode ? ancestors.findIndex((ref) => ref.code === rootCode) : -1;
  const reachable = rootCode ? (rootIndex >= 0 ? ancestors.slice(rootIndex) : []) : ancestors;

  const go = (next: UnitPlace) => (onPlace ?? setOwn)(next);
  const open = (next: string | undefined) => {
    moved.current = next !== undefined;
    go({ code: next });
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
    if (searchCheck.check({ q: text })) go({ code: place.code, q: text.trim() });
  };

  return (
    <div className="unit-browser">
      {searchable ? (
        <form role="search" className="search-form" onSubmit={submitSearch} noValidate>
          <Field label={t('units.searchLabel')} hint={t('units.searchHint')} id={searchCheck.idOf('q')} error={searchCheck.errorOf('q')}>
            {(control) => (
              <input
                {...control}
                type="search"
                value={text}
                onChange={(event) => {
                  searchCheck.touched('q');
                  setText(event.target.value);
                }}
              />
            )}
          </Field>
          <button type="submit">{t('common.search')}</button>
        </form>
      ) : null}
      {searchable && q.length >= MIN_SEARCH_LENGTH ? (
        <section aria-labelledby={`${id}-results`} aria-live="polite">
          <h3 id={`${id}-results`}>{t('units.results')}</h3>
          <ErrorMessage error={search.error} fieldsShown={searchCheck.hasServerFieldIssues} others={searchCheck.otherIssues} />
          {search.data && search.items.length === 0 ? <p className="muted">{t('units.noResults')}</p> : null}
          {search.items.length > 0 ? <UnitList units={search.items} actions={openAction} /> : null}
          <LoadMore query={search} />
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
          <h3 ref={heading} tabIndex={-1}>
            {unitLabel(unit.data)}
          </h3>
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
          {manageUnitsWithin !== undefined && [unit.data, ...unit.data.path].some((u) => u.code === manageUnitsWithin) ? (
            <UnitForms key={unit.data.code} unit={unit.data} />
          ) : null}
        </div>
      ) : null}

      {/* A ward officer's own ward has nothing below it: say nothing rather than announce an empty list. */}
      {!searchable && children.data && children.items.length === 0 ? null : (
        <section aria-labelledby={`${id}-children`}>
          <h3 id={`${id}-children`}>{t('units.children')}</h3>
          {children.isPending ? <p className="muted">{t('common.loading')}</p> : null}
          <ErrorMessage error={children.error} />
          {children.data && children.items.length === 0 ? <p className="muted">{t('units.noChildren')}</p> : null}
          {children.items.length > 0 ? (
            <div className="scroll-list">
              <UnitList units={children.items} actions={openAction} />
              <LoadMore query={children} />
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
