use ctip_screen::*;
use std::time::Instant;
fn main() {
    let text = include_str!("../tests/fixtures/typical-bid.json");
    let compact =
        serde_json::to_string(&serde_json::from_str::<serde_json::Value>(text).unwrap()).unwrap();
    let policy = policy::LoadedPolicy::builtin().unwrap();
    let as_of = date::Date::parse("2026-03-02").unwrap();
    let n = 3000;
    let t = Instant::now();
    let mut v = serde_json::Value::Null;
    for _ in 0..n {
        v = engine::parse_json(&compact).unwrap();
    }
    println!("parse {:?}", t.elapsed() / n);
    let t = Instant::now();
    let mut s = None;
    for _ in 0..n {
        s = Some(engine::read_submission(&v, policy.policy()).unwrap());
    }
    println!("read {:?}", t.elapsed() / n);
    let s = s.unwrap();
    let t = Instant::now();
    let mut a = None;
    for _ in 0..n {
        a = Some(engine::evaluate(&s, policy, as_of, &[]));
    }
    println!("evaluate {:?}", t.elapsed() / n);
    let a = a.unwrap();
    let t = Instant::now();
    let mut out = String::new();
    for _ in 0..n {
        out = api::to_json(&a);
    }
    println!("serialize {:?} ({} bytes)", t.elapsed() / n, out.len());
    let t = Instant::now();
    for _ in 0..n {
        drop(v.clone());
    }
    println!("clone+drop value {:?}", t.elapsed() / n);
}
