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
