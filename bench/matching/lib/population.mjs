// The synthetic people behind the records: households of one origin sharing a family name,
// an address history and a phone, with twins, siblings, parents, care leavers and namesakes
// (the hard negatives a matcher must keep apart).
import { ORIGINS } from './names.mjs';
import { shuffle, weighted, weightedKeys, zipf } from './random.mjs';

// Person- and household-level rates (records.mjs has the per-record ones).
export const POPULATION_RATES = {
  childrenPerHousehold: { 1: 0.45, 2: 0.33, 3: 0.14, 4: 0.06, 5: 0.02 },
  twins: 0.05, // of households with two or more children: the first two are twins
  twinsSameSex: 2 / 3, // of twins
  twinsSameInitial: 0.3, // of twins: given names with the same first letter
  namesake: 0.01, // of households: the first child has the full name, sex and birth year of an
  //                 unrelated earlier child of the same origin
  parent: 0.06, // of households with children: a parent (the mother 3 times in 4) is a person too
  careLeaver: 0.03, // of households: one young adult (born 1999-2005) alone
  moveOnce: 0.18, // of households: one move to a new postcode during the records' period
  moveTwice: 0.06, // of households: two moves
  moveSameDistrict: 0.6, // of moves: the new postcode is in the same outward code
  householdPhone: 0.85, // of households: a parent's mobile that agencies record for the children
  ownPhone: 0.5, // of children born 2014 or before, and 0.9 of young adults: a mobile of their own
  male: 0.51,
};

// Children's years of birth (records dated to 2026: most are 6 to 17, peaking in the early teens).
const BIRTH_YEARS = {
  2006: 2, 2007: 3, 2008: 5, 2009: 7, 2010: 9, 2011: 10, 2012: 10, 2013: 9, 2014: 8, 2015: 7,
  2016: 6, 2017: 5, 2018: 4, 2019: 3, 2020: 2,
};
const DAY_MS = 86400000;
const LAST_BIRTH = dayNumber(2021, 6, 30);

// Harbourside's postcodes: outward codes HB1..HB12 (weights: people living there), ten sectors
// each (the inward code's digit), and units named by the inward code's two letters.
const DISTRICTS = weighted(
  Array.from({ length: 12 }, (_, i) => `HB${i + 1}`),
  [1.2, 1.0, 1.1, 0.9, 1.3, 0.8, 1.0, 1.0, 0.9, 0.7, 1.1, 0.6],
);
export const UNIT_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ'; // the letters UK inward codes use
const HOUSEHOLDS_PER_UNIT = 5;
const PEOPLE_PER_HOUSEHOLD = 1.9; // about what POPULATION_RATES give, to size the postcodes

// Generates `count` people with `rng`. Returns { people, households, hardNegatives } where each
// person is { id, origin (its id), group (its prepared sub-community, whose config holds the
// origin's fields), sex, given, family: { parts, joiner, recorded }, dob: { y, m, d },
// assignedDob, adult, household, ownPhone } and each household { addresses: [{ postcode, from }]
// (from = the time in [0, 1) the household moved there), phone } (phones are national numbers
// without the leading 0, e.g. "7700912345").
export function generatePopulation(rng, count) {
  const origins = ORIGINS.map(prepareOrigin);
  const originTable = weighted(origins, origins.map((o) => o.share));
  const childrenTable = weightedKeys(POPULATION_RATES.childrenPerHousehold);
  const yearTable = weightedKeys(BIRTH_YEARS);
  const postcodes = postcodeSource(rng, Math.ceil(count / PEOPLE_PER_HOUSEHOLD));
  const phones = phoneSource(rng);
  const state = {
    rng, people: [], households: 0, postcodes, phones, yearTable,
    childrenOf: new Map(origins.map((o) => [o, []])),
    hardNegatives: { twinPairs: 0, siblingPairs: 0, parentChildPairs: 0, namesakePairs: 0 },
  };
  while (state.people.length < count) {
    const origin = originTable.pick(rng);
    addHousehold(state, origin, count, Number(childrenTable.pick(rng)));
  }
  return { people: state.people, households: state.households, hardNegatives: state.hardNegatives };
}

