// Synthetic promotions, for trying the promotion page and for the browser tests:
// learner records drawn from a resolved programme definition (its seminar
// calendar, hours, traceurs, elective modules), the same for the same seed.
// Runs in the browser and in Node. Demo data: realistic names and a realistic
// mix of stages in the middle of a promotion (names made of markup, to check
// that the pages show them as text, belong to the tests, which add them).

// Given names and surnames as a French promotion of coordinators might hold them.
const FIRST = (
  "Camille Maëlle Loïc Aurélie Karim Soizic Yannick Inès Hugo Nadia Thomas Léa Mathieu Chloé Youssef Anne Pierre Élodie Julien Fatou " +
  "Sophie Nicolas Claire Antoine Émilie Sébastien Laure Vincent Mélanie Olivier Sandrine Guillaume Marion Jérôme Céline Rachid Hélène Benoît Gwenaëlle Samia"
).split(" ");
const LAST = (
  "Martin Le Gall Prigent Bernard Haddad Tanguy Cloarec Durand Lefebvre Moreau Garcia Le Roux Petit Fontaine Diallo Roussel Morel Girard Bonnet Lambert " +
  "Dubois Robert Richard Laurent Simon Michel Leroy Roux David Bertrand Mercier Blanc Guerin Boyer Chevalier Perrin Morin Nicolas Masson Henry"
).split(" ");

/** mulberry32: small, fast, deterministic (also seeds the benchmark's promotion, scripts/bench.mjs). */
export function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86400000;
const toTime = (iso) => Date.parse(`${iso}T00:00:00Z`);
const toIso = (time) => new Date(time).toISOString().slice(0, 10);

/**
 * `size` learner records for `definition` (a resolved definition: the
 * `definition` of `Programme.details()`), as they might stand on `asOf`.
 * @param {import("../pkg/web/pacte_rules.js").ProgrammeDefinition} definition
 * @param {{ size?: number, asOf?: string, seed?: number }} [options] `asOf` is required: the records stand on that day.
 */
export function generatePromotion(definition, { size = 2000, asOf, seed = 2024 } = {}) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const days = (definition.sessions ?? []).flatMap((s) => s.days.map((d) => ({ session: s.id, ...d })));
  const now = toTime(asOf);
  // A programme without a calendar (the national ones): a promotion that began a
  // year before `asOf` and ends six months after it.
  const start = toTime(definition.promotion?.startDate ?? days[0]?.date ?? toIso(now - 365 * DAY));
  const end = toTime(definition.soutenance?.date ?? definition.promotion?.endDate ?? toIso(now + 182 * DAY));
  const elapsed = Math.min(1, Math.max(0, (now - start) / Math.max(DAY, end - start)));
  const dateBefore = () => toIso(start + Math.floor(rand() * Math.max(1, (now - start) / DAY)) * DAY);
  const required = definition.requiredMinutes ?? {};
  const electives = (definition.electiveGroups ?? []).flatMap((g) => g.modules);
  const modules = (definition.modules ?? []).map((m) => m.id).filter((m) => !electives.includes(m));

  return Array.from({ length: size }, (_, i) => {
    const diligence = 0.35 + 0.65 * rand();
    const learner = {
      learnerId: `${definition.id}-${String(i + 1).padStart(4, "0")}`,
      displayName: `${pick(FIRST)} ${pick(LAST)}`,
      programme: definition.id,
      attendance: [],
      activities: [],
      traceurs: [],
    };
    if (now < start) return learner;
    for (const day of days.filter((d) => d.date <= asOf)) {
      const roll = rand();
      if (roll < 0.002) continue; // not recorded
      const present = roll > 0.1 * (1 - diligence);
      const justification = !present && rand() < 0.85 ? pick(["arrêt maladie", "hospitalisation d'un enfant", "décès d'un proche"]) : undefined;
      learner.attendance.push({ session: day.session, date: day.date, status: present ? "present" : "absent", ...(justification && { justification }) });
    }
    for (const modality of ["presentiel", "elearning", "equipe"]) {
      // In-person time comes from the calendar when there is one.
      if (modality === "presentiel" && days.length > 0) continue;
      const target = (required[modality] ?? 1200) * Math.min(1.1, elapsed * (0.4 + diligence));
      for (let done = 0, n = 1; done < target; n++) {
        const minutes = 30 * (2 + Math.floor(rand() * 14));
        learner.activities.push({ id: `${modality}-${n}`, modality, ...(modules.length > 0 && { module: pick(modules) }), date: dateBefore(), minutes });
        done += minutes;
      }
    }
    if (electives.length > 0 && rand() < 0.9) learner.chosenModules = [pick(electives)];
    for (const traceur of definition.traceurs ?? []) {
      if (rand() > elapsed * diligence * 1.3) continue;
      learner.traceurs.push({ id: traceur.id, status: pick(["validated", "validated", "deposited", "toRevise"]), date: dateBefore() });
    }
    const writing = elapsed * diligence;
    if (writing > 0.75) learner.memoire = { status: "submitted", date: dateBefore() };
    else if (writing > 0.25) learner.memoire = { status: "inProgress" };
    if (learner.memoire?.status === "submitted" && definition.soutenance?.date && definition.soutenance.date <= asOf) {
      learner.soutenance = { date: definition.soutenance.date, status: rand() < 0.9 ? "passed" : "failed" };
    }
    return learner;
  });
}
