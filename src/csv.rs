//! CSV records, for the goods lists: the built-in files of `data/` and the
//! newer editions a city loads at run time (`--goods-list`, the
//! `goodsLists` option). The parsing is `csv-core`'s (RFC 4180 quoting,
//! `\n` or `\r\n` line ends); this module only collects its fields into
//! strings and numbers the records for messages.

/// One record: its 1-based line number in the text and its fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The line the record starts on.
    pub line: usize,
    /// Its fields, unquoted.
    pub fields: Vec<String>,
}

/// Why a CSV text cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvError {
    /// More records than `max_records`.
    TooManyRecords(usize),
    /// A field longer than `max_field` bytes, at this line.
    FieldTooLong(usize),
}

/// Splits `text` into records. A UTF-8 byte order mark is skipped, and
/// blank lines are not records. Stops with an error past `max_records`
/// records or at a field longer than `max_field` bytes, so a hostile file
/// cannot make it allocate without bound.
pub fn records(text: &str, max_records: usize, max_field: usize) -> Result<Vec<Record>, CsvError> {
    let mut input = text.strip_prefix('\u{feff}').unwrap_or(text).as_bytes();
    let mut reader = csv_core::Reader::new();
    let mut out = [0u8; 4096];
    let mut records = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field: Vec<u8> = Vec::new();
    // Lines consumed so far, and where the current record starts: csv-core
    // consumes the line ends and blank lines before a record in the same
    // call that reads its first bytes, so those are counted apart.
    let mut line = 1;
    let mut record_line = 1;
    let mut at_record_start = true;
    loop {
        let (result, read, written) = reader.read_field(input, &mut out);
        let (consumed, rest) = input.split_at(read.min(input.len()));
        if at_record_start {
            let leading = consumed.iter().take_while(|&&b| b == b'\n' || b == b'\r');
            record_line = line + leading.filter(|&&b| b == b'\n').count();
            at_record_start = consumed.iter().all(|&b| b == b'\n' || b == b'\r');
        }
        line += consumed.iter().filter(|&&b| b == b'\n').count();
        input = rest;
        field.extend_from_slice(out.get(..written).unwrap_or_default());
        if field.len() > max_field {
            return Err(CsvError::FieldTooLong(record_line));
        }
        match result {
            csv_core::ReadFieldResult::InputEmpty | csv_core::ReadFieldResult::OutputFull => {}
            csv_core::ReadFieldResult::Field { record_end } => {
                // The text is UTF-8 and csv-core splits only at ASCII
                // delimiters, so every field is UTF-8 too.
                fields.push(String::from_utf8_lossy(&field).into_owned());
                field.clear();
                if record_end {
                    let done = std::mem::take(&mut fields);
                    if done.len() > 1 || done.first().is_some_and(|f| !f.is_empty()) {
                        if records.len() == max_records {
                            return Err(CsvError::TooManyRecords(max_records));
                        }
                        records.push(Record {
                            line: record_line,
                            fields: done,
                        });
                    }
                    at_record_start = true;
                }
            }
            csv_core::ReadFieldResult::End => return Ok(records),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<Vec<String>> {
        records(text, 100, 100)
            .unwrap()
            .into_iter()
            .map(|r| r.fields)
            .collect()
    }

    #[test]
    fn quoted_fields_and_line_numbers() {
        assert_eq!(
            fields("a,\"b, c\",\"d \"\"e\"\"\"\n"),
            vec![vec!["a", "b, c", "d \"e\""]]
        );
        let text = "\u{feff}h1,h2\r\n\r\nx,\"two\nlines\"\ny,z";
        let all = records(text, 100, 100).unwrap();
        let lines: Vec<usize> = all.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![1, 3, 5]);
        assert_eq!(all[1].fields, vec!["x", "two\nlines"]);
        assert_eq!(all[0].fields, vec!["h1", "h2"]);
    }

    #[test]
    fn limits_are_refused() {
        assert_eq!(
            records("a\nb\nc\n", 2, 10),
            Err(CsvError::TooManyRecords(2))
        );
        let long = format!("ok\n{}\n", "x".repeat(20_000));
        assert_eq!(records(&long, 10, 10_000), Err(CsvError::FieldTooLong(2)));
    }

    proptest::proptest! {
        /// Fields written with RFC 4180 quoting come back as they were.
        #[test]
        fn quoted_records_round_trip(rows in proptest::collection::vec(
            proptest::collection::vec("[a-z ,\"\n\u{e9}]{0,8}", 1..5), 1..6)) {
            proptest::prop_assume!(rows.iter().all(|r| r.len() > 1 || !r[0].is_empty()));
            let mut text = String::new();
            for row in &rows {
                let quoted: Vec<String> = row
                    .iter()
                    .map(|f| format!("\"{}\"", f.replace('"', "\"\"")))
                    .collect();
                text.push_str(&quoted.join(","));
                text.push('\n');
            }
            let back: Vec<Vec<String>> = records(&text, 100, 1000).unwrap().into_iter().map(|r| r.fields).collect();
            proptest::prop_assert_eq!(back, rows);
        }
    }
}
