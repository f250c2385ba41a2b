import { SegmentedControl } from '@mantine/core';
import { useI18n } from '../i18n/i18n-context.tsx';
import { isUiLanguage, uiLanguages } from '../i18n/translate.ts';

export const LanguageSwitch = ({ onChange }: { onChange?: (language: 'it' | 'en') => void }) => {
  const { language, setLanguage, t } = useI18n();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('nav.language')}
      value={language}
      data={uiLanguages.map((value) => ({ value, label: t(`lang.${value}`) }))}
      onChange={(value) => {
        if (!isUiLanguage(value)) return;
        setLanguage(value);
        onChange?.(value);
      }}
    />
  );
};
