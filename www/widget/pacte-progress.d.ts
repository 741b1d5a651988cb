// Types of <pacte-progress> (pacte-progress.js beside), kept by hand: when the
// element changes, change them too. The engine's types come through the
// package's types entry (../index.d.ts), which declares `Symbol.dispose`.
import type * as engine from "../index.js";
import type { InitInput, LearnerRecord, ProgrammeSource, ProgressReport } from "../index.js";

/**
 * Starts the engine and registers <pacte-progress>. `wasm`: what the engine's
 * `init` fetches or instantiates (the .wasm file's URL, a Response, bytes);
 * without it, pacte_rules_bg.wasm next to the package's web/pacte_rules.js.
 * The first call decides; later calls return the same promise, of the engine's
 * exports. It rejects when WebAssembly cannot run: the widgets then say so.
 */
export function setup(options?: { wasm?: InitInput | Promise<InitInput> }): Promise<typeof engine>;

/** What the `report` event carries: the report now shown, undefined when none can be (no learner, invalid records, no engine). */
export interface PacteProgressReportDetail {
  report: ProgressReport | undefined;
}

/** The events of <pacte-progress>, beside those of any element. */
export interface PacteProgressElementEventMap extends HTMLElementEventMap {
  /** The report shown changed (a new learner, date, programme or language's evaluation); bubbles. */
  report: CustomEvent<PacteProgressReportDetail>;
}

/**
 * A learner's progress towards the diploma, computed in the page.
 *
 * Attributes: `programme` (an embedded programme's id), `as-of` (YYYY-MM-DD,
 * default today), `lang` (`fr` by default, `en`), `heading-level` (2 by default),
 * `layout` (`compact`: the stage, the main bar, the next things to do and
 * « Voir le détail »; `full`; absent: compact under 32rem of width),
 * `audience` (`learner` by default; `formateur`: the texts speak of the learner).
 * Event: `report` (see {@link PacteProgressElementEventMap}).
 */
export interface PacteProgressElement extends HTMLElement {
  /** The learner record to show; setting it renders (once for several settings in a row). */
  learner: LearnerRecord | undefined;
  /**
   * A definition object or an embedded id; wins over the `programme` attribute.
   * Reads back the attribute when unset, or null: the record's own `programme` then applies.
   */
  get programme(): ProgrammeSource | null;
  set programme(source: ProgrammeSource | undefined);
  /** The last report shown; undefined while nothing valid is. */
  readonly report: ProgressReport | undefined;
  addEventListener<K extends keyof PacteProgressElementEventMap>(
    type: K,
    listener: (this: PacteProgressElement, event: PacteProgressElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof PacteProgressElementEventMap>(
    type: K,
    listener: (this: PacteProgressElement, event: PacteProgressElementEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "pacte-progress": PacteProgressElement;
  }
}
