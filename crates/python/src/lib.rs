//! `pactlens._native`: the engine behind the `pactlens` Python package.
//!
//! The Python side (`python/pactlens/__init__.py`) is the public API; this
//! module does the work. Every document becomes exactly the record that
//! `pactlens annotate --jsonl` prints for it (an [`EvalDocument`], offsets in
//! code points), either as a `dict` or as the same JSON text, byte for byte.
//!
//! Annotation runs with the interpreter detached (the GIL released): a
//! single text on the calling thread, a batch across a rayon pool. Text is
//! borrowed from the Python `str` objects (their UTF-8 form), never copied.
//! Errors are the typed exceptions of `pactlens._errors`.

use std::collections::HashMap;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Arc, Mutex};

use pactlens_engine::edits::{apply_edits, Dictionary};
use pactlens_engine::export::EvalDocument;
use pactlens_engine::tagger::Tagger;
use pyo3::exceptions::PyUnicodeEncodeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyString, PyType};
use pyo3::{intern, IntoPyObjectExt};
use rayon::prelude::*;
use serde::Serialize;

/// Raises `pactlens.<name>` (a class of `pactlens._errors`) with `message`.
fn error(py: Python<'_>, name: &'static str, message: String) -> PyErr {
    static INPUT: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    static DICTIONARY: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    static MODEL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    static ANNOTATION: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    static BASE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    let (cell, class_name) = match name {
        "InputError" => (&INPUT, name),
        "DictionaryError" => (&DICTIONARY, name),
        "ModelError" => (&MODEL, name),
        "AnnotationError" => (&ANNOTATION, name),
        _ => (&BASE, "PactlensError"),
    };
    match cell.import(py, "pactlens._errors", class_name) {
        Ok(class) => PyErr::from_type(class.clone(), message),
        Err(e) => e,
    }
}

/// The text of a Python `str`, borrowed as UTF-8; anything else, or a
/// string that is not Unicode text (a lone surrogate), is an `InputError`
/// that names `what`.
fn text_of<'a>(obj: &'a Bound<'_, PyAny>, what: &dyn Fn() -> String) -> PyResult<&'a str> {
    let py = obj.py();
    let Ok(s) = obj.cast::<PyString>() else {
        let type_name = obj
            .get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_else(|_| "?".to_string());
        let hint = if type_name == "bytes" || type_name == "bytearray" {
            " (decode it first, e.g. data.decode('utf-8'))"
        } else {
            ""
        };
        return Err(error(
            py,
            "InputError",
            format!("{} must be a str, not {type_name}{hint}", what()),
        ));
    };
    s.to_str().map_err(|e| {
        if e.is_instance_of::<PyUnicodeEncodeError>(py) {
            let at = e
                .value(py)
                .getattr("start")
                .and_then(|v| v.extract::<usize>())
                .map(|i| format!(" at index {i}"))
                .unwrap_or_default();
            error(
                py,
                "InputError",
                format!(
                    "{} holds a lone surrogate{at}, which is not Unicode text; \
                     text.encode('utf-8', 'replace').decode('utf-8') replaces each one \
                     with '?' and keeps every offset",
                    what()
                ),
            )
        } else {
            e
        }
    })
}

/// A document's id: a `str`, or an `int` written in decimal (as the CLI
/// writes a numeric `id`).
fn id_of(obj: &Bound<'_, PyAny>, what: &dyn Fn() -> String) -> PyResult<String> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(text_of(s.as_any(), what)?.to_string());
    }
    if obj.is_instance_of::<pyo3::types::PyInt>() && !obj.is_instance_of::<pyo3::types::PyBool>() {
        return Ok(obj.str()?.to_str()?.to_string());
    }
    let type_name = obj
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".to_string());
    Err(error(
        obj.py(),
        "InputError",
        format!("{} must be a str or an int, not {type_name}", what()),
    ))
}

