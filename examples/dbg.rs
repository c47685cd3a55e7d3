fn main() {
    let path = std::env::args().nth(1).unwrap();
    let src = zhengban::ledger::UnitSource { label: "x".into(), files: vec![path.into()] };
    let unit = zhengban::ledger::read_unit(&src);
    let u = unit.usage().unwrap();
    println!("{:?}", u.meta.columns);
    println!("{:?}", u.meta.header_rows);
    println!("{:?}", u.rows[0].kind);
}