// An origin with its groups merged with its own fields and Zipf tables built: the groups each
// get { config, female, male, family } tables and the origin a `groupTable`.
function prepareOrigin(origin) {
  const groups = origin.groups.map((group) => {
    const config = { ...origin, ...group };
    const given = (names) => zipf(names, config.givenZipf);
    return {
      config,
      female: given(group.female),
      male: given(group.male),
      family: group.family.length > 0 ? zipf(group.family, config.familyZipf) : null,
    };
  });
  return { id: origin.id, share: origin.share, groupTable: weighted(groups, groups.map((g) => g.config.share)) };
}

// Adds one household (stopping once `limit` people exist): a care leaver alone, or children,
// maybe twins, maybe a namesake first child, maybe a parent.
function addHousehold(state, origin, limit, childCount) {
  const { rng } = state;
  const namesakeOf = rng.chance(POPULATION_RATES.namesake) ? pickEarlierChild(state, origin) : null;
  const group = namesakeOf ? namesakeOf.group : origin.groupTable.pick(rng);
  const household = newHousehold(state, group, namesakeOf);
  state.households++;
  const room = () => state.people.length < limit;
  if (!namesakeOf && rng.chance(POPULATION_RATES.careLeaver)) {
    const sex = drawSex(rng);
    addPerson(state, { origin, group, household, sex, given: drawGiven(rng, group, sex), adult: true,
      dob: randomDate(rng, rng.between(1999, 2005)) });
    return;
  }
  const children = [];
  const twins = childCount >= 2 && rng.chance(POPULATION_RATES.twins);
  for (let i = 0; i < childCount && room(); i++) {
    const child = i === 0 ? firstChild(state, group, namesakeOf)
      : i === 1 && twins ? twinOf(rng, group, children[0]) : nextChild(rng, group, children);
    children.push(addPerson(state, { origin, group, household, adult: false, ...child }));
  }
  const counts = state.hardNegatives;
  counts.siblingPairs += (children.length * (children.length - 1)) / 2;
  if (twins && children.length >= 2) counts.twinPairs++;
  if (namesakeOf) counts.namesakePairs++;
  if (room() && rng.chance(POPULATION_RATES.parent)) {
    addPerson(state, { origin, group, household, adult: true, ...parentOf(rng, group, household, children[0]) });
    counts.parentChildPairs += children.length;
  }
}

// Adds a person; `fields` has origin, group, household, sex, given, dob, adult and optionally
// family (otherwise the household's, in the form for the person's sex) and ownPhone (otherwise
// drawn).
function addPerson(state, fields) {
  const { rng } = state;
  const { group, household, sex, adult } = fields;
  const config = group.config;
  const assignedDob = !adult && rng.chance(config.assignedDob ?? 0);
  const person = {
    id: state.people.length,
    origin: fields.origin.id,
    group,
    sex,
    given: fields.given,
    family: fields.family ?? genderFamily(config, household.family, sex, adult),
    dob: assignedDob ? { y: fields.dob.y, m: 1, d: 1 } : fields.dob,
    assignedDob,
    adult,
    household,
    ownPhone: fields.ownPhone !== undefined ? fields.ownPhone : hasOwnPhone(rng, fields) ? state.phones() : null,
  };
  state.people.push(person);
  if (!adult) state.childrenOf.get(fields.origin).push(person);
  return person;
}

function hasOwnPhone(rng, { adult, dob }) {
  if (adult) return rng.chance(0.9);
  return dob.y <= 2014 && rng.chance(POPULATION_RATES.ownPhone);
}