/// The name serde gives a unit variant (`COMPANY`, `joint_venture`), so
/// that the `dict` spells labels and kinds exactly as the JSON does.
fn serde_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// The message a panic carried, if it was text.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".to_string())
}

/// What annotating one document gave: its record, or the engine's panic
/// message (a bug in pactlens).
type Outcome = Result<EvalDocument, String>;

/// The engine with the reader's settings: a tagger model and a dictionary.
#[pyclass(frozen, module = "pactlens._native", name = "Annotator")]
pub struct Annotator {
    /// `None` for the built-in model.
    tagger: Option<Arc<Tagger>>,
    /// Applied to every text; empty when the reader gave none.
    dictionary: Dictionary,
}

impl Annotator {
    fn tagger(&self) -> &Tagger {
        self.tagger.as_deref().unwrap_or(Tagger::builtin())
    }

    /// Annotates one text exactly as `pactlens annotate --jsonl` does, plus
    /// the reader's dictionary; a panic in the engine is caught.
    fn annotate_one(&self, id: &str, text: &str) -> Outcome {
        panic::catch_unwind(AssertUnwindSafe(|| {
            let ann = pactlens_engine::annotate_with(text, self.tagger());
            if self.dictionary.is_empty() {
                EvalDocument::new(id, text, &ann)
            } else {
                let edited = apply_edits(text, &ann, &self.dictionary, &[]);
                EvalDocument::new(id, text, &edited)
            }
        }))
        .map_err(|payload| panic_message(payload.as_ref()))
    }

    /// Annotates `texts` on `threads` threads (`None`: all cores, through
    /// rayon's global pool; `1`: the calling thread). Runs without the GIL.
    fn annotate_batch(
        &self,
        py: Python<'_>,
        ids: &[String],
        texts: &[&str],
        threads: Option<usize>,
    ) -> PyResult<Vec<Outcome>> {
        let pool = match threads {
            Some(0) => {
                return Err(error(
                    py,
                    "InputError",
                    "threads must be at least 1 (or None for all cores)".to_string(),
                ))
            }
            Some(n) if n > 1 => Some(pool(py, n)?),
            _ => None,
        };
        let run = || -> Vec<Outcome> {
            let one = |(id, text): (&String, &&str)| self.annotate_one(id, text);
            match (threads, &pool) {
                (Some(1), _) => ids.iter().zip(texts).map(one).collect(),
                (_, Some(pool)) => pool.install(|| ids.par_iter().zip(texts).map(one).collect()),
                _ => ids.par_iter().zip(texts).map(one).collect(),
            }
        };
        Ok(py.detach(run))
    }

    /// Collects `texts` (any iterable; each item is checked later) and
    /// their `ids` (`None`: every id is empty).
    fn read_batch<'py>(
        texts: &Bound<'py, PyAny>,
        ids: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<(Vec<Bound<'py, PyAny>>, Vec<String>)> {
        let py = texts.py();
        if texts.is_instance_of::<PyString>() {
            return Err(error(
                py,
                "InputError",
                "texts must be an iterable of str, not a single str (use annotate() for one text)".to_string(),
            ));
        }
        let iter = texts.try_iter().map_err(|_| {
            error(
                py,
                "InputError",
                format!(
                    "texts must be an iterable of str, not {}",
                    texts.get_type().name().map(|n| n.to_string()).unwrap_or_default()
                ),
            )
        })?;
        let objs: Vec<Bound<'py, PyAny>> = iter.collect::<PyResult<_>>()?;
        let ids: Vec<String> = match ids {
            None => vec![String::new(); objs.len()],
            Some(ids) => {
                let ids: Vec<Bound<'py, PyAny>> = ids
                    .try_iter()
                    .map_err(|_| error(py, "InputError", "ids must be an iterable of str or int".to_string()))?
                    .collect::<PyResult<_>>()?;
                if ids.len() != objs.len() {
                    return Err(error(
                        py,
                        "InputError",
                        format!("{} ids for {} texts: give one id per text", ids.len(), objs.len()),
                    ));
                }
                ids.iter()
                    .enumerate()
                    .map(|(i, id)| id_of(id, &|| format!("ids[{i}]")))
                    .collect::<PyResult<_>>()?
            }
        };
        Ok((objs, ids))
    }

