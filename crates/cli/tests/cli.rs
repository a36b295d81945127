//! The `pactlens` binary as a user runs it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn pactlens(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pactlens"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(stdin)
        .expect("stdin accepts input");
    child.wait_with_output().expect("the binary finishes")
}

#[test]
fn jsonl_gives_one_scored_line_per_document_in_code_points() {
    let input = "{\"id\":\"a\",\"text\":\"😀 Microsoft and Xiaomi signed a deal.\"}\n{\"id\":\"b\",\"text\":\"Nothing here.\"}\n";
    let out = pactlens(&["annotate", "--jsonl", "-"], input.as_bytes());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    let first = &lines[0]["entities"][0];
    assert_eq!(first["text"], "Microsoft");
    assert_eq!(first["start"], 2, "offsets count code points, the emoji is one");
    assert_eq!(first["label"], "COMPANY");
    assert_eq!(lines[1]["entities"].as_array().unwrap().len(), 0);
}

#[test]
fn a_bad_line_is_named_and_the_rest_still_processed() {
    let input = b"{\"id\":\"a\",\"text\":\"Microsoft\"}\nnot json\n{\"id\":\"c\",\"text\":\"a\xff\"}\n{\"id\":\"d\",\"text\":\"Xiaomi\"}\n";
    let out = pactlens(&["annotate", "--jsonl", "-"], input);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("line 2: bad JSON"), "{stderr}");
    assert!(stderr.contains("line 3: not UTF-8"), "{stderr}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let ids: Vec<String> = stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string())
        .collect();
    assert_eq!(ids, ["\"a\"", "\"d\""]);
}

/// A document on which the engine panics (made to, through the debug-build
/// test hook) is reported with its line and id; every other line is still
/// annotated, in order, and the exit status says a line failed.
#[test]
fn a_document_that_makes_the_engine_panic_is_reported_and_the_rest_written() {
    let docs = [
        ("a", "Microsoft and Xiaomi signed a deal."),
        ("b", "Turkcell signed a deal with Xiaomi in İstanbul today."),
        ("boom", "Zorblat-fault Acme Holdings Inc agreed to buy Borlo Ltd."),
        ("d", "Xiaomi deal \u{212a} today."),
        ("e", "İİİ İstanbul İzmir today and tomorrow"),
    ];
    let input: String = docs
        .iter()
        .map(|(id, text)| serde_json::json!({"id": id, "text": text}).to_string() + "\n")
        .collect();
    let run = |marker: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_pactlens"))
            .args(["annotate", "--jsonl", "-"])
            .env("PACTLENS_TEST_PANIC_ON", marker)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary starts");
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
        child.wait_with_output().unwrap()
    };
    let failed = run("Zorblat-fault");
    assert_eq!(failed.status.code(), Some(1));
    let stderr = String::from_utf8(failed.stderr).unwrap();
    assert!(
        stderr.contains("line 3: document boom: the annotator failed on it (test fault injected"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked at"), "no raw panic report: {stderr}");
    assert_eq!(ids(&failed.stdout), ["a", "b", "d", "e"]);
    // The lines written are exactly what a run without the fault writes.
    let clean = run("");
    assert!(clean.status.success(), "{}", String::from_utf8_lossy(&clean.stderr));
    let clean_lines: Vec<&str> = std::str::from_utf8(&clean.stdout).unwrap().lines().collect();
    let failed_lines: Vec<&str> = std::str::from_utf8(&failed.stdout).unwrap().lines().collect();
    let expected: Vec<&str> = clean_lines
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != 2)
        .map(|(_, l)| *l)
        .collect();
    assert_eq!(failed_lines, expected);
}

#[test]
fn a_missing_file_is_one_line_and_a_failure() {
    let out = pactlens(&["annotate", "/no/such/file.txt"], b"");
    assert!(!out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("pactlens: cannot read /no/such/file.txt"),
        "{stderr}"
    );
}

#[test]
fn binary_input_is_refused_with_a_message() {
    let out = pactlens(&["annotate", "-"], b"PK\x03\x04\xff\xfe junk");
    assert!(!out.status.success());
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("is not UTF-8 text (first bad byte at offset 4)"));
}

#[test]
fn one_text_gives_pactlens_json_with_summary() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, "Xiaomi will use Microsoft's Azure. Microsoft agreed.").unwrap();
    let out = pactlens(&["annotate", path.to_str().unwrap()], b"");
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["summary"]["companies"][0]["name"], "Microsoft");
    assert_eq!(doc["summary"]["companies"][0]["count"], 2);
    let azure = doc["marks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["text"] == "Azure")
        .unwrap();
    assert_eq!(azure["owner"], "Microsoft");
}

const DEAL: &str = "😀 Microsoft and Xiaomi signed a memorandum of understanding on Azure. <script>x</script>\n";

