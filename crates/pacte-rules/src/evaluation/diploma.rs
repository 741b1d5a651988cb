//! Conditions 4 and 5: the mémoire, and its soutenance before the jury.

use super::{Context, Pointer};
use crate::learner::{MemoireRecord, MemoireStatus, SoutenanceRecord, SoutenanceRecordStatus};
use crate::report::wording::Shortfall;
use crate::report::{MemoireReport, MemoireReportStatus, SoutenanceReport, SoutenanceReportStatus};

pub(super) fn memoire<'a>(cx: &mut Context<'a>, record: Option<&MemoireRecord>) -> MemoireReport {
    let rule = &cx.programme.definition.memoire;
    let due_date = rule.due_date.or(cx.programme.final_due_date());
    let record = record.filter(|r| {
        !r.date
            .is_some_and(|d| cx.out_of_time(Pointer::Field("memoire"), d))
    });
    let status = match record.map(|r| r.status) {
        None => MemoireReportStatus::NotStarted,
        Some(MemoireStatus::InProgress) => MemoireReportStatus::InProgress,
        Some(MemoireStatus::Submitted) => MemoireReportStatus::Submitted,
    };
    let required = rule.required;
    if required && status != MemoireReportStatus::Submitted {
        cx.unmet(
            Shortfall::MemoireNotSubmitted { due_date },
            Pointer::Field("memoire"),
            false,
            due_date,
        );
    }
    MemoireReport {
        required,
        status,
        date: record.and_then(|r| r.date),
        due_date,
    }
}

pub(super) fn soutenance<'a>(
    cx: &mut Context<'a>,
    record: Option<&SoutenanceRecord>,
) -> SoutenanceReport {
    let rule = &cx.programme.definition.soutenance;
    // A verdict dated after `asOf` is not known yet; a scheduled date may be ahead.
    let record = record.filter(|r| {
        r.status == SoutenanceRecordStatus::Scheduled
            || !cx.out_of_time(Pointer::Field("soutenance"), r.date)
    });
    let status = match record.map(|r| r.status) {
        None => SoutenanceReportStatus::NotScheduled,
        Some(SoutenanceRecordStatus::Scheduled) => SoutenanceReportStatus::Scheduled,
        Some(SoutenanceRecordStatus::Passed) => SoutenanceReportStatus::Passed,
        Some(SoutenanceRecordStatus::Failed) => SoutenanceReportStatus::Failed,
    };
    let date = record.map(|r| r.date).or(rule.date);
    let required = rule.required;
    if required {
        match status {
            SoutenanceReportStatus::Passed => {}
            SoutenanceReportStatus::Failed => cx.unmet(
                Shortfall::SoutenanceFailed,
                Pointer::Field("soutenance"),
                true,
                None,
            ),
            SoutenanceReportStatus::NotScheduled | SoutenanceReportStatus::Scheduled => cx.unmet(
                Shortfall::SoutenanceNotPassed { date },
                Pointer::Field("soutenance"),
                false,
                date.or(cx.programme.final_due_date()),
            ),
        }
    }
    SoutenanceReport {
        required,
        status,
        date,
        duration_minutes: rule.duration_minutes,
    }
}
