//! A reader of the same bytes over and over, as one stream: large OCDS
//! inputs for the tests and benches without holding them in memory.
//! Included with `#[path]` by tests/ocds.rs and benches/evaluate.rs.

/// `data` read `times` times over.
pub struct Repeat<T> {
    data: T,
    at: usize,
    left: usize,
}

impl<T: AsRef<[u8]>> Repeat<T> {
    /// `data`, `times` times over.
    pub fn new(data: T, times: usize) -> Repeat<T> {
        Repeat {
            data,
            at: 0,
            left: times,
        }
    }
}

impl<T: AsRef<[u8]>> std::io::Read for Repeat<T> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let data = self.data.as_ref();
        if self.left == 0 || data.is_empty() {
            return Ok(0);
        }
        let rest = data.get(self.at..).unwrap_or_default();
        let n = rest.len().min(buf.len());
        if let (Some(to), Some(from)) = (buf.get_mut(..n), rest.get(..n)) {
            to.copy_from_slice(from);
        }
        self.at += n;
        if self.at == data.len() {
            self.at = 0;
            self.left -= 1;
        }
        Ok(n)
    }
}
