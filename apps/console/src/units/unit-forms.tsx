import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.js';
import type { UnitDetail } from '../api/types.js';
import { SuccessMessage } from '../components/error-message.js';
import { UNIT_FULL_NAME, UNIT_FULL_NAME_EN, UNIT_LEVEL, UNIT_NAME, UNIT_NAME_EN, UNIT_NEW_CODE } from '../forms/specs.js';
import { TextFieldsForm, type TextValues } from '../forms/text-fields-form.js';
import { unitLabel } from './unit-queries.js';

// Keyed by the names of createUnitRequestSchema and updateUnitRequestSchema, as the server reports its field problems.
const NAME_SPECS = { name: UNIT_NAME, fullName: UNIT_FULL_NAME, nameEn: UNIT_NAME_EN, fullNameEn: UNIT_FULL_NAME_EN };
const NEW_SPECS = { code: UNIT_NEW_CODE, level: UNIT_LEVEL, ...NAME_SPECS };

/** Levels an administrator adds below the official ones, offered as suggestions; any lower-case word is accepted. */
const LEVEL_SUGGESTIONS = ['village', 'residential_group', 'commune', 'ward'];

/** Optional names: an empty field is left out (the server then keeps the name, or takes it from the Vietnamese one). */
function names(value: TextValues<keyof typeof NAME_SPECS>) {
  const optional = (key: keyof typeof NAME_SPECS) => value[key].trim() || undefined;
  return { name: value.name.trim(), fullName: optional('fullName'), nameEn: optional('nameEn'), fullNameEn: optional('fullNameEn') };
}

/**
 * An administrator's changes to the open unit: rename it, or add a unit below it (a village, a residential group).
 * Codes never change (everything filed under a unit refers to it), and units are not moved or deleted.
 */
export function UnitForms({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<'rename' | 'add' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const label = unitLabel(unit);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['units'] });

  const rename = useMutation({
    mutationFn: (value: TextValues<keyof typeof NAME_SPECS>) => api.renameUnit(unit.code, names(value)),
    onSuccess: async () => {
      setOpen(null);
      setNotice(t('units.renamed'));
      await refresh();
    },
  });
  const add = useMutation({
    mutationFn: (value: TextValues<keyof typeof NEW_SPECS>) => api.createUnit({ code: value.code.trim(), level: value.level.trim(), parentCode: unit.code, ...names(value) }),
    onSuccess: async (created) => {
      setOpen(null);
      setNotice(t('units.created', { name: unitLabel(created) }));
      await refresh();
    },
  });
  const show = (which: 'rename' | 'add') => {
    rename.reset();
    add.reset();
    setNotice(null);
    setOpen(which);
  };

  return (
    <div className="unit-forms">
      <SuccessMessage>{notice}</SuccessMessage>
      {open === null ? (
        <div className="form-actions">
          <button type="button" className="button-secondary" onClick={() => show('rename')}>
            {t('units.rename')}
          </button>
          <button type="button" onClick={() => show('add')}>
            {t('units.addChild')}
          </button>
        </div>
      ) : null}
      {open === 'rename' ? (
        <TextFieldsForm
          title={t('units.renameTitle', { name: label })}
          specs={NAME_SPECS}
          hints={{ fullNameEn: t('units.namesHint') }}
          initial={{ name: unit.name, fullName: unit.fullName, nameEn: unit.nameEn, fullNameEn: unit.fullNameEn }}
          submitLabel={t('common.save')}
          pending={rename.isPending}
          error={rename.error}
          onSubmit={(value) => rename.mutate(value)}
          onCancel={() => setOpen(null)}
        />
      ) : null}
      {open === 'add' ? (
        <TextFieldsForm
          title={t('units.addChildTitle', { unit: label })}
          specs={NEW_SPECS}
          hints={{ code: t('units.newCodeHint'), level: t('units.levelHint'), fullNameEn: t('units.namesHint') }}
          suggestions={{ level: LEVEL_SUGGESTIONS.map((level) => ({ value: level, label: t(`units.levels.${level}`) })) }}
          initial={{ code: '', level: '', name: '', fullName: '', nameEn: '', fullNameEn: '' }}
          submitLabel={t('units.addChild')}
          pending={add.isPending}
          error={add.error}
          onSubmit={(value) => add.mutate(value)}
          onCancel={() => setOpen(null)}
        />
      ) : null}
    </div>
  );
}
