// The lists' search by the beginning of a name, with its hint from the catalogue.
import { SearchInput, useTranslate, type SearchInputProps } from 'react-admin';

export function NameSearch(props: SearchInputProps) {
  const t = useTranslate();
  return <SearchInput {...props} placeholder={t('amon.ui.common.name_beginnt_mit')} />;
}