    /// Annotates a batch; gives the records in input order or raises
    /// `AnnotationError` for the first document the engine failed on.
    fn batch_records(
        &self,
        texts: &Bound<'_, PyAny>,
        ids: Option<&Bound<'_, PyAny>>,
        threads: Option<usize>,
    ) -> PyResult<Vec<EvalDocument>> {
        let py = texts.py();
        let (objs, ids) = Self::read_batch(texts, ids)?;
        let strs: Vec<&str> = objs
            .iter()
            .enumerate()
            .map(|(i, t)| text_of(t, &|| format!("texts[{i}]")))
            .collect::<PyResult<_>>()?;
        let outcomes = self.annotate_batch(py, &ids, &strs, threads)?;
        outcomes
            .into_iter()
            .enumerate()
            .map(|(i, outcome)| {
                outcome.map_err(|message| {
                    error(
                        py,
                        "AnnotationError",
                        format!("the annotator failed on texts[{i}] ({message}); this is a bug in pactlens, please report it with the text"),
                    )
                })
            })
            .collect()
    }

    /// One text, annotated without the GIL.
    fn single_record(&self, text: &Bound<'_, PyAny>, id: Option<&Bound<'_, PyAny>>) -> PyResult<EvalDocument> {
        let py = text.py();
        let text = text_of(text, &|| "text".to_string())?;
        let id = match id {
            Some(id) => id_of(id, &|| "id".to_string())?,
            None => String::new(),
        };
        py.detach(|| self.annotate_one(&id, text)).map_err(|message| {
            error(
                py,
                "AnnotationError",
                format!("the annotator failed on this text ({message}); this is a bug in pactlens, please report it with the text"),
            )
        })
    }
}

/// A rayon pool of `n` threads, made once per size and kept.
fn pool(py: Python<'_>, n: usize) -> PyResult<Arc<rayon::ThreadPool>> {
    static POOLS: Mutex<Option<HashMap<usize, Arc<rayon::ThreadPool>>>> = Mutex::new(None);
    let mut pools = POOLS.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let pools = pools.get_or_insert_with(HashMap::new);
    if let Some(pool) = pools.get(&n) {
        return Ok(pool.clone());
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("pactlens-{i}"))
        .build()
        .map_err(|e| error(py, "PactlensError", format!("cannot start {n} threads: {e}")))?;
    let pool = Arc::new(pool);
    pools.insert(n, pool.clone());
    Ok(pool)
}

/// The record as a `dict` with the keys, order and omissions of its JSON:
/// `id`, `text`, `entities` (`start`, `end`, `label`, `text`) and, when
/// there are any, `agreements` (`parties`, `kind`, `mentions`, and `date`
/// when one was written).
fn to_dict<'py>(py: Python<'py>, doc: &EvalDocument) -> PyResult<Bound<'py, PyDict>> {
    let out = PyDict::new(py);
    out.set_item(intern!(py, "id"), &doc.id)?;
    out.set_item(intern!(py, "text"), &doc.text)?;
    let entities = PyList::empty(py);
    for e in &doc.entities {
        let entity = PyDict::new(py);
        entity.set_item(intern!(py, "start"), e.start)?;
        entity.set_item(intern!(py, "end"), e.end)?;
        entity.set_item(intern!(py, "label"), serde_name(&e.label))?;
        entity.set_item(intern!(py, "text"), &e.text)?;
        entities.append(entity)?;
    }
    out.set_item(intern!(py, "entities"), entities)?;
    if !doc.agreements.is_empty() {
        let agreements = PyList::empty(py);
        for a in &doc.agreements {
            let agreement = PyDict::new(py);
            agreement.set_item(intern!(py, "parties"), &a.parties)?;
            agreement.set_item(intern!(py, "kind"), serde_name(&a.kind))?;
            agreement.set_item(intern!(py, "mentions"), &a.mentions)?;
            if let Some(date) = &a.date {
                agreement.set_item(intern!(py, "date"), date)?;
            }
            agreements.append(agreement)?;
        }
        out.set_item(intern!(py, "agreements"), agreements)?;
    }
    Ok(out)
}

