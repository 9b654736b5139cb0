//! The server's threads, all bounded: one accept loop, [`WORKERS`] workers fed through a queue
//! of [`QUEUE`] connections (a connection that finds it full gets 503 at once), and one poller
//! thread that holds the open pages' long polls, so a waiting page never ties up a worker.
//! A thread that cannot be started is reported, never a panic.

use std::io;
use std::net::{TcpListener, TcpStream};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{self, Receiver, Sender, SyncSender, TrySendError};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use super::http::{handle, poll_reply};
use super::state::State;
use super::wire::Reply;

/// Worker threads answering requests.
pub const WORKERS: usize = 8;
/// Accepted connections waiting for a worker.
pub const QUEUE: usize = 64;
/// Long polls held at once; more are answered at once (the page simply polls again).
const MAX_PARKED: usize = 256;
/// How often the poller looks for new polls while it holds some.
const TICK: Duration = Duration::from_millis(100);

/// A long poll waiting for the build generation to move from `since`.
pub struct Parked {
    pub stream: TcpStream,
    pub since: u64,
    pub deadline: Instant,
    pub head_only: bool,
}

/// Hands long polls to the poller thread.
#[derive(Clone)]
pub struct Poller(Sender<Parked>);

impl Poller {
    /// Holds `poll` until the build changes or its deadline passes.
    pub fn park(&self, poll: Parked) {
        if let Err(mpsc::SendError(mut p)) = self.0.send(poll) {
            let _ = poll_reply(p.since).write_to(&mut p.stream, p.head_only);
        }
    }
}

fn spawn(name: &str, f: impl FnOnce() + Send + 'static) -> io::Result<()> {
    thread::Builder::new()
        .name(name.to_string())
        .spawn(f)
        .map(drop)
}

/// Serves connections from `listener` (on `port`) until the process ends.
pub fn serve(listener: TcpListener, port: u16, state: Arc<State>) -> io::Result<()> {
    let (park, parked) = mpsc::channel();
    let poller_state = Arc::clone(&state);
    spawn("candor-poll", move || hold_polls(&parked, &poller_state))?;
    let poller = Poller(park);
    let (queue, incoming) = mpsc::sync_channel::<TcpStream>(QUEUE);
    let incoming = Arc::new(Mutex::new(incoming));
    let mut workers = 0;
    for i in 0..WORKERS {
        let (incoming, state, poller) = (Arc::clone(&incoming), Arc::clone(&state), poller.clone());
        match spawn(&format!("candor-serve-{i}"), move || {
            work(&incoming, port, &state, &poller)
        }) {
            Ok(()) => workers += 1,
            Err(e) => crate::note!("warning: cannot start a server thread: {e}"),
        }
    }
    if workers == 0 {
        return Err(io::Error::other("no server thread could be started"));
    }
    accept(&listener, &queue)
}

fn accept(listener: &TcpListener, queue: &SyncSender<TcpStream>) -> io::Result<()> {
    for conn in listener.incoming() {
        match conn {
            Ok(stream) => match queue.try_send(stream) {
                Ok(()) => {}
                Err(TrySendError::Full(mut stream)) => {
                    let _ = stream.set_write_timeout(Some(TICK));
                    let _ = Reply::text(503, "Busy, try again\n").write_to(&mut stream, false);
                }
                Err(TrySendError::Disconnected(_)) => {
                    return Err(io::Error::other("every server thread has stopped"));
                }
            },
            // Out of file descriptors and the like: wait a little instead of spinning.
            Err(_) => thread::sleep(TICK),
        }
    }
    Ok(())
}

fn work(incoming: &Mutex<Receiver<TcpStream>>, port: u16, state: &State, poller: &Poller) {
    loop {
        let next = incoming
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .recv();
        let Ok(stream) = next else { return };
        // A bug in one answer must not shrink the pool.
        let _ = catch_unwind(AssertUnwindSafe(|| handle(stream, port, state, poller)));
    }
}

/// The poller: answers each held poll when the build generation moves or its deadline passes.
fn hold_polls(parked: &Receiver<Parked>, state: &State) {
    let mut held: Vec<Parked> = Vec::new();
    loop {
        if held.is_empty() {
            match parked.recv() {
                Ok(p) => held.push(p),
                Err(_) => return,
            }
        }
        while let Ok(mut p) = parked.try_recv() {
            if held.len() < MAX_PARKED {
                held.push(p);
            } else {
                let _ = poll_reply(p.since).write_to(&mut p.stream, p.head_only);
            }
        }
        let current = state.snapshot().generation;
        let generation = state.wait_change(current, TICK);
        let now = Instant::now();
        held.retain_mut(|p| {
            let done = p.since != generation || now >= p.deadline;
            if done {
                let _ = poll_reply(generation).write_to(&mut p.stream, p.head_only);
            }
            !done
        });
    }
}
