// How the case import reads an old database's cells and column heads: German dates and numbers, the German words of
// the vocabularies (or their codes), and the usual other heads of a field.
import { describe, expect, it } from 'vitest';
import { IMPORT_FIELDS, readBoolean, readDate, readEnum, readInteger, readScopes, suggestMapping } from '#shared/cases/import-columns.ts';

const field = (sheet: 'cases' | 'sessions' | 'modules', name: string) => IMPORT_FIELDS[sheet].find((f) => f.field === name)!;

describe('reading the cells of a case import', () => {
  it('dates: German, ISO, a spreadsheet date cell and an Excel day number; impossible days and two-digit years are named', () => {
    expect(readDate('15.01.2027')).toEqual({ value: '2027-01-15' });
    expect(readDate('5.1.2027')).toEqual({ value: '2027-01-05' });
    expect(readDate('2027-01-15')).toEqual({ value: '2027-01-15' });
    expect(readDate('2027-01-15T00:00:00.000Z')).toEqual({ value: '2027-01-15' });
    expect(readDate(46037)).toEqual({ value: '2026-01-15' });
    expect(readDate('31.02.2026')).toEqual({ reason: 'kein gültiges Datum' });
    expect(readDate('15.01.27')).toEqual({ reason: 'das Jahr bitte vierstellig (TT.MM.JJJJ)' });
    expect(readDate('Januar')).toEqual({ reason: 'kein Datum (TT.MM.JJJJ)' });
  });

  it('whole numbers with German separators; a fraction is refused', () => {
    expect(readInteger('1.200')).toEqual({ value: 1200 });
    expect(readInteger('90,0')).toEqual({ value: 90 });
    expect(readInteger(45)).toEqual({ value: 45 });
    expect(readInteger('45,5')).toEqual({ reason: 'keine ganze Zahl' });
    expect(readInteger('viel')).toEqual({ reason: 'keine Zahl' });
    expect(readBoolean('ja')).toEqual({ value: true });
    expect(readBoolean('X')).toEqual({ value: true });
    expect(readBoolean('nein')).toEqual({ value: false });
    expect(readBoolean('vielleicht')).toEqual({ reason: '„ja“ oder „nein“ erwartet' });
  });

  it('the vocabularies by code, German word (with or without the part in brackets) and the usual short forms', () => {
    const status = field('cases', 'status');
    expect(readEnum(status, 'Qualifizierungsplan')).toEqual({ value: 'plan' });
    expect(readEnum(status, 'abschluss erreicht')).toEqual({ value: 'qualified' });
    expect(readEnum(status, 'exam')).toEqual({ value: 'exam' });
    expect(readEnum(field('cases', 'gender'), 'W')).toEqual({ value: 'female' });
    expect(readEnum(field('cases', 'district'), 'Landkreis Rostock')).toEqual({ value: 'landkreis_rostock' });
    expect(readEnum(field('modules', 'kind'), 'Qualifizierungsbaustein')).toEqual({ value: 'qualification_module' });
    expect(readEnum(field('sessions', 'kind'), 'Erstgespräch')).toEqual({ value: 'first_talk' });
    const unknown = readEnum(field('cases', 'gender'), 'vielleicht');
    expect('reason' in unknown && unknown.reason).toMatch(/^unbekannter Wert „vielleicht“ \(möglich: „weiblich“, „männlich“/);
    expect(readScopes(field('cases', 'consentScope'), 'Beratung; Vermittlung an Betriebe')).toEqual({ value: ['counselling', 'job_placement'] });
    expect(readScopes(field('cases', 'consentScope'), 'Beratung und Weitergabe an Netzwerkpartner')).toEqual({ value: ['counselling', 'share_with_partners'] });
  });

  it('suggests a field for the usual heads, each field once', () => {
    expect(suggestMapping('cases', ['Fall-Nr.', 'Name', 'Vorname', 'Geb.-Datum', 'Strasse', 'Berater/in', 'Unbekannt', 'Familienname'])).toEqual({
      'Fall-Nr.': 'formerNumber',
      Name: 'lastName',
      Vorname: 'firstName',
      'Geb.-Datum': 'birthDate',
      Strasse: 'street',
      'Berater/in': 'counsellorId',
    });
    expect(suggestMapping('sessions', ['Fallnummer', 'Datum', 'Dauer (Minuten)', 'WV'])).toEqual({
      Fallnummer: 'formerNumber',
      Datum: 'date',
      'Dauer (Minuten)': 'minutes',
      WV: 'followUp',
    });
  });
});
