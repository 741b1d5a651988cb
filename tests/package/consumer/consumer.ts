// A portal developer's TypeScript, type-checked with `tsc --strict` against
// the installed package: results that can fail must be inspected to be used.
import init, {
  checkProgramme,
  loadProgramme,
  programmes,
  type Condition,
  type LearnerRecord,
  type PacteError,
  type ProgressReport,
  type Stage,
} from "pacte-rules";

export async function show(wasmUrl: string): Promise<string[]> {
  await init({ module_or_path: wasmUrl });
  const ids: string[] = programmes().map((p) => p.id);

  const answer = checkProgramme({ id: "essai", version: "1", extends: "msp-cds" });
  // A misspelt key is caught as it is typed, at the top of a definition as in a seminar.
  // @ts-expect-error: `titel` is not a field of a definition
  checkProgramme({ id: "essai", version: "1", extends: "msp-cds", titel: "Essai" });
  checkProgramme({
    id: "essai",
    version: "1",
    extends: "msp-cds",
    // @ts-expect-error: `mandatroy` is not a field of a seminar
    sessions: [{ id: "S1", title: "Séminaire 1", mandatroy: false, days: [{ date: "2025-02-06", minutes: 420 }] }],
  });
  if (answer.kind === "failure") {
    return answer.problems.map((p) => `${p.code} ${p.path} ${p.message.fr}`);
  }
  const hash: string = answer.value.hash;

  const learner: LearnerRecord = {
    learnerId: "a-1",
    attendance: [{ session: "S1", date: "2024-04-11", status: "present" }],
    activities: [{ modality: "elearning", date: "2024-04-20", minutes: 90 }],
  };
  let report: ProgressReport;
  try {
    report = loadProgramme("hdf-leader-msp-2024").evaluate(learner, "2024-09-20");
  } catch (e) {
    const error = e as PacteError;
    return [`${error.code} at ${error.path}: ${error.problems.length} problem(s)`];
  }
  const stage: Stage = report.stage;
  const lines = report.unmet.map((u) => describe(u));
  return [hash, stage, ...ids, ...lines];
}

function describe(u: Condition): string {
  switch (u.code) {
    case "HOURS_SHORT":
      return `${u.modality}: ${u.remainingMinutes} min missing`;
    case "HOURS_UNREACHABLE":
      return `${u.modality}: only ${u.upcomingMinutes} min left`;
    case "SESSION_UNJUSTIFIED_ABSENCE":
    case "SESSION_NOT_RECORDED":
    case "SESSION_UPCOMING":
      return `${u.session} ${u.date}`;
    case "MODULE_HOURS_SHORT":
      return `${u.module}: ${u.doneMinutes}/${u.requiredMinutes} min`;
    case "ELECTIVE_MODULE_MISSING":
      return `${u.group}: ${u.done}/${u.atLeast}`;
    case "TRACEUR_MISSING":
    case "TRACEUR_TO_REVISE":
    case "TRACEUR_AWAITING_VALIDATION":
      return u.traceur;
    case "MEMOIRE_NOT_SUBMITTED":
    case "SOUTENANCE_NOT_PASSED":
    case "SOUTENANCE_FAILED":
      return u.code;
    default: {
      const unreachable: never = u;
      return unreachable;
    }
  }
}

// The platform adapters, a module of their own: a result to inspect, diagnostics to show.
import initImport, { importRecords, type Diagnostic, type ImportResult } from "pacte-rules/import";

export async function fromMoodle(wasmUrl: string, mapping: string, export_: string): Promise<string[]> {
  await initImport({ module_or_path: wasmUrl });
  const result: ImportResult = importRecords({ source: "moodleCompletion", asOf: "2024-09-20" }, mapping, export_);
  const errors: Diagnostic[] = result.diagnostics.filter((d) => d.severity === "error");
  return [...result.learners.map((l) => l.learnerId), ...errors.map((d) => `${d.code} ${d.path ?? ""} ${d.message.fr}`)];
}
