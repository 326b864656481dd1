//! Where the REPL keeps its line history: `$GYRE_HISTORY` when set (an empty value turns
//! history off), else `~/.gyre_history`. The file is created on the first entry; failing to
//! read or write it is never fatal (the REPL just has no persistent history then).

use std::path::PathBuf;

/// The environment variable that overrides the history file (tests point it at a temp dir).
pub const HISTORY_ENV: &str = "GYRE_HISTORY";

/// The file name used in the home directory.
const HISTORY_FILE: &str = ".gyre_history";

/// The history file to use, or `None` for no persistent history.
pub fn history_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(HISTORY_ENV) {
        return if p.is_empty() { None } else { Some(PathBuf::from(p)) };
    }
    let home = std::env::var_os("HOME").filter(|h| !h.is_empty())?;
    Some(PathBuf::from(home).join(HISTORY_FILE))
}
