// The agencies' records of a person: which agencies hold one, and how each record's fields
// differ from the person's true details (the error model; README.md documents every rate).
import { NICKNAMES, SPELLINGS } from './names.mjs';
import { weighted, weightedKeys } from './random.mjs';
import { UNIT_LETTERS } from './population.mjs';
import { csvField } from './csv.mjs';

// How many records a person has (mean 2.255).
const RECORDS_PER_PERSON = { 1: 0.36, 2: 0.30, 3: 0.18, 4: 0.085, 5: 0.045, 6: 0.02, 7: 0.01 };

// Each agency's reach and habits:
//   reach        relative chance that a child's next record is this agency's
//   adultReach   the same for an adult (schools hold none)
//   iso          share of dates written yyyy-mm-dd (the rest dd/mm/yyyy)
//   accents      share of records that keep accents (the rest are typed without)
//   cases        how names are written: proper (as the person writes them), upper, lower,
//                title (each word capitalised: "Mcdonald", "O'brien"), familyUpper ("Jack SMITH")
//   missing      share of records without the date of birth, sex or postcode, and without a
//                phone when the person has one
export const AGENCIES = {
  school: { reach: 0.95, adultReach: 0, iso: 0.95, accents: 0.6, cases: { proper: 0.9, title: 0.1 },
    missing: { dob: 0.003, sex: 0.005, postcode: 0.01, phone: 0.35 } },
  health: { reach: 0.85, adultReach: 0.85, iso: 0.85, accents: 0.5, cases: { proper: 0.5, familyUpper: 0.4, upper: 0.1 },
    missing: { dob: 0.005, sex: 0.01, postcode: 0.02, phone: 0.25 } },
  police: { reach: 0.45, adultReach: 0.5, iso: 0.1, accents: 0.15, cases: { familyUpper: 0.5, upper: 0.3, proper: 0.2 },
    missing: { dob: 0.03, sex: 0.02, postcode: 0.08, phone: 0.45 } },
  social_care: { reach: 0.5, adultReach: 0.4, iso: 0.5, accents: 0.5, cases: { proper: 0.75, title: 0.15, upper: 0.1 },
    missing: { dob: 0.01, sex: 0.02, postcode: 0.03, phone: 0.35 } },
  housing: { reach: 0.25, adultReach: 0.5, iso: 0.2, accents: 0.25, cases: { upper: 0.4, proper: 0.4, title: 0.2 },
    missing: { dob: 0.05, sex: 0.25, postcode: 0.005, phone: 0.15 } },
  youth_service: { reach: 0.3, adultReach: 0.1, iso: 0.3, accents: 0.4, cases: { proper: 0.7, lower: 0.15, title: 0.15 },
    missing: { dob: 0.05, sex: 0.08, postcode: 0.12, phone: 0.3 } },
  voluntary: { reach: 0.25, adultReach: 0.3, iso: 0.2, accents: 0.35, cases: { proper: 0.6, lower: 0.25, title: 0.15 },
    missing: { dob: 0.12, sex: 0.3, postcode: 0.2, phone: 0.4 } },
};

// Per-record error rates. "of records with X" rates apply only where X exists.
export const RECORD_RATES = {
  sameAgencyAgain: 0.08, // of a person's second and later records: a second record at an agency already holding one
  nickname: 0.15, // of given-name words with a nickname or short form: that form instead
  spelling: 0.08, // of name words with a spelling variant: a variant instead
  spellingTransliterated: 0.15, // the same in transliterated origins (romanisation variants)
  givenWordsJoined: 0.4, // of multi-word given names in 'join' origins: "Zixuan" (3 in 4) or "Zi-Xuan"
  givenFirstDropped: 0.4, // of multi-word given names in 'drop-first' origins: the first word left out
  knownAs: 0.01, // of given names with a nickname: both in the field, 'Katherine "Kate"' or 'Katherine (Kate)'
  givenTypo: 0.03, // one letter inserted, deleted, substituted (a neighbouring key) or transposed
  familyTypo: 0.025,
  initialOnly: 0.02, // the given name as its initial ("K" or "K.")
  givenMissing: 0.003,
  familyMissing: 0.002,
  punctuation: 0.25, // of family names with an apostrophe, hyphen or space: "OBrien", "O Brien", "Smith Jones"
  swapped: 0.015, // given and family names in each other's fields
  swappedFamilyFirst: 0.12, // the same, in origins that write the family name first
  dobDayMonthSwapped: 0.015, // when the day is 12 or under and differs from the month
  dobDigitTypo: 0.015, // one digit of the day, month or year's last two changed (kept a valid date)
  dobYearOff: 0.01, // a year early or late
  assignedDobYearOff: 0.3, // of records of people with an assigned 1 January date: the assessed year differs by one
  sexWrong: 0.003,
  postcodeNoSpace: 0.15, // "HB47QT"
  postcodeLower: 0.05, // "hb4 7qt"
  postcodeTypo: 0.01, // one character of the inward code changed
  ownPhoneChosen: 0.6, // of records of people with their own phone and a household's: their own
};