// A household: its family name (a namesake's household copies the earlier child's), its
// address history and phone.
function newHousehold(state, group, namesakeOf) {
  const { rng } = state;
  const addresses = [{ postcode: state.postcodes(null), from: 0 }];
  const moves = rng.chance(POPULATION_RATES.moveTwice) ? 2 : rng.chance(POPULATION_RATES.moveOnce) ? 1 : 0;
  const times = Array.from({ length: moves }, () => 0.1 + 0.8 * rng.next()).sort((a, b) => a - b);
  for (const from of times) {
    const near = rng.chance(POPULATION_RATES.moveSameDistrict) ? addresses.at(-1).postcode : null;
    addresses.push({ postcode: state.postcodes(near), from });
  }
  return {
    family: namesakeOf ? namesakeOf.household.family : drawFamily(rng, group),
    addresses,
    phone: rng.chance(POPULATION_RATES.householdPhone) ? state.phones() : null,
  };
}

// A household's family name: { parts, joiner, recorded } where recorded gives the chances that a
// record shows [both parts, the first, the last] of a two-part name.
function drawFamily(rng, group) {
  const config = group.config;
  const surname = () => group.family.pick(rng);
  if (config.patronymic) {
    const father = group.male.pick(rng);
    let grandfather = group.male.pick(rng);
    if (grandfather === father) grandfather = group.male.pick(rng);
    return { parts: [father, grandfather], joiner: ' ', recorded: config.doubleFamily.recorded };
  }
  if (config.singhKaur) {
    const { both, alone, recorded } = config.singhKaur;
    const r = rng.next();
    const parts = r < both ? ['Singh', surname()] : r < both + alone ? ['Singh'] : [surname()];
    return { parts, joiner: ' ', recorded };
  }
  const double = config.doubleFamily;
  if (double && rng.chance(double.rate)) {
    const first = surname();
    let second = surname();
    if (second === first) second = surname();
    if (second !== first) return { parts: [first, second], joiner: double.joiner, recorded: double.recorded };
  }
  return { parts: [surname()], joiner: ' ', recorded: null };
}

// The family name in the form used for a person of `sex` (Polish -ska, Lithuanian daughters'
// -aitė/-ytė/-iūtė/-utė and married women's -ienė, a Sikh girl's Kaur).
function genderFamily(config, family, sex, adult) {
  if (sex !== 'female') return family;
  const parts = family.parts.map((part) => {
    if (part === 'Singh') return 'Kaur';
    if (config.gendered === 'slavic') return part.replace(/([cs]|dz)ki$/, '$1ka');
    if (config.gendered === 'baltic') return balticFeminine(part, adult);
    return part;
  });
  return { ...family, parts };
}

function balticFeminine(surname, married) {
  const match = /(ius|as|is|us|ys)$/.exec(surname);
  if (!match) return surname;
  const stem = surname.slice(0, -match[1].length);
  if (married) return `${stem}ienė`;
  return stem + { ius: 'iūtė', as: 'aitė', is: 'ytė', us: 'utė', ys: 'ytė' }[match[1]];
}

function drawSex(rng) {
  return rng.chance(POPULATION_RATES.male) ? 'male' : 'female';
}

// A given name for `sex`, with the group's prefix (a Vietnamese middle name, Muhammad) at its rate.
function drawGiven(rng, group, sex) {
  const name = group[sex].pick(rng);
  const prefix = group.config.prefix?.[sex];
  if (!prefix || !rng.chance(prefix.rate)) return name;
  const first = rng.pick(prefix.names);
  return first === name ? name : `${first} ${name}`;
}

// A given name for `sex` unlike those of `siblings` (and, if `initial` is given, starting with it
// when one can be found in a few draws).
function siblingGiven(rng, group, sex, siblings, initial = null) {
  let name = drawGiven(rng, group, sex);
  for (let tries = 0; tries < 20; tries++) {
    const clash = siblings.some((s) => s.given === name);
    if (!clash && (initial === null || name[0] === initial)) break;
    name = drawGiven(rng, group, sex);
  }
  return name;
}

function firstChild(state, group, namesakeOf) {
  const { rng } = state;
  if (namesakeOf) {
    return { sex: namesakeOf.sex, given: namesakeOf.given, dob: randomDate(rng, namesakeOf.dob.y) };
  }
  const sex = drawSex(rng);
  return { sex, given: drawGiven(rng, group, sex), dob: randomDate(rng, Number(state.yearTable.pick(rng))) };
}

