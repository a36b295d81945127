//! The document's state in one reducer: the text, the reader's edits, the
//! personal dictionary and the undo history. Every change is an [`Action`];
//! the reducer is plain Rust, tested natively without a DOM.

use std::rc::Rc;

use pactlens_engine::edits::{normalise_line_ends, rebase_edits, Dictionary};
use pactlens_engine::export::Edit;
use pactlens_engine::Label;
use serde::{Deserialize, Serialize};
use yew::Reducible;

use crate::shared::Text;

/// What undo and redo restore.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Snapshot {
    /// The article, shared: snapshots, props and hooks hold the same
    /// allocation, so a long article is never copied or compared byte by
    /// byte on a render (`Rc` equality checks the pointer first).
    pub text: Text,
    /// The reader's edits to its marks, oldest first (code points).
    pub edits: Vec<Edit>,
    /// Names always or never marked, in every article; shared between
    /// snapshots, since a large imported dictionary would otherwise be
    /// copied into every undo step.
    pub dictionary: Rc<Dictionary>,
}

impl Snapshot {
    /// A text as it enters the page (file, import, share link, storage),
    /// with Windows and old Mac line ends made LF, as the text area would,
    /// and its edits moved to the same words.
    pub fn with_text(mut self, text: &str, edits: &[Edit]) -> Self {
        let (text, edits) = normalise_line_ends(text, edits);
        self.text = Text::from(text);
        self.edits = edits;
        self
    }
}

/// How many steps undo remembers.
const HISTORY: usize = 200;

/// The reader's document and its history.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DocState {
    /// The current document.
    pub now: Snapshot,
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    /// The last action was typing, so the next keystroke joins its undo step.
    typing: bool,
}

/// Everything that changes the document.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The reader typed in the text area: one undo step per run of typing;
    /// edits move with the text around them.
    Type(Text),
    /// A new text replaces the old one (sample, file, share link, clear);
    /// its edits come with it.
    Load {
        /// The text.
        text: Text,
        /// Its edits.
        edits: Vec<Edit>,
    },
    /// Add, relabel or remove a mark.
    Edit(Edit),
    /// Always mark this name with this label.
    Always(String, Label),
    /// Never mark this name.
    Never(String),
    /// Drop the dictionary's rule for this name.
    Forget(String),
    /// Replace the whole dictionary (import); undo brings the old one back.
    SetDictionary(Rc<Dictionary>),
    /// Step back.
    Undo,
    /// Step forward again.
    Redo,
}