// Phone formats for a national number 7700 9xxxxx (weights).
const PHONE_FORMATS = weighted([
  (n) => `0${n.slice(0, 4)} ${n.slice(4)}`,
  (n) => `0${n}`,
  (n) => `+44${n}`,
  (n) => `+44 ${n.slice(0, 4)} ${n.slice(4)}`,
  (n) => `+44${n.slice(0, 4)} ${n.slice(4)}`,
  (n) => `0${n.slice(0, 4)} ${n.slice(4, 7)} ${n.slice(7)}`,
], [0.45, 0.25, 0.1, 0.1, 0.05, 0.05]);

const AGENCY_NAMES = Object.keys(AGENCIES);
const LATEST_YEAR = 2026; // the records' year: no typo makes a date of birth later
const CASE_TABLES = Object.fromEntries(AGENCY_NAMES.map((a) => [a, weightedKeys(AGENCIES[a].cases)]));
const COUNT_TABLE = weightedKeys(RECORDS_PER_PERSON);

// Returns the person's records, each the CSV fields after record_id joined into one string
// ("agency,given_name,family_name,date_of_birth,sex,postcode,phone"), in the order they were made.
export function renderRecords(rng, person) {
  const agencies = chooseAgencies(rng, Number(COUNT_TABLE.pick(rng)), person.adult ? 'adultReach' : 'reach');
  const times = agencies.map(() => rng.next()).sort((a, b) => a - b);
  return agencies.map((agency, i) => renderRecord(rng, person, agency, times[i]));
}

// `count` agencies: distinct ones drawn by `reach` (the AGENCIES field to weigh them by),
// except that a later record goes to an agency already drawn at the rate sameAgencyAgain (or
// when every agency that can hold one is drawn).
function chooseAgencies(rng, count, reach) {
  const chosen = [];
  while (chosen.length < count) {
    const left = AGENCY_NAMES.filter((a) => AGENCIES[a][reach] > 0 && !chosen.includes(a));
    if (chosen.length > 0 && (left.length === 0 || rng.chance(RECORD_RATES.sameAgencyAgain))) {
      chosen.push(rng.pick(chosen));
    } else {
      chosen.push(weighted(left, left.map((a) => AGENCIES[a][reach])).pick(rng));
    }
  }
  return chosen;
}

// One record of `person` made by `agency` at `time` (in [0, 1), which picks the address).
function renderRecord(rng, person, agencyName, time) {
  const agency = AGENCIES[agencyName];
  const config = person.group.config;
  let given = renderGiven(rng, person, config);
  let family = renderFamily(rng, person.family, config);
  const swapRate = config.order === 'family-first' ? RECORD_RATES.swappedFamilyFirst : RECORD_RATES.swapped;
  if (rng.chance(swapRate)) [given, family] = [family, given];
  if (!rng.chance(agency.accents)) {
    given = stripAccents(given);
    family = stripAccents(family);
  }
  [given, family] = applyCase(CASE_TABLES[agencyName].pick(rng), given, family);
  const missing = agency.missing;
  const dob = rng.chance(missing.dob) ? '' : renderDob(rng, person, agency);
  const sex = rng.chance(missing.sex) ? '' : rng.chance(RECORD_RATES.sexWrong) ? otherSex(person.sex) : person.sex;
  const postcode = rng.chance(missing.postcode) ? '' : renderPostcode(rng, addressAt(person.household, time));
  const phone = renderPhone(rng, person, missing.phone);
  return `${agencyName},${csvField(given)},${csvField(family)},${dob},${sex},${postcode},${phone}`;
}

// The given name as one record shows it, before the agency's accents and case: first word
// dropped or words joined, nicknames and spellings, a known-as form, a typo, an initial, missing.
function renderGiven(rng, person, config) {
  let words = person.given.split(' ');
  if (words.length > 1 && config.givenWords === 'drop-first' && rng.chance(RECORD_RATES.givenFirstDropped)) {
    words = words.slice(1);
  }
  const nicknames = words.map((w) => config.nicknames?.[w] ?? NICKNAMES[w]);
  let name = words.map((w, i) => variantOf(rng, w, nicknames[i], config)).join(' ');
  if (words.length > 1 && config.givenWords === 'join' && rng.chance(RECORD_RATES.givenWordsJoined)) {
    const [first, ...rest] = name.split(' ');
    name = first + rest.map((w) => (rng.chance(0.75) ? w.toLowerCase() : `-${w}`)).join('');
  }
  const nickname = nicknames.find(Boolean);
  if (nickname && rng.chance(RECORD_RATES.knownAs)) {
    const shown = rng.pick(nickname);
    return rng.chance(0.5) ? `${person.given} "${shown}"` : `${person.given} (${shown})`;
  }
  if (rng.chance(RECORD_RATES.givenTypo)) name = typo(rng, name);
  if (rng.chance(RECORD_RATES.initialOnly)) name = rng.chance(0.5) ? name[0] : `${name[0]}.`;
  return rng.chance(RECORD_RATES.givenMissing) ? '' : name;
}

