//! Screening OCDS on worker threads: releases are read on the calling
//! thread, handed out in chunks, screened (and mapped) by the workers, and
//! given back in input order, with memory bounded by a few chunks per
//! worker. Generic in what a release becomes, so that it knows nothing of
//! the assessments (`crate::api` says what screening is).

/// Releases handed to a worker at a time.
const OCDS_CHUNK: usize = 32;
/// Bytes of release text that make a chunk whatever its count: with at
/// most four chunks per worker in flight, the text waiting to be screened
/// stays under 4 x workers x (1 MiB + one release).
const OCDS_CHUNK_BYTES: usize = 1 << 20;

/// How many threads screen OCDS releases.
pub fn workers() -> usize {
    if cfg!(target_arch = "wasm32") {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(16))
    }
}

type Chunk = Vec<super::RawRelease>;

/// Reads and screens releases on this thread, in order.
fn screen_here<R: std::io::Read, T>(
    input: R,
    max_bytes: usize,
    screen: &impl Fn(&super::RawRelease) -> Result<Vec<T>, super::OcdsError>,
    sink: &mut impl FnMut(T),
) -> Result<usize, super::OcdsError> {
    super::read_raw(input, max_bytes, |raw| {
        screen(&raw)?.into_iter().for_each(&mut *sink);
        Ok(())
    })
}

/// Reads releases on this thread and screens them on `workers` threads (on
/// this one when there is one, or when no thread can be started).
/// Chunk `j` goes to worker `j % workers`; each worker answers its chunks
/// in the order it got them, so reading the answers round-robin gives them
/// in input order.
pub fn screen<R: std::io::Read, T: Send>(
    input: R,
    workers: usize,
    max_bytes: usize,
    screen: &(impl Fn(&super::RawRelease) -> Result<Vec<T>, super::OcdsError> + Sync),
    sink: &mut impl FnMut(T),
) -> Result<usize, super::OcdsError> {
    if workers <= 1 {
        return screen_here(input, max_bytes, screen, sink);
    }
    use std::sync::mpsc;
    let stopped = || super::OcdsError::Stopped;
    std::thread::scope(|scope| {
        let mut jobs = Vec::with_capacity(workers);
        let mut answers = Vec::with_capacity(workers);
        for _ in 0..workers {
            let (job_tx, job_rx) = mpsc::channel::<Chunk>();
            let (answer_tx, answer_rx) = mpsc::channel::<Vec<Result<Vec<T>, _>>>();
            let work = move || {
                for chunk in job_rx {
                    let answer = chunk.iter().map(screen).collect();
                    if answer_tx.send(answer).is_err() {
                        break;
                    }
                }
            };
            // A thread the system refuses is one worker fewer, not a panic.
            if std::thread::Builder::new()
                .spawn_scoped(scope, work)
                .is_err()
            {
                break;
            }
            jobs.push(job_tx);
            answers.push(answer_rx);
        }
        let workers = jobs.len();
        if workers == 0 {
            return screen_here(input, max_bytes, screen, sink);
        }
        let (mut sent, mut received) = (0usize, 0usize);
        // Takes the next answer in order and gives its results to the sink.
        let mut drain_one = |received: &mut usize| -> Result<(), super::OcdsError> {
            let answer = answers
                .get(*received % workers)
                .ok_or_else(stopped)?
                .recv()
                .map_err(|_| stopped())?;
            *received += 1;
            for result in answer {
                result?.into_iter().for_each(&mut *sink);
            }
            Ok(())
        };
        let mut chunk = Vec::with_capacity(OCDS_CHUNK);
        let send = |chunk: Chunk, sent: &mut usize| -> Result<(), super::OcdsError> {
            jobs.get(*sent % workers)
                .ok_or_else(stopped)?
                .send(chunk)
                .map_err(|_| stopped())?;
            *sent += 1;
            Ok(())
        };
        // A chunk is sent at OCDS_CHUNK releases or OCDS_CHUNK_BYTES of
        // text, whichever comes first: large releases travel alone.
        let mut chunk_bytes = 0usize;
        let read = super::read_raw(input, max_bytes, |raw| {
            chunk_bytes += raw.bytes();
            chunk.push(raw);
            if chunk.len() >= OCDS_CHUNK || chunk_bytes >= OCDS_CHUNK_BYTES {
                chunk_bytes = 0;
                send(std::mem::take(&mut chunk), &mut sent)?;
                // Keep at most four chunks per worker in flight.
                while sent - received >= 4 * workers {
                    drain_one(&mut received)?;
                }
            }
            Ok(())
        });
        // Whether reading ended or failed, the releases read before are
        // screened and given out first: an error comes after every result
        // before it (an earlier error among them wins).
        let mut finish = || -> Result<(), super::OcdsError> {
            if !chunk.is_empty() {
                send(std::mem::take(&mut chunk), &mut sent)?;
            }
            while received < sent {
                drain_one(&mut received)?;
            }
            Ok(())
        };
        let read = match read {
            Ok(n) => finish().map(|()| n),
            Err(e) => finish().and(Err(e)),
        };
        // Dropping the job senders ends the workers; the scope joins them.
        drop(jobs);
        read
    })
}
