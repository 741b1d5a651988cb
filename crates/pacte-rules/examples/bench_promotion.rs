//! Native half of the promotion benchmark (scripts/bench.mjs runs it): reads a
//! definition and a promotion (JSON array), then times read + evaluate + write
//! per learner, as the wasm entry points do, each of the three steps apart,
//! and the reading of the records' packed form; then the same for the
//! standing (no words written). Prints one JSON line of figures (µs per
//! learner, best round).
//!
//! `bench_promotion DEFINITION.json PROMOTION.json AS_OF [ROUNDS]`: with
//! `ROUNDS=1` under `valgrind --tool=callgrind`, the `#[inline(never)]`
//! steps below are where to read the instruction counts of each.

use pacte_rules::api::{self, ProgrammeSource};
use pacte_rules::date::IsoDate;
use pacte_rules::evaluation;
use pacte_rules::learner::{packed, LearnerRecord};
use pacte_rules::parse::{self, Parsed};
use pacte_rules::programme::Programme;
use pacte_rules::report::{ProgressReport, Standing};
use std::time::Instant;

#[inline(never)]
fn step_parse(json: &str) -> Parsed<LearnerRecord> {
    parse::from_json::<LearnerRecord>(json).expect("the benchmark's records are valid")
}

/// The records' packed form read (what the wasm entry points read from JS objects).
#[inline(never)]
fn step_read_packed(bytes: &[u8]) -> LearnerRecord {
    packed::read(bytes).expect("the benchmark's records are read packed")
}

#[inline(never)]
fn step_evaluate(
    programme: &Programme,
    parsed: &Parsed<LearnerRecord>,
    as_of: IsoDate,
) -> ProgressReport {
    evaluation::evaluate(programme, &parsed.value, &parsed.unknown_fields, as_of)
        .expect("the benchmark's learners belong to the programme")
        .report()
}

/// The evaluation alone, and the standing: no word written.
#[inline(never)]
fn step_standing(
    programme: &Programme,
    parsed: &Parsed<LearnerRecord>,
    as_of: IsoDate,
) -> Standing {
    evaluation::evaluate(programme, &parsed.value, &parsed.unknown_fields, as_of)
        .expect("the benchmark's learners belong to the programme")
        .standing()
}

#[inline(never)]
fn step_serialize(report: &ProgressReport) -> Vec<u8> {
    pacte_rules::json_text::to_json(report)
        .expect("a report is JSON")
        .into_bytes()
}

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    let (definition, promotion, as_of, rounds) = match args.as_slice() {
        [_, d, p, a] => (d, p, a, 5),
        [_, d, p, a, r] => (d, p, a, r.parse().map_err(|_| "ROUNDS: a number")?),
        _ => {
            return Err(
                "usage: bench_promotion DEFINITION.json PROMOTION.json AS_OF [ROUNDS]".into(),
            )
        }
    };
    let read = |p: &str| std::fs::read_to_string(p).map_err(|e| format!("{p}: {e}"));
    let definition =
        pacte_rules::parse::json_value(&read(definition)?).map_err(|p| p.message.en)?;
    let programme = api::programme(&ProgrammeSource::Definition(definition), &[])
        .map_err(|p| format!("{p:?}"))?;
    let as_of = api::as_of(as_of).map_err(|p| p.message.en)?;
    let learners: Vec<Box<serde_json::value::RawValue>> =
        serde_json::from_str(&read(promotion)?).map_err(|e| e.to_string())?;
    let n = learners.len() as f64;
    let us = |start: Instant| start.elapsed().as_secs_f64() * 1e6 / n;
    let (mut total, mut parse, mut evaluate, mut serialize) =
        (f64::MAX, f64::MAX, f64::MAX, f64::MAX);
    let (mut standing_total, mut standing, mut read_packed) = (f64::MAX, f64::MAX, f64::MAX);
    let packed: Vec<Vec<u8>> = learners
        .iter()
        .map(|l| serde_json::from_str(l.get()).map(|v| packed::write(&v)))
        .collect::<Result<_, _>>()
        .map_err(|e| e.to_string())?;
    let (mut bytes, mut standing_bytes) = (0, 0);
    for _round in 0..rounds {
        // As an entry point does: read, evaluate and write one learner at a time.
        let start = Instant::now();
        bytes = 0;
        for learner in &learners {
            let answer = api::evaluate(&programme, learner.get(), as_of);
            bytes += serde_json::to_vec(&answer)
                .map_err(|e| e.to_string())?
                .len();
        }
        total = total.min(us(start));
        // Each step alone, over the whole promotion.
        let start = Instant::now();
        let parsed: Vec<_> = learners.iter().map(|l| step_parse(l.get())).collect();
        parse = parse.min(us(start));
        let start = Instant::now();
        let reports: Vec<_> = parsed
            .iter()
            .map(|p| step_evaluate(&programme, p, as_of))
            .collect();
        evaluate = evaluate.min(us(start));
        let start = Instant::now();
        let written: usize = reports.iter().map(|r| step_serialize(r).len()).sum();
        serialize = serialize.min(us(start));
        std::hint::black_box(written);
        let start = Instant::now();
        let read: Vec<_> = packed.iter().map(|b| step_read_packed(b)).collect();
        read_packed = read_packed.min(us(start));
        std::hint::black_box(read);
        // The standing: read, evaluate, write it, one learner at a time.
        let start = Instant::now();
        standing_bytes = 0;
        for learner in &learners {
            let answer = api::standing(&programme, learner.get(), as_of);
            standing_bytes += serde_json::to_vec(&answer)
                .map_err(|e| e.to_string())?
                .len();
        }
        standing_total = standing_total.min(us(start));
        let start = Instant::now();
        let standings: Vec<_> = parsed
            .iter()
            .map(|p| step_standing(&programme, p, as_of))
            .collect();
        standing = standing.min(us(start));
        std::hint::black_box(standings);
    }
    let per_learner = |b: usize| b / learners.len().max(1);
    println!(
        "{{\"learners\":{},\"usPerLearner\":{total:.2},\"parse\":{parse:.2},\"readPacked\":{read_packed:.2},\"evaluate\":{evaluate:.2},\"serialize\":{serialize:.2},\"bytesPerLearner\":{},\"standingUsPerLearner\":{standing_total:.2},\"standing\":{standing:.2},\"standingBytesPerLearner\":{}}}",
        learners.len(),
        per_learner(bytes),
        per_learner(standing_bytes)
    );
    Ok(())
}
