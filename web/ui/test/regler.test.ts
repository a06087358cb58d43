// Unit tests of the UI's pure rules (node:test; `npm test` compiles with tsc and runs them).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dato, decimal, interval, lysTekst, mcnemarTekst, procent } from '../src/format.js';
import { saetning } from '../src/api.js';
import {
  erOverskredet,
  kraeverKommentar,
  normaliserBeloeb,
  tomt,
  udkastFejl,
  visBeloeb,
  type Udkast,
} from '../src/regler.js';
import type { Kontrol, SagListe } from '../src/types';

const refusion: Kontrol = { id: 'SD-N01', kategori: 'noeglekontrol', tekst: 'T', hjemmel: 'H', refusion: true };
const formalia: Kontrol = { id: 'SD-F01', kategori: 'formalia', tekst: 'T', hjemmel: 'H', refusion: false };
const u = (x: Partial<Udkast>): Udkast => ({ ...tomt, ...x });

test('kommentar kræves ved fejl og kan ikke vurderes', () => {
  assert.deepEqual(
    (['korrekt', 'fejl', 'ikke_relevant', 'kan_ikke_vurderes'] as const).map(kraeverKommentar),
    [false, true, false, true],
  );
  assert.deepEqual(udkastFejl(u({ svar: 'fejl' }), formalia), [
    'Skriv en kommentar: den er påkrævet ved „Fejl“.',
  ]);
  assert.deepEqual(udkastFejl(u({ svar: 'kan_ikke_vurderes', kommentar: '  ' }), formalia), [
    'Skriv en kommentar: den er påkrævet ved „Kan ikke vurderes“.',
  ]);
  assert.deepEqual(udkastFejl(u({ svar: 'fejl', kommentar: 'x' }), formalia), []);
  assert.deepEqual(udkastFejl(u({ svar: 'korrekt' }), formalia), []);
  assert.deepEqual(udkastFejl(u({}), formalia), []);
});

test('beløb i danske kroner', () => {
  assert.equal(normaliserBeloeb('1.234,50'), '1234,50');
  assert.equal(normaliserBeloeb('1234,5'), '1234,5');
  assert.equal(normaliserBeloeb('1234.50'), '1234.50');
  assert.equal(normaliserBeloeb(' 12.345.678 kr. '), '12345678');
  assert.equal(normaliserBeloeb('1.234'), null);
  assert.equal(normaliserBeloeb('12,345'), null);
  assert.equal(normaliserBeloeb('abc'), null);
  assert.equal(visBeloeb('1234.5'), '1234,50');
  assert.equal(visBeloeb('1234'), '1234,00');
  assert.equal(visBeloeb(null), '');
});

test('refusion: beløb og periode ved fejl', () => {
  const ok = u({ svar: 'fejl', kommentar: 'k', beloeb: '1.234,50', fra: '2027-02-01', til: '2027-02-28' });
  assert.deepEqual(udkastFejl(ok, refusion), []);
  assert.deepEqual(udkastFejl({ ...ok, fra: '' }, refusion), [
    'Angiv både fra- og til-dato for perioden, eller ingen af dem.',
  ]);
  assert.deepEqual(udkastFejl({ ...ok, fra: '2027-03-01' }, refusion), [
    'Periodens fra-dato ligger efter til-datoen.',
  ]);
  assert.equal(udkastFejl({ ...ok, beloeb: '1.234' }, refusion).length, 1);
  // not a refusion control: amount and period are not asked for
  assert.deepEqual(udkastFejl({ ...ok, beloeb: 'x', fra: '' }, formalia), []);
});

test('overskredet frist', () => {
  const sag: SagListe = {
    runde: 'r', sagsnummer: 's', center: 'c', ydelsestype: 'y', periode: '2027-K1',
    tilstand: 'in_progress', koordinator: 'anna', frist: '2027-04-30', version: 1,
  };
  assert.equal(erOverskredet(sag, '2027-04-30'), false);
  assert.equal(erOverskredet(sag, '2027-05-01'), true);
  assert.equal(erOverskredet({ ...sag, tilstand: 'submitted' }, '2027-05-01'), false);
  assert.equal(erOverskredet({ ...sag, over_frist: false }, '2027-05-01'), false);
  assert.equal(erOverskredet({ ...sag, over_frist: true }, '2027-01-01'), true);
});

test('danske formater', () => {
  assert.equal(dato('2027-04-30'), '30-04-2027');
  assert.equal(dato(null), '—');
  assert.equal(decimal(76.3868), '76,4');
  assert.equal(procent(95), '95 %');
  assert.equal(procent(null), '—');
  assert.equal(interval(0.763868806553258, 0.9911185511992047), '76,4–99,1 %');
  assert.equal(interval(null, 0.5), '—');
  assert.deepEqual(['green', 'yellow', 'red', null].map((l) => lysTekst(l as never)), [
    'Grøn', 'Gul', 'Rød', 'Ingen data',
  ]);
  assert.equal(saetning('forkert brugernavn eller adgangskode'), 'Forkert brugernavn eller adgangskode.');
  assert.equal(saetning('Gemt.'), 'Gemt.');
});

test('McNemar i klart sprog', () => {
  assert.equal(mcnemarTekst(null), '—');
  assert.equal(
    mcnemarTekst({ b_kun_revisor_fejl: 0, c_kun_kommunen_fejl: 0, metode: 'eksakt_binomial', p: 1 }),
    'Ingen uenige par (0 fejl fandt kun revisor, 0 kun kommunen).',
  );
  assert.equal(
    mcnemarTekst({ b_kun_revisor_fejl: 2, c_kun_kommunen_fejl: 0, metode: 'eksakt_binomial', p: 0.5 }),
    'Ingen klar forskel på, hvor ofte de to finder fejl (p = 0,500; 2 fejl fandt kun revisor, 0 kun kommunen).',
  );
  assert.equal(
    mcnemarTekst({ b_kun_revisor_fejl: 9, c_kun_kommunen_fejl: 0, metode: 'eksakt_binomial', p: 0.00390625 }),
    'Revisor finder flere fejl end kommunen, og forskellen er næppe tilfældig (p = 0,004; 9 fejl fandt kun revisor, 0 kun kommunen).',
  );
  assert.equal(
    mcnemarTekst({ b_kun_revisor_fejl: 0, c_kun_kommunen_fejl: 30, metode: 'chi_i_anden', p: 0.0000004 }),
    'Kommunen finder flere fejl end revisor, og forskellen er næppe tilfældig (p = under 0,001; 0 fejl fandt kun revisor, 30 kun kommunen).',
  );
});
