//! Evidence: what a source read from one platform item, in the same terms
//! for every source, before the mapping says what it stands for: who, which
//! platform id, what happened, when, and for how long. The
//! [`Importer`](super::importer::Importer) takes it from there.

use super::diagnostic::{Flaw, Origin};
use super::mapping::{AttendanceMark, Table};
use crate::date::IsoDate;
use crate::learner::TraceurRecordStatus;
use crate::minutes::Minutes;

/// The platform's user, as the source names them.
pub(super) struct Who {
    pub key: String,
    pub display_name: Option<String>,
}

/// What the platform says happened.
pub(super) enum Outcome {
    /// Completed, attended; `passed` when with a pass (validates a traceur).
    Done {
        passed: bool,
    },
    /// An attendance status; `justification` of an absence or an excuse.
    Mark {
        mark: AttendanceMark,
        justification: Option<String>,
    },
    /// cmi5 `waived`: a justified absence for a seminar, nothing counted otherwise.
    Waived {
        reason: String,
    },
    NotDone,
    NotTracked,
    Failed,
    /// A traceur's status, as an export states it.
    Traceur(TraceurRecordStatus),
    /// Known by the source alone not to count (an xAPI verb not used, a
    /// status not defined), whatever the item maps to.
    SetAside(Flaw),
}

pub(super) struct Evidence {
    pub origin: Origin,
    pub who: Who,
    /// The source's own id of this item (an xAPI statement id): the same twice counts once.
    pub item_id: Option<String>,
    pub table: Table,
    pub platform_id: String,
    pub outcome: Outcome,
    /// The item's local date, or why it has none.
    pub date: Result<IsoDate, Flaw>,
    /// The duration the source gives, if any.
    pub minutes: Option<Result<Minutes, Flaw>>,
    /// The platform user who overrode the state (a formateur).
    pub overridden_by: Option<String>,
    /// Whether the item done on another day is another occurrence (a class
    /// attended, a row of an export); otherwise it counts once, whenever done.
    pub repeats: bool,
}