/// The record as the CLI writes it: one line of JSON, without the newline.
fn to_json(py: Python<'_>, doc: &EvalDocument) -> PyResult<String> {
    serde_json::to_string(doc)
        .map_err(|e| error(py, "PactlensError", format!("cannot write the annotation as JSON: {e}")))
}

#[pymethods]
impl Annotator {
    /// Makes an annotator. `dictionary` is a dictionary exported from the
    /// page, as JSON text; `model` the bytes of a tagger model (None: the
    /// built-in one).
    #[new]
    #[pyo3(signature = (dictionary=None, model=None))]
    fn new(py: Python<'_>, dictionary: Option<&str>, model: Option<Vec<u8>>) -> PyResult<Self> {
        let dictionary = match dictionary {
            None => Dictionary::default(),
            Some(json) => Dictionary::from_json(json).map_err(|e| error(py, "DictionaryError", e.to_string()))?,
        };
        let tagger = match model {
            None => None,
            Some(bytes) => {
                Some(Arc::new(Tagger::from_bytes(&bytes).map_err(|e| {
                    error(py, "ModelError", format!("not a pactlens tagger model: {e}"))
                })?))
            }
        };
        Ok(Annotator { tagger, dictionary })
    }

    /// How many names the dictionary lists.
    #[getter]
    fn dictionary_size(&self) -> usize {
        self.dictionary.len()
    }

    /// One text as a `dict` (see `pactlens.annotate`).
    #[pyo3(signature = (text, id=None))]
    fn annotate<'py>(&self, text: &Bound<'py, PyAny>, id: Option<&Bound<'py, PyAny>>) -> PyResult<Bound<'py, PyDict>> {
        let doc = self.single_record(text, id)?;
        to_dict(text.py(), &doc)
    }

    /// One text as the CLI's JSON line (no newline).
    #[pyo3(signature = (text, id=None))]
    fn annotate_json(&self, text: &Bound<'_, PyAny>, id: Option<&Bound<'_, PyAny>>) -> PyResult<String> {
        let doc = self.single_record(text, id)?;
        to_json(text.py(), &doc)
    }

    /// Many texts as `dict`s, in order, annotated in parallel.
    #[pyo3(signature = (texts, ids=None, threads=None))]
    fn annotate_many<'py>(
        &self,
        texts: &Bound<'py, PyAny>,
        ids: Option<&Bound<'py, PyAny>>,
        threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        let py = texts.py();
        let docs = self.batch_records(texts, ids, threads)?;
        let out = PyList::empty(py);
        for doc in &docs {
            out.append(to_dict(py, doc)?)?;
        }
        Ok(out)
    }

    /// Many texts as the CLI's JSON lines, in order, annotated in parallel.
    #[pyo3(signature = (texts, ids=None, threads=None))]
    fn annotate_many_json<'py>(
        &self,
        texts: &Bound<'py, PyAny>,
        ids: Option<&Bound<'py, PyAny>>,
        threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = texts.py();
        let docs = self.batch_records(texts, ids, threads)?;
        let lines: Vec<String> = docs.iter().map(|d| to_json(py, d)).collect::<PyResult<_>>()?;
        lines.into_bound_py_any(py)
    }
}

/// The compiled half of the `pactlens` package.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Annotator>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