// A word of a given name as one record shows it: a nickname at its rate, else a spelling variant
// at its rate, else the word.
function variantOf(rng, word, nicknames, config) {
  if (nicknames && rng.chance(RECORD_RATES.nickname)) return rng.pick(nicknames);
  return spelled(rng, word, config);
}

// The word, or at the origin's spelling rate one of its spelling variants.
function spelled(rng, word, config) {
  const spellings = config.spellings?.[word] ?? SPELLINGS[word];
  const rate = config.transliterated ? RECORD_RATES.spellingTransliterated : RECORD_RATES.spelling;
  return spellings && rng.chance(rate) ? rng.pick(spellings) : word;
}

// The family name as one record shows it, before the agency's accents and case: both parts or
// one of a two-part name, spellings, punctuation, a typo, missing.
function renderFamily(rng, family, config) {
  let parts = family.parts;
  if (parts.length === 2) parts = weighted([parts, [parts[0]], [parts[1]]], family.recorded).pick(rng);
  let name = parts.map((part) => spelled(rng, part, config)).join(family.joiner);
  if (/['\- ]/.test(name) && rng.chance(RECORD_RATES.punctuation)) name = repunctuate(rng, name);
  if (rng.chance(RECORD_RATES.familyTypo)) name = typo(rng, name);
  return rng.chance(RECORD_RATES.familyMissing) ? '' : name;
}

// The first apostrophe, hyphen or space replaced: "O'Brien" -> "OBrien" (60%) or "O Brien";
// "Smith-Jones" -> "Smith Jones" (70%) or "SmithJones"; "da Silva" -> "da-Silva" (70%) or
// "daSilva".
function repunctuate(rng, name) {
  const at = name.search(/['\- ]/);
  const mark = name[at];
  const [likely, other] = mark === "'" ? ['', ' '] : mark === '-' ? [' ', ''] : ['-', ''];
  const replacement = rng.chance(mark === "'" ? 0.6 : 0.7) ? likely : other;
  return name.slice(0, at) + replacement + name.slice(at + 1);
}

// The date of birth as one record shows it (errors at RECORD_RATES, format by agency habit).
function renderDob(rng, person, agency) {
  let { y, m, d } = person.dob;
  if (person.assignedDob && rng.chance(RECORD_RATES.assignedDobYearOff)) y += rng.chance(0.5) ? 1 : -1;
  if (d <= 12 && d !== m && rng.chance(RECORD_RATES.dobDayMonthSwapped)) [d, m] = [m, d];
  if (rng.chance(RECORD_RATES.dobDigitTypo)) ({ y, m, d } = digitTypo(rng, { y, m, d }));
  if (rng.chance(RECORD_RATES.dobYearOff)) {
    y += rng.chance(0.5) ? 1 : -1;
    d = Math.min(d, daysInMonth(y, m));
  }
  const dd = String(d).padStart(2, '0');
  const mm = String(m).padStart(2, '0');
  return rng.chance(agency.iso) ? `${y}-${mm}-${dd}` : `${dd}/${mm}/${y}`;
}

// The date with one digit of dd, mm or the year's last two replaced; the date unchanged if a
// few tries give no valid date that is not in the future.
function digitTypo(rng, date) {
  for (let tries = 0; tries < 5; tries++) {
    const { y, m, d } = date;
    const digit = rng.int(10);
    const candidates = [
      { y, m, d: d - (d % 10) + digit }, { y, m, d: 10 * digit + (d % 10) },
      { y, m: m - (m % 10) + digit, d }, { y: y - (y % 10) + digit, m, d },
      { y: y - (y % 100) + 10 * digit + (y % 10), m, d },
    ];
    const next = rng.pick(candidates);
    const valid = next.y <= LATEST_YEAR && next.m >= 1 && next.m <= 12 && next.d >= 1 &&
      next.d <= daysInMonth(next.y, next.m);
    if (valid && (next.y !== y || next.m !== m || next.d !== d)) return next;
  }
  return date;
}

function daysInMonth(y, m) {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

// The household's postcode at `time`.
function addressAt(household, time) {
  let postcode = household.addresses[0].postcode;
  for (const address of household.addresses) if (address.from <= time) postcode = address.postcode;
  return postcode;
}

// The postcode as one record shows it: a typo, no space, lower case.
function renderPostcode(rng, postcode) {
  let shown = postcode;
  if (rng.chance(RECORD_RATES.postcodeTypo)) {
    const at = shown.length - 1 - rng.int(3); // one of the inward code's three characters
    const replacement = at === shown.length - 3 ? String(rng.int(10)) : rng.pick(UNIT_LETTERS);
    shown = shown.slice(0, at) + replacement + shown.slice(at + 1);
  }
  if (rng.chance(RECORD_RATES.postcodeNoSpace)) shown = shown.replace(' ', '');
  return rng.chance(RECORD_RATES.postcodeLower) ? shown.toLowerCase() : shown;
}

// A phone for the record ('' if the person has none, or the agency did not record it): the
// person's own or the household's, in one of the ways numbers are written.
function renderPhone(rng, person, missingRate) {
  const own = person.ownPhone;
  const shared = person.household.phone;
  if ((!own && !shared) || rng.chance(missingRate)) return '';
  const number = own && (!shared || rng.chance(RECORD_RATES.ownPhoneChosen)) ? own : shared;
  return PHONE_FORMATS.pick(rng)(number);
}

function otherSex(sex) {
  return sex === 'male' ? 'female' : 'male';
}

// Names as the agency writes them; see AGENCIES.cases.
function applyCase(style, given, family) {
  switch (style) {
    case 'upper': return [given.toUpperCase(), family.toUpperCase()];
    case 'lower': return [given.toLowerCase(), family.toLowerCase()];
    case 'title': return [titleCase(given), titleCase(family)];
    case 'familyUpper': return [given, family.toUpperCase()];
    default: return [given, family];
  }
}

function titleCase(name) {
  return name.toLowerCase().replace(/(^|[\s\-"(])(\p{L})/gu, (_, before, letter) => before + letter.toUpperCase());
}

// Letters with no decomposition into a base letter and a mark, as keyboards without them type them.
const PLAIN = { 'ł': 'l', 'Ł': 'L', 'đ': 'd', 'Đ': 'D', 'ı': 'i', 'ø': 'o', 'Ø': 'O', 'ß': 'ss', 'æ': 'ae', 'Æ': 'AE' };
const accentless = new Map();

// The name without accents ("Małgorzata" -> "Malgorzata", "Nguyễn" -> "Nguyen", "Đặng" -> "Dang").
export function stripAccents(name) {
  if (!/[^\x00-\x7f]/.test(name)) return name;
  let plain = accentless.get(name);
  if (plain === undefined) {
    plain = name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[łŁđĐıøØßæÆ]/g, (c) => PLAIN[c]);
    accentless.set(name, plain);
  }
  return plain;
}

// QWERTY neighbours, for substitutions and insertions that a slip of the finger makes.
const NEIGHBOURS = {
  q: 'wa', w: 'qes', e: 'wrd', r: 'etf', t: 'ryg', y: 'tuh', u: 'yij', i: 'uok', o: 'ipl', p: 'ol',
  a: 'qsz', s: 'awdz', d: 'sefx', f: 'drgc', g: 'fthv', h: 'gyjb', j: 'hukn', k: 'jilm', l: 'kop',
  z: 'asx', x: 'zsdc', c: 'xdfv', v: 'cfgb', b: 'vghn', n: 'bhjm', m: 'njk',
};

// The name with one typing error at a letter: substituted by a neighbouring key (35%),
// deleted (25%), a neighbour or the same letter inserted after it (20%), or swapped with the
// next letter (20%). Names under three letters are returned unchanged.
export function typo(rng, name) {
  const letters = [];
  for (let i = 0; i < name.length; i++) if (/\p{L}/u.test(name[i])) letters.push(i);
  if (letters.length < 3) return name;
  const at = rng.pick(letters);
  const c = name[at];
  const r = rng.next();
  if (r < 0.25) return name.slice(0, at) + name.slice(at + 1);
  if (r < 0.45 && /\p{L}/u.test(name[at + 1] ?? '')) {
    return name.slice(0, at) + name[at + 1] + c + name.slice(at + 2);
  }
  const near = neighbour(rng, c);
  if (r < 0.65) return name.slice(0, at + 1) + (rng.chance(0.5) ? c : near) + name.slice(at + 1);
  return name.slice(0, at) + near + name.slice(at + 1);
}

function neighbour(rng, c) {
  const lower = c.toLowerCase();
  const keys = NEIGHBOURS[stripAccents(lower)] ?? 'aeiou';
  const near = rng.pick(keys);
  return c === lower ? near : near.toUpperCase();
}
