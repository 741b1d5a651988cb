//! Native half of the promotion benchmark (scripts/bench.mjs runs it): reads a
//! definition and a promotion (JSON array), then times read + evaluate + write
//! per learner, as the wasm entry points do. Prints one JSON line of figures.

use pacte_rules::api::{self, ProgrammeSource};
use std::time::Instant;

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    let [_, definition, promotion, as_of] = args.as_slice() else {
        return Err("usage: bench_promotion DEFINITION.json PROMOTION.json AS_OF".into());
    };
    let read = |p: &str| std::fs::read_to_string(p).map_err(|e| format!("{p}: {e}"));
    let definition =
        pacte_rules::parse::json_value(&read(definition)?).map_err(|p| p.message.en)?;
    let programme = api::programme(&ProgrammeSource::Definition(definition), &[])
        .map_err(|p| format!("{p:?}"))?;
    let as_of = api::as_of(as_of).map_err(|p| p.message.en)?;
    let learners: Vec<Box<serde_json::value::RawValue>> =
        serde_json::from_str(&read(promotion)?).map_err(|e| e.to_string())?;
    let mut best = f64::MAX;
    let mut bytes = 0;
    for _round in 0..5 {
        let start = Instant::now();
        for learner in &learners {
            let answer = api::evaluate_json(&programme, learner.get(), as_of);
            bytes += serde_json::to_string(&answer)
                .map_err(|e| e.to_string())?
                .len();
        }
        best = best.min(start.elapsed().as_secs_f64() * 1e6 / learners.len() as f64);
    }
    println!(
        "{{\"learners\":{},\"usPerLearner\":{best:.2},\"bytes\":{bytes}}}",
        learners.len()
    );
    Ok(())
}