#[test]
fn export_writes_every_format_to_stdout() {
    for (format, check) in [
        ("html", "<!DOCTYPE html>"),
        ("json", "\"version\": 1"),
        ("w3c", "\"AnnotationCollection\""),
        ("md", "**Microsoft**\\[C\\]"),
        ("csv", "start,end,label,text,canonical,owner,source"),
    ] {
        let out = pactlens(&["export", "--format", format, "-"], DEAL.as_bytes());
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(stdout.contains(check), "{format}: {stdout}");
        assert!(stdout.ends_with('\n'));
    }
    let html = pactlens(&["export", "-f", "html"], DEAL.as_bytes());
    let html = String::from_utf8(html.stdout).unwrap();
    assert!(!html.contains("<script"));
    assert!(html.contains("&lt;script&gt;x&lt;/script&gt;"));
}

#[test]
fn export_json_reads_back_and_csv_gives_marks_or_agreements() {
    let out = pactlens(&["export", "--format", "json", "-"], DEAL.as_bytes());
    let json = String::from_utf8(out.stdout).unwrap();
    let doc = pactlens_engine::export::DocumentJson::from_json(&json).expect("the export reads back");
    assert_eq!(doc.text, DEAL);
    assert!(doc.edits.is_empty());

    let marks = pactlens(&["export", "--format", "csv", "-"], DEAL.as_bytes());
    let marks = String::from_utf8(marks.stdout).unwrap();
    assert!(
        marks
            .lines()
            .any(|l| l.starts_with("2,11,COMPANY,Microsoft,Microsoft,,")),
        "{marks}"
    );
    let agreements = pactlens(&["export", "--format", "csv", "--agreements", "-"], DEAL.as_bytes());
    let agreements = String::from_utf8(agreements.stdout).unwrap();
    assert!(
        agreements.starts_with("parties,kind,status,date,mentions"),
        "{agreements}"
    );
    let row = agreements.lines().nth(1).unwrap_or_default();
    assert!(
        row.contains("Microsoft") && row.contains("Xiaomi") && row.contains(",mou,signed,"),
        "{agreements}"
    );
}

#[test]
fn export_w3c_takes_a_source() {
    let out = pactlens(
        &["export", "--format", "w3c", "--source", "https://example.org/a", "-"],
        DEAL.as_bytes(),
    );
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["first"]["items"][0]["target"]["source"], "https://example.org/a");
}

#[test]
fn export_flag_errors_are_one_line() {
    let out = pactlens(&["export", "--format", "md", "--agreements", "-"], b"");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr, "pactlens: --agreements only applies to --format csv\n");
    let out = pactlens(&["export", "--format", "pdf", "-"], b"");
    assert!(!out.status.success());
    let out = pactlens(&["export", "--format", "html", "/no/such/file.txt"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8(out.stderr).unwrap().lines().count(), 1);
}

#[test]
fn share_prints_a_fragment_that_decodes_to_the_text() {
    let out = pactlens(&["share", "-"], DEAL.as_bytes());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let fragment = stdout.trim_end();
    assert!(fragment.starts_with("#v1="));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with(&format!("{} characters", fragment.len())),
        "{stderr}"
    );
    let (text, edits) = pactlens_engine::export::share::decode(fragment).unwrap();
    assert_eq!(text, DEAL);
    assert!(edits.is_empty());
}

#[test]
fn share_refuses_a_text_too_long_for_a_link() {
    // Incompressible text: pseudo-random letters.
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let text: String = (0..60_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            char::from(b'a' + (x % 26) as u8)
        })
        .collect();
    let out = pactlens(&["share", "-"], text.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("export --format json"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1);
}

/// `n` short documents with ids 0..n, some naming companies.
fn many_documents(n: usize) -> String {
    (0..n)
        .map(|i| format!("{{\"id\":{i},\"text\":\"Report {i}: Microsoft and Xiaomi signed a deal, said Samsung.\"}}\n"))
        .collect()
}

fn ids(stdout: &[u8]) -> Vec<String> {
    String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn jsonl_output_keeps_the_input_order() {
    let out = pactlens(&["annotate", "--jsonl", "-"], many_documents(500).as_bytes());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let expected: Vec<String> = (0..500).map(|i| i.to_string()).collect();
    assert_eq!(ids(&out.stdout), expected);
    assert!(out.stderr.is_empty(), "no progress bar when stderr is not a terminal");

    // The same from a file, whose size the progress bar would use.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.jsonl");
    std::fs::write(&path, many_documents(500)).unwrap();
    let from_file = pactlens(&["annotate", "--jsonl", path.to_str().unwrap()], b"");
    assert!(from_file.status.success());
    assert_eq!(from_file.stdout, out.stdout);
}

#[test]
fn a_bad_line_deep_in_a_large_batch_gets_its_own_number() {
    let mut lines: Vec<String> = many_documents(3000).lines().map(str::to_string).collect();
    lines[1733] = "{\"id\":\"no text\"}".to_string();
    let input = lines.join("\n") + "\n";
    let out = pactlens(&["annotate", "--jsonl", "-"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("pactlens: standard input: line 1734: bad JSON: missing field `text`"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 2, "the bad line, then the count: {stderr}");
    let expected: Vec<String> = (0..3000).filter(|&i| i != 1733).map(|i| i.to_string()).collect();
    assert_eq!(ids(&out.stdout), expected);
}
