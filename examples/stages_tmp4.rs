//! tmp
fn main() {
    let line = include_str!("../tests/ocds/releases.jsonl")
        .lines()
        .next()
        .unwrap_or_default();
    let jsonl = format!("{line}\n").repeat(500);
    let today = ctip_screen::date::Date::from_days(20000);
    let mut n = 0;
    let _ = ctip_screen::api::screen_ocds_map(
        jsonl.as_bytes(),
        &Default::default(),
        today,
        |r| r.assessments.len(),
        |c| n += c,
    );
    println!("{n}");
}
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