impl DocState {
    /// A state that starts from `snapshot` with no history (a reload).
    pub fn restored(snapshot: Snapshot) -> Self {
        DocState {
            now: snapshot,
            ..Default::default()
        }
    }

    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    fn checkpoint(&mut self) {
        self.undo.push(self.now.clone());
        if self.undo.len() > HISTORY {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Drops this article's edits of `name`: a dictionary rule made now says
    /// what the reader wants for it, here too.
    fn drop_edits_of(&mut self, name: &str) {
        let text = &self.now.text;
        self.now.edits.retain(|e| {
            let (start, end) = e.range();
            !text
                .chars()
                .skip(start)
                .take(end.saturating_sub(start))
                .eq(name.chars())
        });
    }

    /// The state after `action` (the reducer, without `Rc`).
    pub fn apply(mut self, action: Action) -> Self {
        let typing = matches!(action, Action::Type(_));
        match action {
            Action::Type(text) => {
                if *text == *self.now.text {
                    return self;
                }
                if !self.typing {
                    self.checkpoint();
                }
                self.now.edits = rebase_edits(&self.now.text, &text, &self.now.edits);
                self.now.text = text;
            }
            Action::Load { text, edits } => {
                self.checkpoint();
                self.now = std::mem::take(&mut self.now).with_text(&text, &edits);
            }
            Action::Edit(edit) => {
                self.checkpoint();
                // A new edit of the same range supersedes older ones.
                self.now.edits.retain(|e| e.range() != edit.range());
                self.now.edits.push(edit);
            }
            Action::Always(name, label) => {
                self.checkpoint();
                self.drop_edits_of(&name);
                Rc::make_mut(&mut self.now.dictionary).always_mark(&name, label);
            }
            Action::Never(name) => {
                self.checkpoint();
                self.drop_edits_of(&name);
                Rc::make_mut(&mut self.now.dictionary).never_mark(&name);
            }
            Action::Forget(name) => {
                self.checkpoint();
                Rc::make_mut(&mut self.now.dictionary).forget(&name);
            }
            Action::SetDictionary(dictionary) => {
                self.checkpoint();
                self.now.dictionary = dictionary;
            }
            Action::Undo => {
                if let Some(previous) = self.undo.pop() {
                    self.redo.push(std::mem::replace(&mut self.now, previous));
                }
            }
            Action::Redo => {
                if let Some(next) = self.redo.pop() {
                    self.undo.push(std::mem::replace(&mut self.now, next));
                }
            }
        }
        self.typing = typing;
        self
    }
}

impl Reducible for DocState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn add(start: usize, end: usize) -> Action {
        Action::Edit(Edit::Add {
            start,
            end,
            label: Label::Company,
        })
    }

    #[test]
    fn edits_undo_and_redo_in_order() {
        let s = DocState::default().apply(Action::Load {
            text: "Acme and Bolt".into(),
            edits: vec![],
        });
        let s = s.apply(add(0, 4)).apply(add(9, 13));
        assert_eq!(s.now.edits.len(), 2);
        let s = s.apply(Action::Undo);
        assert_eq!(s.now.edits.len(), 1);
        let s = s.apply(Action::Undo).apply(Action::Undo);
        assert_eq!(&*s.now.text, "");
        assert!(!s.can_undo());
        let s = s.apply(Action::Redo).apply(Action::Redo).apply(Action::Redo);
        assert_eq!(s.now.edits.len(), 2);
        assert!(!s.can_redo());
    }

    #[test]
    fn a_new_action_clears_redo() {
        let s = DocState::default().apply(Action::Load {
            text: "Acme".into(),
            edits: vec![],
        });
        let s = s
            .apply(add(0, 4))
            .apply(Action::Undo)
            .apply(Action::Never("Acme".into()));
        assert!(!s.can_redo());
        assert_eq!(s.now.dictionary.never, ["Acme"]);
    }

    #[test]
    fn a_run_of_typing_is_one_undo_step_and_moves_edits() {
        let s = DocState::default().apply(Action::Load {
            text: "Acme met Bolt".into(),
            edits: vec![],
        });
        let s = s.apply(add(9, 13));
        let s = s
            .apply(Action::Type("Acme x met Bolt".into()))
            .apply(Action::Type("Acme xy met Bolt".into()));
        assert_eq!(
            s.now.edits,
            [Edit::Add {
                start: 12,
                end: 16,
                label: Label::Company
            }]
        );
        let s = s.apply(Action::Undo);
        assert_eq!(&*s.now.text, "Acme met Bolt");
        assert_eq!(
            s.now.edits,
            [Edit::Add {
                start: 9,
                end: 13,
                label: Label::Company
            }]
        );
    }

    #[test]
    fn a_second_edit_of_a_range_replaces_the_first() {
        let s = DocState::default().apply(Action::Load {
            text: "Acme".into(),
            edits: vec![],
        });
        let s = s
            .apply(add(0, 4))
            .apply(Action::Edit(Edit::Remove { start: 0, end: 4 }));
        assert_eq!(s.now.edits, [Edit::Remove { start: 0, end: 4 }]);
    }

    #[test]
    fn a_dictionary_rule_replaces_this_article_s_edits_of_the_name() {
        let s = DocState::default().apply(Action::Load {
            text: "Pix and Bing".into(),
            edits: vec![],
        });
        let s = s
            .apply(Action::Edit(Edit::Add {
                start: 0,
                end: 3,
                label: Label::Product,
            }))
            .apply(add(8, 12));
        let s = s.apply(Action::Never("Pix".into()));
        assert_eq!(
            s.now.edits,
            [Edit::Add {
                start: 8,
                end: 12,
                label: Label::Company
            }]
        );
    }

    #[test]
    fn a_crlf_text_loads_with_lf_and_its_edits_on_the_same_words() {
        let s = DocState::default().apply(Action::Load {
            text: "Intro\r\n\r\nAcme met Bolt\r\nEnd".into(),
            edits: vec![Edit::Add {
                start: 18,
                end: 22,
                label: Label::Company,
            }],
        });
        assert_eq!(&*s.now.text, "Intro\n\nAcme met Bolt\nEnd");
        let (start, end) = s.now.edits[0].range();
        let word: String = s.now.text.chars().skip(start).take(end - start).collect();
        assert_eq!(word, "Bolt");
    }

    #[test]
    fn an_imported_dictionary_can_be_undone_and_is_not_copied_per_step() {
        let mut big = Dictionary::default();
        big.never_mark("Pix");
        let big = Rc::new(big);
        let s = DocState::default()
            .apply(Action::Always("Acme".into(), Label::Company))
            .apply(Action::SetDictionary(big.clone()))
            .apply(Action::Load {
                text: "Acme".into(),
                edits: vec![],
            });
        assert!(Rc::ptr_eq(&s.now.dictionary, &big));
        assert!(Rc::ptr_eq(&s.undo.last().unwrap().dictionary, &big));
        let s = s.apply(Action::Undo).apply(Action::Undo);
        assert_eq!(s.now.dictionary.always, [("Acme".to_string(), Label::Company)]);
    }

    #[test]
    fn the_dictionary_replaces_rules_per_name() {
        let s = DocState::default()
            .apply(Action::Always("Pix".into(), Label::Product))
            .apply(Action::Never("Pix".into()));
        assert!(s.now.dictionary.always.is_empty());
        assert_eq!(s.now.dictionary.never, ["Pix"]);
        let s = s.apply(Action::Forget("Pix".into()));
        assert!(s.now.dictionary.is_empty());
    }
}
