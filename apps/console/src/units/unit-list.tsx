import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../api/types.js';
import { unitLabel } from './unit-queries.js';

/** A list of units, each with the actions its caller offers (open, choose). */
export function UnitList({ units, actions }: { units: Unit[]; actions: (unit: Unit) => ReactNode }) {
  const { t } = useTranslation();
  return (
    <ul className="unit-list">
      {units.map((unit) => (
        <li key={unit.code}>
          <span className="unit-list-name">
            {unitLabel(unit)}
            <span className="muted">
              {' '}
              · {t('units.code')} {unit.code}
            </span>
          </span>
          <span className="unit-list-actions">{actions(unit)}</span>
        </li>
      ))}
    </ul>
  );
}