function twinOf(rng, group, twin) {
  const sex = rng.chance(POPULATION_RATES.twinsSameSex) ? twin.sex : otherSex(twin.sex);
  const initial = rng.chance(POPULATION_RATES.twinsSameInitial) ? twin.given[0] : null;
  return { sex, given: siblingGiven(rng, group, sex, [twin], initial), dob: twin.dob };
}

// A sibling 11 months to 5 years younger than the youngest (or, if that would be too late,
// older than the eldest).
function nextChild(rng, group, siblings) {
  const sex = drawSex(rng);
  const days = siblings.map(({ dob }) => dayNumber(dob.y, dob.m, dob.d));
  const gap = rng.between(330, 1800);
  const youngest = Math.max(...days);
  const day = youngest + gap <= LAST_BIRTH ? youngest + gap : Math.min(...days) - gap;
  return { sex, given: siblingGiven(rng, group, sex, siblings), dob: fromDayNumber(day) };
}

// A parent of `child` (the mother 3 times in 4), 20 to 40 years older, whose phone is the
// household's, with the family name a parent of that community would have: in a patronymic
// origin the parent's own, else the origin's motherFamily at its rate for a mother, else the
// household's in the parent's form (family: null).
function parentOf(rng, group, household, child) {
  const sex = rng.chance(0.75) ? 'female' : 'male';
  const config = group.config;
  const dob = randomDate(rng, child.dob.y - rng.between(20, 40));
  const given = drawGiven(rng, group, sex);
  let family = null;
  if (config.patronymic) {
    const father = sex === 'male' ? household.family.parts[1] : group.male.pick(rng);
    family = { ...household.family, parts: [father, group.male.pick(rng)] };
  } else if (config.motherFamily && sex === 'female' && rng.chance(config.motherFamily.rate)) {
    family = { parts: [config.motherFamily.name], joiner: ' ', recorded: null };
  }
  return { sex, given, dob, family, ownPhone: household.phone };
}

function otherSex(sex) {
  return sex === 'male' ? 'female' : 'male';
}

// An earlier child of the same origin, or null if there is none yet.
function pickEarlierChild(state, origin) {
  const children = state.childrenOf.get(origin);
  return children.length > 0 ? state.rng.pick(children) : null;
}

function randomDate(rng, year) {
  const start = dayNumber(year, 1, 1);
  return fromDayNumber(start + rng.int(dayNumber(year + 1, 1, 1) - start));
}

function dayNumber(y, m, d) {
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function fromDayNumber(day) {
  const date = new Date(day * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

// Returns postcode(near): a household's postcode, in the same outward code as `near` if given.
// Units per sector grow with the number of households, so that about HOUSEHOLDS_PER_UNIT
// households share a unit at any size.
function postcodeSource(rng, households) {
  const sectors = DISTRICTS.items.length * 10;
  const unitsPerSector = Math.max(4, Math.min(400, Math.round(households / HOUSEHOLDS_PER_UNIT / sectors)));
  const unitOrder = shuffle(rng, Array.from({ length: 400 }, (_, i) => i));
  return (near) => {
    const district = near ? near.slice(0, near.indexOf(' ')) : DISTRICTS.pick(rng);
    const sector = rng.int(10);
    const sectorKey = Number(district.slice(2)) * 10 + sector; // each sector its own units
    const unit = unitOrder[(sectorKey * 101 + rng.int(unitsPerSector)) % 400];
    return `${district} ${sector}${UNIT_LETTERS[Math.floor(unit / 20)]}${UNIT_LETTERS[unit % 20]}`;
  };
}

// Returns phone(): a new mobile number 7700 900000..999999 (written 07700 9xxxxx), each one new
// until all 100,000 are used, after which they are reissued in the same order.
function phoneSource(rng) {
  const offset = rng.int(100000);
  let issued = 0;
  return () => {
    const n = (issued++ * 7919 + offset) % 100000; // 7919 is prime to 100,000: a permutation
    return `77009${String(n).padStart(5, '0')}`;
  };
}
