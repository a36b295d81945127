//! `pactlens-csp PAGE.html`: pins the page's inline scripts in its CSP, in
//! place. Run by Trunk as a post-build hook (see Trunk.toml).

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: pactlens-csp PAGE.html");
        return ExitCode::FAILURE;
    };
    let shown = path.to_string_lossy().into_owned();
    let result = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {shown}: {e}"))
        .and_then(|html| pactlens_csp::pin(&html).map_err(|e| format!("{shown}: {e}")))
        .and_then(|pinned| std::fs::write(&path, pinned).map_err(|e| format!("cannot write {shown}: {e}")));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("pactlens-csp: {message}");
            ExitCode::FAILURE
        }
    }
}
