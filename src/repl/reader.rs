//! The line reader thread: owns the rustyline editor (line editing, history, completion
//! display) so that the VM thread can keep running the event loop while a prompt waits.
//!
//! Protocol, strings only (script values never cross threads):
//! - the VM thread sends a [`Request`] (show this prompt); the reader answers with one
//!   [`Event::Line`], [`Event::Interrupted`] or [`Event::Eof`];
//! - while a prompt is shown, Tab sends [`Event::Complete`] with the word under the cursor and
//!   waits (at most [`COMPLETION_TIMEOUT`]) for the candidates on a reply channel.
//!
//! Every event is followed by a post to the event loop's inbox, which wakes its poll: the VM
//! thread waits for events by running the loop, so background tasks keep running meanwhile.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{CompletionType, Config, Context, Editor, ExternalPrinter, Helper};

use crate::asyncio::event_loop::Msg;
use crate::runtime::reactor::Inbox;

/// How long Tab waits for the VM thread (busy in a long computation) before giving up.
const COMPLETION_TIMEOUT: Duration = Duration::from_secs(2);

/// Indentation inserted by Tab at the start of a line (CPython's REPL inserts a tab there).
const INDENT: &str = "    ";

/// Show a prompt and read one line.
pub struct Request {
    /// The prompt (`>>> ` or `... `).
    pub prompt: String,
}

/// What the reader thread reports.
pub enum Event {
    /// A line was entered (without its line break; a paste may hold several lines).
    Line(String),
    /// Ctrl-C at the prompt.
    Interrupted,
    /// Ctrl-D on an empty line, or the terminal went away.
    Eof,
    /// Tab: the word before the cursor, to complete.
    Complete(String),
}

/// The VM thread's end of the reader.
pub struct Reader {
    requests: Option<Sender<Request>>,
    /// Events from the reader thread.
    pub events: Receiver<Event>,
    /// Where completion candidates go back.
    pub replies: Sender<Vec<String>>,
    /// Prints above the prompt while one is shown.
    pub printer: Option<Box<dyn ExternalPrinter + Send>>,
    thread: Option<JoinHandle<()>>,
}

impl Reader {
    /// Starts the reader thread. Fails when the terminal cannot be set up.
    pub fn spawn(inbox: Inbox<Msg>, history: Option<PathBuf>) -> rustyline::Result<Reader> {
        let (req_tx, req_rx) = mpsc::channel::<Request>();
        let (ev_tx, ev_rx) = mpsc::channel::<Event>();
        let (reply_tx, reply_rx) = mpsc::channel::<Vec<String>>();
        let config = Config::builder()
            .auto_add_history(false)
            .completion_type(CompletionType::List)
            .tab_stop(INDENT.len() as u8)
            .build();
        let helper = ReplHelper { events: ev_tx.clone(), replies: reply_rx, inbox: inbox.clone() };
        let mut editor: Editor<ReplHelper, DefaultHistory> = Editor::with_config(config)?;
        editor.set_helper(Some(helper));
        if let Some(path) = &history {
            let _ = editor.load_history(path);
        }
        let printer =
            editor.create_external_printer().ok().map(|p| Box::new(p) as Box<dyn ExternalPrinter + Send>);
        let thread = std::thread::Builder::new()
            .name("gyre-repl-reader".into())
            .spawn(move || serve(editor, req_rx, ev_tx, inbox, history))
            .map_err(ReadlineError::Io)?;
        Ok(Reader { requests: Some(req_tx), events: ev_rx, replies: reply_tx, printer, thread: Some(thread) })
    }

    /// Asks for one line with `prompt`; the answer arrives on `events`.
    pub fn request(&self, prompt: &str) {
        if let Some(tx) = &self.requests {
            let _ = tx.send(Request { prompt: prompt.to_string() });
        }
    }

    /// Stops the thread (it must be idle, not inside a prompt) and waits for it, so that the
    /// terminal is restored and history is written before the process exits.
    pub fn shutdown(&mut self) {
        self.requests = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Reader {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// The reader thread's loop: one prompt per request, until the VM thread hangs up.
fn serve(
    mut editor: Editor<ReplHelper, DefaultHistory>,
    requests: Receiver<Request>,
    events: Sender<Event>,
    inbox: Inbox<Msg>,
    history: Option<PathBuf>,
) {
    while let Ok(req) = requests.recv() {
        let event = match editor.readline(&req.prompt) {
            Ok(line) => {
                remember(&mut editor, &line, history.as_ref());
                Event::Line(line)
            }
            Err(ReadlineError::Interrupted) => Event::Interrupted,
            Err(_) => Event::Eof,
        };
        if events.send(event).is_err() {
            break;
        }
        let _ = inbox.post(Msg::Wake);
    }
}

/// Adds a non-blank line to the history and appends it to the file (errors are ignored: a
/// read-only home must not stop the REPL).
fn remember(editor: &mut Editor<ReplHelper, DefaultHistory>, line: &str, path: Option<&PathBuf>) {
    if line.trim().is_empty() {
        return;
    }
    if editor.add_history_entry(line).unwrap_or(false) {
        if let Some(p) = path {
            let _ = editor.append_history(p);
        }
    }
}

/// The rustyline helper: completion asks the VM thread; no hints, colours or validation.
struct ReplHelper {
    events: Sender<Event>,
    replies: Receiver<Vec<String>>,
    inbox: Inbox<Msg>,
}

impl ReplHelper {
    /// Asks the VM thread for the completions of `word` (empty on timeout).
    fn ask(&self, word: &str) -> Vec<String> {
        while self.replies.try_recv().is_ok() {} // a late answer to an earlier, timed-out ask
        if self.events.send(Event::Complete(word.to_string())).is_err() {
            return Vec::new();
        }
        let _ = self.inbox.post(Msg::Wake);
        self.replies.recv_timeout(COMPLETION_TIMEOUT).unwrap_or_default()
    }
}

impl Completer for ReplHelper {
    type Candidate = Pair;

    fn complete(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> rustyline::Result<(usize, Vec<Pair>)> {
        let before = &line[..pos];
        if before.trim().is_empty() {
            let indent = Pair { display: String::new(), replacement: INDENT.to_string() };
            return Ok((pos, vec![indent]));
        }
        let start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphanumeric() || *c == '_' || *c == '.')
            .last()
            .map_or(pos, |(i, _)| i);
        let word = &before[start..];
        let pairs = self
            .ask(word)
            .into_iter()
            .map(|c| {
                let display = c.rsplit('.').next().unwrap_or(&c).to_string();
                Pair { display, replacement: c }
            })
            .collect();
        Ok((start, pairs))
    }
}

impl Hinter for ReplHelper {
    type Hint = String;
}

impl Highlighter for ReplHelper {}

impl Validator for ReplHelper {}

impl Helper for ReplHelper {}
